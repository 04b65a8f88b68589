// Exercises every part of the libical wrapper once, so that valgrind can check that the
// wrapper frees what libical allocates. Exits non-zero when a round trip goes wrong.
import ICal

#if canImport(Glibc)
    import Glibc
#endif

func check(_ condition: Bool, _ message: String) {
    if !condition {
        print("ICalProbe: \(message)")
        exit(1)
    }
}

for round in 0..<50 {
    let calendar = ICalComponent(.calendar)
    calendar.add(.text(.productID, "-//Almanac//Probe//EN"))
    calendar.add(.text(.calendarName, "Probe, round \(round)"))
    calendar.add(.duration(.refreshInterval, seconds: 43_200))
    if let zone = ICalTimezones.vtimezone(
        "Europe/Sarajevo", from: ICalTime(year: 2023, month: 1, day: 1, hour: 0, minute: 0, isUTC: true), through: nil)
    {
        calendar.add(zone)
    } else {
        check(false, "no VTIMEZONE for Europe/Sarajevo")
    }
    let event = ICalComponent(.event)
    event.add(.text(.uid, "probe-\(round)@example.org"))
    event.add(.time(.timestamp, ICalTime(unixTime: 1_700_000_000)))
    event.add(.time(.start, ICalTime(year: 2023, month: 12, day: 7, hour: 10, minute: 0), tzid: "Europe/Sarajevo"))
    event.add(.time(.end, ICalTime(year: 2023, month: 12, day: 8)))
    event.add(.text(.summary, "Chișinău; Priština, Kosovo* \\ done"))
    event.add(.category("board meeting"))
    event.add(.geo(latitude: 43.85, longitude: 18.41))
    event.add(.integer(.sequence, round))
    event.add(.uri(.url, "https://example.org/news?id=\(round)"))
    event.add(.status(.confirmed))
    // A property built but never added frees itself.
    _ = ICalNewProperty.text(.summary, "dropped before it was added")
    if let rule = ICalRecurrence("FREQ=WEEKLY;COUNT=3") {
        event.add(.recurrenceRule(rule))
        let dates = rule.occurrences(
            startingAt: ICalTime(year: 2023, month: 1, day: 2), through: ICalTime(year: 2023, month: 12, day: 31))
        check(dates.count == 3, "expected 3 occurrences, got \(dates.count)")
    }
    check(ICalRecurrence("FREQ=SOMETIMES") == nil, "an invalid RRULE was accepted")
    calendar.add(event)
    let text = calendar.serialized()
    if round == 0 && CommandLine.arguments.count > 1 { print(text) }
    guard let parsed = ICalComponent.parse(text) else {
        check(false, "could not parse what was written")
        exit(1)
    }
    let events = parsed.children.filter { $0.kind == .event }
    check(events.count == 1, "expected one VEVENT")
    check(
        events.first?.property(.summary)?.text == "Chișinău; Priština, Kosovo* \\ done",
        "SUMMARY did not survive")
    check(events.first?.property(.start)?.tzid == "Europe/Sarajevo", "TZID did not survive")
    check(
        ICalTimezones.convert(
            ICalTime(year: 2023, month: 7, day: 1, hour: 12, minute: 0), from: "Europe/Sarajevo", to: "UTC")?.hour
            == 10, "zone conversion is wrong")
    if let broken = ICalComponent.parse(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    {
        check(!broken.errors.isEmpty, "a bad DTSTART went unnoticed")
        broken.removeErrors()
        check(broken.errors.isEmpty, "errors were not removed")
    }
    check(ICalComponent.parse("") == nil, "empty text parsed")
    check(
        ICalComponent.parseQuietly("END:VEVENT\r\nBEGIN:VEVENT\r\nUID:q\r\nEND:VEVENT\r\n")?.property(.uid)?
            .text == "q", "a quiet parse lost the event")
    let outlook = """
        BEGIN:VCALENDAR\r\n\
        BEGIN:VEVENT\r\n\
        UID:o-\(round)\r\n\
        DTSTART;TZID=W. Europe Standard Time:20231207T100000\r\n\
        DURATION:PT1H30M\r\n\
        EXDATE;TZID=W. Europe Standard Time:20231214T100000,20231221T100000\r\n\
        END:VEVENT\r\n\
        END:VCALENDAR\r\n
        """
    if let imported = ICalComponent.parse(outlook), let vevent = imported.children.first {
        check(vevent.property(.duration)?.durationSeconds == 5_400, "DURATION was not read")
        check(
            vevent.property(.start)?.tzid == "W. Europe Standard Time", "a Windows TZID was lost"
        )
        check(
            vevent.properties(.exceptionDate).compactMap(\.valueString).joined(separator: ",").contains(
                "20231221T100000"), "EXDATE values were lost")
    } else {
        check(false, "an Outlook event did not parse")
    }
    _ = ICalTimezones.isKnown("Nowhere/Atlantis")
}
print("ICalProbe: ok")
