import AlmanacModel
import AlmanacRecords
import Foundation
import Testing

@Suite struct ImportICSTests {
    static let outlook = CLI.fixtures.appendingPathComponent("ics/outlook.ics")

    @Test func outlookZonesSeriesMovedCancelledAndNonASCII() throws {
        let project = try emptyExampleProject()
        let result = try CLI.run(["import", "ics", Self.outlook.path, "--project", project.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("5 events: 5 records written.\n"))
        let records = try recordsByTitle(project.url)
        let series = try #require(records["Team coordination"])
        // "W. Europe Standard Time" is Europe/Berlin, not a floating time.
        #expect(series.timezone == "Europe/Berlin")
        #expect(
            series.timing
                == .timed(start: LocalDateTime(iso: "2023-11-06T10:00")!, end: LocalDateTime(iso: "2023-11-06T10:30")!))
        #expect(series.repeatRule?.description == "FREQ=WEEKLY;COUNT=6;BYDAY=MO")
        // The EXDATE and the moved occurrence are both left out of the series.
        #expect(series.exceptions.map(\.firstDay.description) == ["2023-11-20", "2023-11-27"])
        let moved = try #require(records["Team coordination (moved)"])
        #expect(moved.timing?.firstDay.description == "2023-11-28" && moved.repeatRule == nil)
        let board = try #require(records["7. Sitzung des Beirats – Chișinău"])
        #expect(board.timing == .allDay(start: LocalDate(iso: "2023-12-07")!, end: LocalDate(iso: "2023-12-07")!))
        #expect(board.place?.city == "Chișinău" && board.category == "board-meeting")
        let cancelled = try #require(records["Workshop on border security"])
        #expect(
            cancelled.status == .cancelled && cancelled.timezone == "Europe/Budapest"
                && cancelled.place?.venue == "Hotel Europe")
        // A UTC time with a DURATION lands in the project's zone.
        #expect(
            records["Online briefing"]?.timing
                == .timed(start: LocalDateTime(iso: "2024-01-15T09:00")!, end: LocalDateTime(iso: "2024-01-15T11:00")!))
    }

    /// Exporters write STATUS and CLASS values, and even property names, in any case; each is
    /// read as what it says. A status that is not an event's (a task's COMPLETED) or an
    /// unknown class leaves the activity confirmed and public, as no STATUS or CLASS does.
    @Test func statusAndClassOfAnyCaseAreReadAsWhatTheySay() throws {
        let project = try emptyExampleProject()
        let events: [(title: String, lines: String)] = [
            ("Lower-case cancelled", "STATUS:cancelled"), ("Mixed-case tentative", "status:Tentative"),
            ("Upper-case cancelled", "STATUS:CANCELLED"), ("A task's status", "STATUS:COMPLETED"),
            ("Private in lower case", "CLASS:private"), ("Confidential", "class:Confidential"),
            ("Own class", "CLASS:X-PARTNERS-ONLY"), ("Nothing said", ""),
        ]
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        for (index, event) in events.enumerated() {
            text += "BEGIN:VEVENT\r\nUID:case-\(index)@example.org\r\nDTSTAMP:20231101T000000Z\r\n"
            text += "DTSTART;VALUE=DATE:202312\(10 + index)\r\nSUMMARY:\(event.title)\r\n"
            text += (event.lines.isEmpty ? "" : event.lines + "\r\n") + "END:VEVENT\r\n"
        }
        try project.write("cases.ics", text + "END:VCALENDAR\r\n")
        let result = try CLI.run([
            "import", "ics", project.url.appendingPathComponent("cases.ics").path, "--project", project.url.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try recordsByTitle(project.url)
        let expected: [String: (EventStatus, Visibility)] = [
            "Lower-case cancelled": (.cancelled, .public), "Mixed-case tentative": (.tentative, .public),
            "Upper-case cancelled": (.cancelled, .public), "A task's status": (.confirmed, .public),
            "Private in lower case": (.confirmed, .internal), "Confidential": (.confirmed, .internal),
            "Own class": (.confirmed, .public), "Nothing said": (.confirmed, .public),
        ]
        #expect(records.count == expected.count)
        for (title, (status, visibility)) in expected {
            let record = try #require(records[title], "'\(title)' was not imported")
            #expect(record.status == status && record.visibility == visibility, "\(title)")
        }
    }

    @Test func aFeedAlmanacWroteImportsBackToTheSameRecords() throws {
        let example = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        #expect(try CLI.run(["feed", "--project", example.url.path]).status == 0)
        let project = try emptyExampleProject()
        let result = try CLI.run([
            "import", "ics", example.url.appendingPathComponent("public/all.ics").path, "--project", project.url.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let original = try Project.load(from: example.url.path).get().records.filter {
            $0.visibility == .public && $0.status != .draft
        }
        let imported = Dictionary(
            try Project.load(from: project.url.path).get().records.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first })
        #expect(imported.count == original.count)
        for record in original {
            // What a feed carries of a record comes back; organisations, role and format are not in feeds.
            let back = try #require(imported[record.id], "\(record.id) did not come back")
            #expect(back.title == record.title && back.timing == record.timing && back.timezone == record.timezone)
            #expect(back.place == record.place && back.coordinates == record.coordinates)
            #expect(back.category == record.category && back.tags == record.tags && back.status == record.status)
            #expect(back.summary == record.summary && back.url == record.url)
            #expect(back.repeatRule == record.repeatRule && back.exceptions == record.exceptions)
        }
        let again = try CLI.run([
            "import", "ics", example.url.appendingPathComponent("public/all.ics").path, "--project", project.url.path,
        ])
        #expect(again.stdout == "10 events: 0 records written, 10 already imported.\n")
    }

    @Test func aFeedWithSeriesAndTimedEventsRoundTrips() throws {
        let stress = try TemporaryFolder(copying: CLI.fixtures.appendingPathComponent("stress"))
        #expect(try CLI.run(["feed", "--project", stress.url.path]).status == 0)
        let project = try TemporaryFolder()
        try project.write("almanac.yml", try stress.read("almanac.yml"))
        #expect(
            try CLI.run([
                "import", "ics", stress.url.appendingPathComponent("public/all.ics").path, "--project",
                project.url.path,
            ]).status == 0)
        let original = try Project.load(from: stress.url.path).get().records.filter {
            $0.visibility == .public && $0.status != .draft
        }
        let imported = Dictionary(
            try Project.load(from: project.url.path).get().records.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first })
        for record in original {
            let back = try #require(imported[record.id], "\(record.id) did not come back")
            #expect(back.timing == record.timing && back.timezone == record.timezone, "\(record.id)")
            #expect(back.repeatRule == record.repeatRule && back.exceptions == record.exceptions, "\(record.id)")
            #expect(back.title == record.title && back.status == record.status, "\(record.id)")
        }
    }

    /// An event is checked by the same rules as a record file: a repeat rule that no report
    /// can count (every hour, without end) is the record checker's rule, which the importer
    /// did not know. Import is lenient about optional values: the rule and a bad URL are left
    /// out with a warning at their own lines, and the activity is kept, so `check` passes.
    @Test func anEventGoesThroughTheRecordCheckerWithProblemsAtTheirLines() throws {
        let project = try emptyExampleProject()
        let lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:pings@example.org",
            "DTSTAMP:20231101T000000Z", "DTSTART;TZID=Europe/Sarajevo:20231005T100000", "SUMMARY:Pings",
            "RRULE:FREQ=HOURLY", "URL:https://ok.example/a b", "END:VEVENT", "END:VCALENDAR", "",
        ]
        try project.write("pings.ics", lines.joined(separator: "\r\n"))
        let result = try CLI.run(["import", "ics", "pings.ics"], in: project.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                """
                pings.ics:9:1: warning: the RRULE of 'Pings' (FREQ=HOURLY) repeats every hour \
                without end, which no report can count, so only the first occurrence is imported
                """
            ))
        #expect(result.stderr.contains("pings.ics:10:1: warning: the URL of 'Pings' is left out: it holds characters"))
        let record = try project.read("events/2023/2023-10-05-pings.yml")
        #expect(!record.contains("repeat:") && !record.contains("url:"))
        #expect(record.hasPrefix("id: 2023-10-05-pings\ntitle: Pings\nstart: 2023-10-05T10:00\n"))
        let check = try CLI.run(["check"], in: project.url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
