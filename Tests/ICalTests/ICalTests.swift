import Foundation
import PropertyBased
import Synchronization
import Testing

@testable import ICal

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
        #expect(parsed.property(.summary)?.text == tricky)
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
        #expect(parsed.property(.description)?.text == long)
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

    /// Zones first used by several threads at once convert as one thread would: libical
    /// expands a zone lazily, and `ICalTimezones` keeps that to one thread at a time. The
    /// expected local times come from Foundation's time zones, an independent reading of the
    /// rules (European zones, whose rules have not changed in decades).
    @Test func zonesUsedByManyThreadsAtOnceConvertCorrectly() {
        let zones = [
            "Europe/Sarajevo", "Europe/Belgrade", "Europe/Zagreb", "Europe/Ljubljana", "Europe/Skopje",
            "Europe/Podgorica", "Europe/Tirane", "Europe/Vienna", "Europe/Berlin", "Europe/Paris", "Europe/Rome",
            "Europe/Madrid", "Europe/Lisbon", "Europe/London", "Europe/Dublin", "Europe/Brussels", "Europe/Amsterdam",
            "Europe/Luxembourg", "Europe/Prague", "Europe/Bratislava", "Europe/Budapest", "Europe/Warsaw",
            "Europe/Bucharest", "Europe/Sofia", "Europe/Athens", "Europe/Helsinki", "Europe/Riga", "Europe/Tallinn",
            "Europe/Vilnius", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Zurich", "Europe/Malta",
        ]
        // 12:00 UTC on days around the changes of 2024 and in mid-winter and mid-summer.
        let days = [(2024, 1, 15), (2024, 3, 30), (2024, 3, 31), (2024, 7, 15), (2024, 10, 26), (2024, 10, 27)]
        let mismatches = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: zones.count * 4) { index in
            let zone = zones[index % zones.count]
            for (year, month, day) in days {
                let utc = ICalTime(year: year, month: month, day: day, hour: 12, minute: 0, isUTC: true)
                let local = ICalTimezones.convert(utc, from: "UTC", to: zone)
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "UTC")!
                let instant = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
                let offset = TimeZone(identifier: zone)!.secondsFromGMT(for: instant)
                let expected = 12 * 60 + offset / 60
                let got = local.map { $0.hour * 60 + $0.minute }
                if got != expected {
                    mismatches.withLock { $0.append("\(zone) \(year)-\(month)-\(day): \(String(describing: got))") }
                }
            }
        }
        #expect(mismatches.withLock { $0 }.isEmpty)
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
        #expect(events.first?.property(.uid)?.text == "a@b")
        #expect(calendar.copy().serialized() == calendar.serialized())
    }
}

@Suite struct ICalReadingTests {
    @Test func durationsAndWindowsZoneNamesAreReadAsWritten() throws {
        let text =
            "BEGIN:VEVENT\r\nDTSTART;TZID=W. Europe Standard Time:20231207T100000\r\nDURATION:P1DT2H\r\nEND:VEVENT\r\n"
        let event = try #require(ICalComponent.parse(text))
        #expect(event.property(.duration)?.durationSeconds == 93_600)
        #expect(event.property(.start)?.tzid == "W. Europe Standard Time")
        #expect(event.property(.start)?.time == ICalTime(year: 2023, month: 12, day: 7, hour: 10, minute: 0))
        #expect(event.property(.start)?.durationSeconds == nil)
    }

    /// STATUS and CLASS are read as typed values whatever the case an exporter wrote them in;
    /// a value that is not an event's reads as nil rather than as some default.
    @Test(
        arguments: [
            ("CANCELLED", ICalStatus.cancelled), ("cancelled", .cancelled), ("Tentative", .tentative),
            ("confirmed", .confirmed), ("COMPLETED", nil), ("X-POSTPONED", nil),
        ] as [(String, ICalStatus?)])
    func statusIsReadInAnyCase(value: String, expected: ICalStatus?) throws {
        let event = try #require(ICalComponent.parse("BEGIN:VEVENT\r\nUID:a\r\nSTATUS:\(value)\r\nEND:VEVENT\r\n"))
        #expect(event.status == expected)
    }

    @Test func classificationIsReadInAnyCaseAndMissingIsNil() throws {
        let event = try #require(ICalComponent.parse("BEGIN:VEVENT\r\nCLASS:confidential\r\nEND:VEVENT\r\n"))
        #expect(event.classification == .confidential)
        let plain = try #require(ICalComponent.parse("BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n"))
        #expect(plain.classification == nil && plain.status == nil && plain.property(.geo) == nil)
    }

    /// A kind finds its own properties only, in order: each `X-` name is a kind of its own.
    @Test func propertiesAreFoundByTheirKind() throws {
        let calendar = ICalComponent(.calendar)
        calendar.add(.text(.calendarName, "Name"))
        calendar.add(.text(.calendarDescription, "About"))
        calendar.add(.text(.description, "Plain"))
        calendar.add(.text(.calendarName, "Second"))
        let parsed = try #require(ICalComponent.parse(calendar.serialized()))
        #expect(parsed.properties(.calendarName).compactMap(\.text) == ["Name", "Second"])
        #expect(parsed.property(.calendarDescription)?.text == "About")
        #expect(parsed.property(.description)?.text == "Plain")
        #expect(parsed.property(.calendarTimezone) == nil)
        let event = try #require(
            ICalComponent.parse(
                "BEGIN:VEVENT\r\nGEO:42.0;21.4\r\nEXDATE:20240101\r\nEXDATE:20240108\r\nEND:VEVENT\r\n"))
        #expect(event.property(.geo)?.geo?.latitude == 42.0)
        #expect(event.properties(.exceptionDate).compactMap(\.valueString) == ["20240101", "20240108"])
    }

    /// The text of a date or date-time is libical's, for values in and out of a calendar's range.
    @Test func timeTextIsLibicalsText() async {
        let values = Gen.int(in: -2...10_001).array(of: 6...6)
        await propertyCheck(count: 500, input: values, Gen.int(in: 0...2)) { (values: [Int], shape: Int) in
            let year = [values[0], 1999, 2024][abs(values[1]) % 3]
            let (month, day, hour, minute, second) = (
                values[1] % 14, values[2] % 33, values[3] % 101, values[4] % 61, values[5] % 61
            )
            let time =
                shape == 0
                ? ICalTime(year: year, month: month, day: day)
                : ICalTime(
                    year: year, month: month, day: day, hour: hour, minute: minute, second: second, isUTC: shape == 2)
            #expect(time.description == time.libicalText, "\(time)")
        }
    }
}

@Suite struct ICalLibraryVersionTests {
    /// libical's file, found as the process maps it; its version is the file's, links resolved.
    @Test func theVersionIsReadFromTheFirstMappedLibicalFile() throws {
        let library = try #require(
            ["/usr/lib/x86_64-linux-gnu/libical.so.3", "/lib/x86_64-linux-gnu/libical.so.3"].first {
                FileManager.default.fileExists(atPath: $0)
            })
        let resolved = try FileManager.default.destinationOfSymbolicLink(atPath: library)
        let expected = String(resolved.split(separator: "/").last!.dropFirst("libical.so.".count))
        func version(_ maps: String) -> String? {
            Array(maps.utf8).withUnsafeBufferPointer { ICalLibraryVersion.libicalVersion(inMaps: $0) }
        }
        let before = "55d0c2a6e000-55d0c2a70000 r--p 00000000 08:01 1 /usr/bin/cat\n"
        let line = "7f5b2c000000-7f5b2c01e000 r--p 00000000 08:01 2 \(library)\n"
        #expect(version(before + line) == expected)
        #expect(version(before + line.dropLast()) == expected, "the last line need not end in a newline")
        #expect(version(before) == nil)
        #expect(version(before.replacingOccurrences(of: "/usr/bin/cat", with: "/opt/libical.so.x/cat")) == nil)
        #expect(version("7f5b2c000000-7f5b2c01e000 r--p 00000000 08:01 2 /nowhere/libical.so.3\n") == nil)
        #expect(version("7f5b2c000000-7f5b2c01e000 r--p 00000000 08:01 2 \(library) (deleted)\n") == nil)
        #expect(version("") == nil)
        #expect(ICalLibraryVersion.current == expected, "this test process maps the system's libical")
    }
}
