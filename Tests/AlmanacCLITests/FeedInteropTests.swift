import Foundation
import Testing

/// Every feed Almanac writes is read by independent parsers: Python's `icalendar`, the strict
/// `ical` package, and Debian's calcurse.
@Suite struct FeedInteropTests {
    struct ParsedEvent: Decodable {
        var uid: String
        var summary: String?
        var description: String?
        var start: String?
        var end: String?
        var status: String?
        var sequence: Int
        var categories: [String]
        var exdates: [String]?
        var rrule: String?
    }

    struct ParsedCalendar: Decodable {
        var timezones: [String]
        var events: [ParsedEvent]
    }

    struct Parsed: Decodable {
        var icalendar: ParsedCalendar
        var ical: ParsedCalendar
    }

    /// Writes the feeds of a project copy and returns their paths.
    private func feeds(of project: URL) throws -> (folder: TemporaryFolder, files: [URL]) {
        let folder = try TemporaryFolder(copying: project)
        let result = try CLI.run(["feed", "--out", "out"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let out = folder.url.appendingPathComponent("out")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted().map {
            out.appendingPathComponent($0)
        }
        return (folder, files)
    }

    private func parse(_ feed: URL, with python: URL) throws -> Parsed? {
        let script = CLI.packageRoot.appendingPathComponent("Tests/Interop/parse_feed.py")
        let result = try CLI.runProgram(python, [script.path, feed.path])
        #expect(result.status == 0, "\(feed.lastPathComponent): \(result.stderr)")
        guard result.status == 0 else { return nil }
        return try JSONDecoder().decode(Parsed.self, from: Data(result.stdout.utf8))
    }

    @Test func pythonParsersReadTheStressFeedExactly() throws {
        guard let python = Interop.require(Interop.python, "the Python parsers (.venv-tests)") else { return }
        let (folder, files) = try feeds(of: CLI.fixtures.appendingPathComponent("stress"))
        let all = try #require(files.first { $0.lastPathComponent == "all.ics" })
        let parsed = try #require(try parse(all, with: python))
        for calendar in [parsed.icalendar, parsed.ical] {
            let byUID = Dictionary(
                uniqueKeysWithValues: calendar.events.map {
                    ($0.uid.replacingOccurrences(of: "@stress.example.org", with: ""), $0)
                })
            #expect(
                Set(byUID.keys) == [
                    "weekly-coordination", "chisinau-consultations", "separators", "long-description",
                    "cancelled-workshop", "dst-change-day",
                ])
            #expect(Set(calendar.timezones) == ["Europe/Brussels", "Europe/Sarajevo"])
            #expect(byUID["separators"]?.summary == #"Budget; review, part 1 \ draft "final""#)
            #expect(
                byUID["separators"]?.description
                    == """
                    First line, with a comma; and a semicolon.
                    Second line \\ with a backslash.

                    Last paragraph after an empty line.
                    """
            )
            #expect(
                byUID["chisinau-consultations"]?.summary
                    == "Consultations in Chișinău with Priština and Kosovo* delegations")
            #expect(byUID["chisinau-consultations"]?.categories == ["meeting", "ünïcödé", "kosovo*"])
            #expect(byUID["chisinau-consultations"]?.start == "2024-02-05")
            #expect(byUID["chisinau-consultations"]?.end == "2024-02-07")
            #expect(byUID["long-description"]?.description?.count == 2000)
            #expect(byUID["dst-change-day"]?.start == "2024-03-31T10:00:00+02:00")
            #expect(byUID["weekly-coordination"]?.start == "2024-01-08T09:30:00+01:00")
            #expect(byUID["cancelled-workshop"]?.status == "CANCELLED")
        }
        let record = try String(contentsOf: folder.url.appendingPathComponent("events/long.yml"), encoding: .utf8)
        let long = parsed.icalendar.events.first { $0.uid.hasPrefix("long-description") }?.description ?? ""
        #expect(record.contains(long), "the 2,000-character description changed on its way through the feed")
        let series = try #require(parsed.icalendar.events.first { $0.uid.hasPrefix("weekly-coordination") })
        #expect(series.rrule == "FREQ=WEEKLY;COUNT=6")
        #expect(series.exdates == ["2024-01-22T09:30:00+01:00"])
    }

    @Test func pythonParsersAcceptEveryExampleFeed() throws {
        guard let python = Interop.require(Interop.python, "the Python parsers (.venv-tests)") else { return }
        let (folder, files) = try feeds(of: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        defer { withExtendedLifetime(folder) {} }
        #expect(files.map(\.lastPathComponent) == ["all.ics", "board.ics", "meetings.ics"])
        for file in files {
            let parsed = try #require(try parse(file, with: python))
            #expect(parsed.icalendar.events.count == parsed.ical.events.count)
            #expect(parsed.icalendar.events.allSatisfy { $0.uid.hasSuffix("@iisg.example.org") })
        }
    }

    @Test func calcurseImportsEveryFeedWithoutSkippingAnything() throws {
        guard let calcurse = Interop.require(Interop.program("calcurse"), "calcurse") else { return }
        for project in [
            CLI.fixtures.appendingPathComponent("stress"), CLI.packageRoot.appendingPathComponent("examples/iisg"),
        ] {
            let (folder, files) = try feeds(of: project)
            defer { withExtendedLifetime(folder) {} }
            for file in files {
                let data = try TemporaryFolder()
                let result = try CLI.runProgram(calcurse, ["-D", data.url.path, "-i", file.path])
                #expect(result.status == 0, "\(file.lastPathComponent): \(result.stderr)")
                let count =
                    (try String(contentsOf: file, encoding: .utf8)).components(separatedBy: "BEGIN:VEVENT").count - 1
                #expect(result.stdout.contains("/ 0 skipped"), "\(file.lastPathComponent): \(result.stdout)")
                let imported = try data.read("apts").split(separator: "\n").count
                #expect(
                    imported == count, "\(file.lastPathComponent): calcurse imported \(imported) of \(count) events")
            }
        }
    }
}

/// The libical wrapper frees everything libical allocates.
@Suite struct MemoryTests {
    @Test func wrapperProbeHasNoDefiniteLeaksUnderValgrind() throws {
        guard let valgrind = Interop.require(Interop.program("valgrind"), "valgrind") else { return }
        let probe = CLI.productsDirectory.appendingPathComponent("ICalProbe")
        let result = try CLI.runProgram(
            valgrind, ["--leak-check=full", "--errors-for-leak-kinds=definite", "--error-exitcode=1", probe.path])
        #expect(result.status == 0, "valgrind found errors:\n\(result.stderr.suffix(3000))")
        #expect(result.stdout.contains("ICalProbe: ok"))
        #expect(result.stderr.contains("definitely lost: 0 bytes"))
    }
}
