import Foundation
import ICal
import Testing

@Suite struct ICalWrapperTests {
    private func event(_ build: (ICalComponent) -> Void) -> String {
        let event = ICalComponent(.event)
        build(event)
        return event.serialized()
    }

    @Test func textIsEscapedAndSurvivesAParse() throws {
        let tricky = "Chișinău; Priština, Kosovo* \\ line\nnext"
        let text = event { $0.add(.text(.summary, tricky)) }
        #expect(text.contains("SUMMARY:Chișinău\\; Priština\\, Kosovo* \\\\ line\\nnext\r\n"))
        let parsed = try #require(ICalComponent.parse(text))
        #expect(parsed.property(named: "SUMMARY")?.text == tricky)
    }

    @Test func linesAreCRLFFoldedAt75OctetsWithoutSplittingCharacters() throws {
        let long = String(repeating: "Žđ世 ", count: 200) + "end"
        let text = event { $0.add(.text(.description, long)) }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in text.split(separator: "\r\n") {
            #expect(line.utf8.count <= 75, "line of \(line.utf8.count) octets")
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        let parsed = try #require(ICalComponent.parse(text))
        #expect(parsed.property(named: "DESCRIPTION")?.text == long)
    }

    @Test func datesGetValueDateAndLocalTimesATZID() {
        let text = event {
            $0.add(.time(.start, ICalTime(year: 2023, month: 9, day: 5)))
            $0.add(.time(.end, ICalTime(year: 2023, month: 12, day: 7, hour: 10, minute: 30), tzid: "Europe/Sarajevo"))
            $0.add(.time(.timestamp, ICalTime(unixTime: 1_707_955_200)))
        }
        #expect(text.contains("DTSTART;VALUE=DATE:20230905\r\n"))
        #expect(text.contains("DTEND;TZID=Europe/Sarajevo:20231207T103000\r\n"))
        #expect(text.contains("DTSTAMP:20240215T000000Z\r\n"))
    }

    @Test func unparseableTextGivesNilAndBadValuesAreReported() throws {
        #expect(ICalComponent.parse("") == nil)
        #expect(ICalComponent.parse("\u{0}\u{1}garbage") == nil)
        let broken = try #require(ICalComponent.parse("BEGIN:VEVENT\r\nDTSTART:notadate\r\nUID:x\r\nEND:VEVENT\r\n"))
        #expect(!broken.errors.isEmpty)
        broken.removeErrors()
        #expect(broken.errors.isEmpty)
        #expect(!broken.serialized().contains("X-LIC-ERROR"))
    }

    @Test func recurrenceRulesAreValidatedAndExpanded() throws {
        #expect(ICalRecurrence("FREQ=SOMETIMES") == nil)
        #expect(ICalRecurrence("not a rule") == nil)
        let rule = try #require(ICalRecurrence("FREQ=WEEKLY;COUNT=4;BYDAY=MO"))
        let dates = rule.occurrences(
            startingAt: ICalTime(year: 2024, month: 1, day: 8), through: ICalTime(year: 2024, month: 12, day: 31))
        #expect(dates.map(\.description) == ["20240108", "20240115", "20240122", "20240129"])
    }

    @Test func timezonesHaveThePlainIANANameAndAreCutDown() throws {
        #expect(ICalTimezones.isKnown("Europe/Sarajevo"))
        #expect(!ICalTimezones.isKnown("Europe/Atlantis"))
        let zone = try #require(
            ICalTimezones.vtimezone(
                "Europe/Sarajevo",
                from: ICalTime(year: 2023, month: 1, day: 1, hour: 0, minute: 0, isUTC: true),
                through: ICalTime(year: 2025, month: 1, day: 1, hour: 0, minute: 0, isUTC: true)))
        let text = zone.serialized()
        #expect(text.contains("TZID:Europe/Sarajevo\r\n"))
        #expect(!text.contains("freeassociation"))
        #expect(text.components(separatedBy: "BEGIN:STANDARD").count == 2)
        #expect(text.components(separatedBy: "BEGIN:DAYLIGHT").count == 2)
        #expect(text.contains("RRULE:FREQ=YEARLY"))
        #expect(
            ICalTimezones.vtimezone("Europe/Atlantis", from: ICalTime(year: 2023, month: 1, day: 1), through: nil)
                == nil)
    }

    @Test func convertsAcrossDaylightSavingTime() {
        let winter = ICalTimezones.convert(
            ICalTime(year: 2024, month: 3, day: 30, hour: 10, minute: 0), from: "Europe/Sarajevo", to: "UTC")
        let summer = ICalTimezones.convert(
            ICalTime(year: 2024, month: 3, day: 31, hour: 10, minute: 0), from: "Europe/Sarajevo", to: "UTC")
        #expect(winter?.hour == 9)
        #expect(summer?.hour == 8)
        #expect(summer?.isUTC == true)
    }

    @Test func componentsKeepTheirParentAliveAndChildrenAreReadable() throws {
        let calendar = ICalComponent(.calendar)
        do {
            let event = ICalComponent(.event)
            event.add(.text(.uid, "a@b"))
            calendar.add(event)
        }
        let events = calendar.children.filter { $0.kind == .event }
        #expect(events.count == 1)
        #expect(events.first?.property(named: "uid")?.text == "a@b")
        #expect(calendar.copy().serialized() == calendar.serialized())
    }
}

@Suite struct ICalReadingTests {
    @Test func durationsAndWindowsZoneNamesAreReadAsWritten() throws {
        let text =
            "BEGIN:VEVENT\r\nDTSTART;TZID=W. Europe Standard Time:20231207T100000\r\nDURATION:P1DT2H\r\nEND:VEVENT\r\n"
        let event = try #require(ICalComponent.parse(text))
        #expect(event.property(named: "DURATION")?.durationSeconds == 93_600)
        #expect(event.property(named: "DTSTART")?.parameter("TZID") == "W. Europe Standard Time")
        #expect(event.property(named: "DTSTART")?.time == ICalTime(year: 2023, month: 12, day: 7, hour: 10, minute: 0))
        #expect(event.property(named: "DTSTART")?.durationSeconds == nil)
    }
}
