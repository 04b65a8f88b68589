import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func exampleIsValidAndWarnsAboutTheUndatedDraft() throws {
        let result = try CLI.run(["check", "--project", "examples/iisg"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("12 records read (1 draft): 0 errors and 1 warning."))
        #expect(
            result.stderr.contains(
                "examples/iisg/events/2024/eu-delegation-serbia-meeting.yml:14:1: warning: this draft has no date yet"))
    }

    @Test func brokenProjectExitsWithOneAndEditorFriendlyDiagnostics() throws {
        let folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        try folder.write("events/2023/board.yml", "id: x-board\ntitle: Board\nstrat: 2023-12-07\n")
        try folder.write("events/2023/dup.yml", "id: 2023-12-07-iisg-board-meeting\ntitle: Copy\nstart: 2023-12-07\n")
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "events/2023/board.yml:3:1: error: 'strat' is not a field; did you mean 'start'?\n  hint: "))
        #expect(
            result.stderr.contains(
                """
                events/2023/dup.yml:1:1: error: the id '2023-12-07-iisg-board-meeting' is already used by \
                events/2023/2023-12-07-iisg-board-meeting.yml, so this record is left out
                """))
        #expect(result.stderr.contains("3 errors and 1 warning"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func pathsAreRelativeToTheCurrentFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("proj/almanac.yml", "name: X\ndomain: x.org\ntimezone: UTC\n")
        try folder.write("proj/events/a.yml", "title: A\nstart: 2023-13-01\n")
        let result = try CLI.run(["check", "--project", "proj"], in: folder.url)
        #expect(result.stderr.contains("proj/events/a.yml:2:1: error: '2023-13-01' is not a date"))
    }

    @Test func missingProjectIsADataErrorWithAHint() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("almanac.yml:1:1: error: there is no almanac.yml here"))
        #expect(result.stderr.contains("almanac init"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try CLI.run(["check", "--no-such-option"]).status == 2)
        #expect(try CLI.run(["no-such-command"]).status == 2)
        #expect(try CLI.run(["feed", "--project"]).status == 2)
        let help = try CLI.run(["help", "feed"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("almanac feed --project examples/iisg"))
    }
}

@Suite struct ImportICSNoiseTests {
    @Test func libicalsOwnWarningsDoNotReachTheUser() throws {
        let folder = try TemporaryFolder(copying: CLI.fixtures.appendingPathComponent("stress"))
        try folder.write(
            "odd.ics",
            """
            END:VEVENT\r\n\
            BEGIN:VCALENDAR\r\n\
            BEGIN:VEVENT\r\n\
            UID:x\r\n\
            SUMMARY:Odd but readable\r\n\
            DTSTART;VALUE=DATE:20240101\r\n\
            END:VEVENT\r\n\
            END:VCALENDAR\r\n
            """
        )
        let result = try CLI.run(["import", "ics", "odd.ics", "--dry-run"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 record would be written"))
        #expect(
            !result.stderr.contains("icalparser.c"), "libical's debugging output reached the user: \(result.stderr)")
    }
}

@Suite struct NewCommandPlacesTests {
    @Test func newKnowsThePlacesTheProjectAdds() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "almanac.yml",
            """
            name: X
            domain: x.org
            timezone: Europe/Sarajevo
            places:
              - {name: Jahorina, country: Bosnia and Herzegovina, timezone: Europe/Sarajevo, geo: [43.73, 18.57]}\n
            """
        )
        let result = try CLI.run(
            ["new", "Winter retreat", "--start", "2024-03-01", "--city", "Jahorina"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try folder.read("events/2024/2024-03-01-winter-retreat.yml").contains("country: Bosnia and Herzegovina"))
        #expect(try CLI.run(["check"], in: folder.url).status == 0)
    }
}

@Suite struct FeedCommandTests {
    static let golden = CLI.fixtures.appendingPathComponent("golden")

    /// The feed with its VTIMEZONE blocks set aside: those follow the installed tzdata.
    static func withoutTimezones(_ feed: String) -> String {
        var kept: [Substring] = []
        var inZone = false
        for line in feed.split(separator: "\r\n", omittingEmptySubsequences: false) {
            if line == "BEGIN:VTIMEZONE" { inZone = true }
            if !inZone { kept.append(line) }
            if line == "END:VTIMEZONE" { inZone = false }
        }
        return kept.joined(separator: "\r\n")
    }

    /// Compares with the golden file; `ALMANAC_UPDATE_GOLDEN=1` rewrites it instead.
    static func expectGolden(_ feed: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = golden.appendingPathComponent(name)
        let actual = withoutTimezones(feed)
        if ProcessInfo.processInfo.environment["ALMANAC_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }

    @Test func exampleFeedsMatchTheGoldenFilesAndLeaveTheCommittedStateAlone() throws {
        let folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        try? FileManager.default.removeItem(at: folder.url.appendingPathComponent("public"))
        let state = try folder.read("almanac-state.txt")
        let result = try CLI.run(["feed"], in: folder.url, epoch: nil)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote public/all.ics (10 events)"))
        for feed in ["all", "meetings", "board"] {
            try Self.expectGolden(try folder.read("public/\(feed).ics"), "iisg/\(feed).ics")
        }
        #expect(try folder.read("almanac-state.txt") == state, "the committed state changed although no record did")
        #expect(!(try folder.read("public/all.ics")).contains("ARK.IT"), "an internal activity reached the feed")
    }

    @Test func contentThatBreaksNaiveWritersMatchesItsGoldenFiles() throws {
        // --verify parses every VEVENT back with libical and compares it with the record.
        let folder = try TemporaryFolder(copying: CLI.fixtures.appendingPathComponent("stress"))
        let result = try CLI.run(["feed", "--out", "out", "--verify"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        try Self.expectGolden(try folder.read("out/all.ics"), "stress/all.ics")
        try Self.expectGolden(try folder.read("out/workshops.ics"), "stress/workshops.ics")
        let again = try TemporaryFolder(copying: CLI.fixtures.appendingPathComponent("stress"))
        _ = try CLI.run(["feed", "--out", "out"], in: again.url)
        #expect(try again.read("out/all.ics") == (try folder.read("out/all.ics")), "two runs gave different bytes")
    }

    @Test func aBadSourceDateEpochIsRefused() throws {
        let folder = try TemporaryFolder(copying: CLI.fixtures.appendingPathComponent("stress"))
        let result = try CLI.run(["feed"], in: folder.url, environment: ["SOURCE_DATE_EPOCH": "yesterday"], epoch: nil)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "error: SOURCE_DATE_EPOCH: 'yesterday' is not a number of seconds since 1970\n  hint: unset it"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("public/all.ics").path))
    }

    @Test func anUnwritableOutputIsAClearErrorNotACrash() throws {
        let folder = try TemporaryFolder(copying: CLI.fixtures.appendingPathComponent("stress"))
        try folder.write("taken", "a file where the feeds' folder should be\n")
        let result = try CLI.run(["feed", "--out", "taken"], in: folder.url)
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: taken/all.ics: cannot write this file: "))
        #expect(result.stderr.contains("hint: check that the folder exists"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(try folder.read("taken") == "a file where the feeds' folder should be\n")
    }

    @Test func nothingIsPublishedWhileARecordHasErrors() throws {
        let folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        try? FileManager.default.removeItem(at: folder.url.appendingPathComponent("public"))
        let state = try folder.read("almanac-state.txt")
        try folder.write(
            "events/2023/2023-12-07-iisg-board-meeting.yml",
            "id: 2023-12-07-iisg-board-meeting\ntitle: Board\nstart: someday\n")
        let result = try CLI.run(["feed"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("events/2023/2023-12-07-iisg-board-meeting.yml:3:1: error: 'someday' is not a date"))
        #expect(result.stderr.contains("error: no feed was written: the records have 1 error\n  hint: "))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("public").path))
        #expect(try folder.read("almanac-state.txt") == state, "the broken record was recorded as gone")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(!names.contains { $0.hasPrefix(".almanac-tmp-") }, "\(names)")
    }

    /// A state file lost while the feeds it describes are still published restarts every
    /// SEQUENCE: the run says so, as a warning, rather than as a first run.
    @Test func aLostStateFileIsAWarningWhenFeedsWerePublished() throws {
        let folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        let first = try CLI.run(["feed"], in: folder.url)
        #expect(first.status == 0)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("almanac-state.txt"))
        let result = try CLI.run(["feed"], in: folder.url)
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                "almanac-state.txt:1:1: warning: there is no almanac-state.txt, yet public/all.ics was published before"
            ),
            "\(result.stderr)")
        #expect(result.stderr.contains("hint: if the file was deleted or never committed, restore it"))
        #expect(!result.stderr.contains("this is the project's first feed"))
    }
}
