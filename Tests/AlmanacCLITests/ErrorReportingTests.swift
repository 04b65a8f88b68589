import Foundation
import Testing

/// How `almanac` reports an error: once, as `error: <origin>: <message>` (or
/// `file:line:col: error: …` for a place in a file) with a hint, and with the exit status of
/// its kind, as the help's table documents it.
@Suite struct ErrorReportingTests {
    /// One way to make each kind of error happen, the status it must exit with and what it
    /// must say.
    struct Case: CustomTestStringConvertible, Sendable {
        let kind: String
        let status: Int32
        let arguments: [String]
        var environment: [String: String] = [:]
        /// Prepares a copy of examples/iisg.
        var prepare: @Sendable (TemporaryFolder) throws -> Void = { _ in }
        let says: String

        var testDescription: String { kind }
    }

    static let cases: [Case] = [
        Case(
            kind: "bad input", status: 1, arguments: ["check"],
            prepare: { try $0.write("events/2024/broken.yml", "title: Broken\nstart: someday\n") },
            says: "events/2024/broken.yml:2:1: error: 'someday' is not a date"),
        Case(
            kind: "bad input (publish guard)", status: 1, arguments: ["feed"],
            prepare: { try $0.write("events/2024/broken.yml", "title: Broken\nstart: someday\n") },
            says: "error: no feed was written: the records have 1 error\n  hint: publishing now would cancel"),
        Case(
            kind: "not found", status: 1, arguments: ["check"],
            prepare: { try FileManager.default.removeItem(at: $0.url.appendingPathComponent("almanac.yml")) },
            says: "almanac.yml:1:1: error: there is no almanac.yml here, so this is not an Almanac project\n  hint: "),
        Case(
            kind: "configuration", status: 1, arguments: ["site"],
            prepare: { folder in
                let settings = try folder.read("almanac.yml")
                try folder.write(
                    "almanac.yml",
                    settings.replacingOccurrences(of: "base-url: https://iisg.example.org/calendar\n", with: ""))
            },
            says: "error: almanac.yml: there is no base-url, and the site's subscribe links must be full addresses"),
        Case(
            kind: "usage", status: 2, arguments: ["check", "--project", "nowhere"],
            says: "error: --project nowhere: there is no such folder\n  hint: name the folder"),
        Case(
            kind: "usage (environment)", status: 2, arguments: ["feed"], environment: ["SOURCE_DATE_EPOCH": "soon"],
            says: "error: SOURCE_DATE_EPOCH: 'soon' is not a number of seconds since 1970"),
        Case(
            kind: "cannot write", status: 3, arguments: ["feed", "--out", "taken"],
            prepare: { try $0.write("taken", "a file where the feeds' folder should be\n") },
            says: "error: taken/all.ics: cannot write this file: "),
        Case(
            kind: "unavailable", status: 4, arguments: ["report", "2023-Q4", "--out", "out", "--pdf"],
            environment: ["ALMANAC_CHROMIUM": "/bin/false"],
            says: "error: /bin/false did not print the report to PDF (exit status 1)"),
    ]

    @Test(arguments: cases)
    func eachKindExitsWithItsStatusAndSaysWhatIsWrongOnce(_ example: Case) throws {
        let folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        try example.prepare(folder)
        let result = try CLI.run(example.arguments, in: folder.url, environment: example.environment)
        #expect(result.status == example.status, "\(result.stderr)")
        #expect(result.stderr.contains(example.says), "\(result.stderr)")
        // Said once, and "error:" at most once per line: never `error: error:`.
        #expect(result.stderr.components(separatedBy: example.says).count == 2, "\(result.stderr)")
        for line in result.stderr.split(separator: "\n") {
            #expect(line.lowercased().components(separatedBy: "error:").count <= 2, "\(line)")
        }
        #expect(result.stdout.isEmpty || !result.stdout.contains("error"), "\(result.stdout)")
    }

    /// The help's table of exit statuses, as `status → meaning`.
    private func documentedStatuses() throws -> [Int32: String] {
        let help = try CLI.run(["help", "feed"])
        #expect(help.status == 0)
        let table = try #require(help.stdout.components(separatedBy: "Exit status:\n").last)
        var statuses: [Int32: String] = [:]
        for line in table.split(separator: "\n") {
            let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
            guard words.count == 2, let status = Int32(words[0]) else { break }
            statuses[status] = words[1].trimmingCharacters(in: .whitespaces)
        }
        #expect(statuses.values.allSatisfy { !$0.isEmpty })
        return statuses
    }

    @Test func theHelpDocumentsEveryStatusTheCasesExitWith() throws {
        let statuses = try documentedStatuses()
        #expect(statuses.keys.sorted() == [0, 1, 2, 3, 4, 5], "\(statuses)")
        #expect(statuses[1]?.contains("errors in the records") == true)
        #expect(statuses[2]?.contains("command line") == true)
        #expect(statuses[3]?.contains("could not be written") == true)
        #expect(statuses[4]?.contains("Chromium") == true)
        #expect(statuses[5]?.contains("bug in Almanac") == true)
        for example in Self.cases { #expect(statuses[example.status] != nil, "\(example.kind)") }
        // The README's table says the same.
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for status in statuses.keys where status > 0 {
            #expect(readme.contains("\n| \(status) | "), "README lacks exit status \(status)")
        }
    }

    @Test func anErrorInAFileNamesItsFileAndLine() throws {
        let folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        let state = try folder.read("almanac-state.txt")
        var lines = state.components(separatedBy: "\n")
        let damaged = try #require(lines.firstIndex { !$0.isEmpty && !$0.hasPrefix("#") })
        lines[damaged] = "all half-a-line"
        try folder.write("almanac-state.txt", lines.joined(separator: "\n"))
        let result = try CLI.run(["feed", "--out", "out"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            ("\n" + result.stderr).contains(
                """
                \nalmanac-state.txt:\(damaged + 1):1: error: the feed \
                state file is damaged: the line is not `<feed> <id> {…}`
                  hint: restore it
                """
            ), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    }

    @Test func serveRefusesARecordWithErrorsAndSaysWhichOne() throws {
        let folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        try folder.write("events/2024/broken.yml", "title: Broken\nstart: someday\n")
        let result = try CLI.run(["serve", "--port", "0"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("events/2024/broken.yml:2:1: error: 'someday' is not a date"), "\(result.stderr)")
        #expect(
            result.stderr.contains("error: nothing is served: the records have 1 error\n  hint: "), "\(result.stderr)")
        #expect(result.stderr.contains("start `almanac serve` again"))
    }
}
