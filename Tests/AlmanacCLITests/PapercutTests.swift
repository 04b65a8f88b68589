import AlmanacModel
import AlmanacRecords
import Foundation
import Testing

/// What a non-programmer hits in the first hour (issue 8, part 3).
@Suite struct PapercutTests {
    @Test(arguments: [
        (["last", "quarter"], "2023-Q4"),
        (["Q4", "2023"], "2023-Q4"),
        (["2023", "q4"], "2023-Q4"),
        (["October", "2023"], "2023-10"),
        (["oct", "2023"], "2023-10"),
        (["FY", "2024"], "FY2024"),
        (["FY", "2024", "Q1"], "FY2024-Q1"),
        (["H2", "2023"], "2023-H2"),
        (["last", "month"], "2024-01"),
        (["Q4-2023"], "2023-Q4"),
        (["q4/2023"], "2023-Q4"),
        (["Oct-2023"], "2023-10"),
        (["10/2023"], "2023-10"),
    ])
    func periodsAsPeopleTypeThemUnquoted(_ words: [String], _ label: String) throws {
        let result = try CLI.run(["list"] + words + ["--csv", "--project", "examples/iisg"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = try TemporaryFolder()
        let report = try CLI.run(["report"] + words + ["--project", "examples/iisg", "--out", out.url.path])
        #expect(report.stdout.hasPrefix("Report \(label): "), "\(report.stdout)\(report.stderr)")
    }

    @Test func aPeriodThatCannotBeReadListsTheFormsWithExamples() throws {
        let result = try CLI.run(["report", "next", "decade", "--project", "examples/iisg"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "'next decade' is not a period: it is not a form Almanac knows. Write one of:\n  2023-Q4, Q4 2023 or Q4"
            ), "\(result.stderr)")
        for example in ["November 2023", "FY 2024", "last quarter", "--from 2023-10-01 --to 2023-12-31"] {
            #expect(result.stderr.contains(example))
        }
        // The error comes first (the example's draft warning is not shown before it), and the
        // forms' explanations start in one column.
        #expect(result.stderr.hasPrefix("error: 'next decade' is not a period"), "\(result.stderr)")
        let forms = result.stderr.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  ") }
        let columns = Set(
            forms.map { line -> Int in
                // Past the form (up to two spaces in a row), then past the spaces.
                let characters = Array(line)
                var index = 2
                if characters[index] != " " {
                    while index + 1 < characters.count, !(characters[index] == " " && characters[index + 1] == " ") {
                        index += 1
                    }
                }
                while index < characters.count, characters[index] == " " { index += 1 }
                return index
            })
        #expect(forms.count == 9 && columns.count == 1, "\(forms)")
    }

    @Test(arguments: [
        (["reprot"], "Error: 'reprot' is not a command of almanac. Did you mean 'report'?"),
        (["import", "nws", "x.txt"], "Error: 'nws' is not a command of almanac import. Did you mean 'news'?"),
        (["report", "2023-Q4", "--pub"], "Error: Unknown option '--pub'. Did you mean '--public'?"),
        (["report", "2023-Q4", "--projcet", "x"], "Error: Unknown option '--projcet'. Did you mean '--project'?"),
        (["list", "--upcomming"], "Error: Unknown option '--upcomming'. Did you mean '--upcoming'?"),
    ])
    func mistypedCommandsAndOptionsSuggestTheNearestOne(_ arguments: [String], _ message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message + "\n"), "\(result.stderr)")
    }

    @Test func anOptionNothingLikeARealOneGetsNoSuggestion() throws {
        // swift-argument-parser alone suggested '--out' for '--pub' and for '--xyz'.
        for option in ["--xyz", "--zzzz"] {
            let result = try CLI.run(["report", "2023-Q4", option])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("Error: Unknown option '\(option)'\n"), "\(result.stderr)")
        }
        let unknown = try CLI.run(["frobnicate"])
        #expect(
            unknown.stderr.hasPrefix(
                "Error: 'frobnicate' is not a command of almanac\nThe commands are: init, new, list"),
            "\(unknown.stderr)")
    }

    @Test func commandsFindTheProjectFromAFolderInsideIt() throws {
        let folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        let inside = folder.url.appendingPathComponent("events/2023")
        let check = try CLI.run(["check"], in: inside)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("12 records read"), "\(check.stdout)")
        #expect(check.stderr.contains("../2024/eu-delegation-serbia-meeting.yml:14:1: warning:"))
        let report = try CLI.run(["report", "2023-Q4"], in: inside)
        #expect(report.status == 0)
        #expect(
            FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("reports/2023-Q4/report.md").path))
        let new = try CLI.run(["new", "Team meeting", "--start", "2024-03-05"], in: inside)
        #expect(new.stdout == "../2024/2024-03-05-team-meeting.yml\n", "\(new.stderr)")
    }

    @Test func aMissingProjectFolderSaysSo() throws {
        let result = try CLI.run(["check", "--project", "no-such-folder"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == """
                error: --project no-such-folder: there is no such folder
                  hint: name the folder that holds almanac.yml, e.g. --project examples/iisg\n
                """
        )
        let file = try CLI.run(["check", "--project", "README.md"])
        #expect(file.stderr.hasPrefix("error: --project README.md: this is a file, not a folder\n"))
    }

    @Test(arguments: [
        (
            "start: 2024-11-31",
            "'2024-11-31' is not a date: November has 30 days\n  hint: the last day of November 2024 is 2024-11-30"
        ),
        (
            "start: 31.11.2024",
            "'31.11.2024' is not a date: November has 30 days\n  hint: the last day of November 2024 is 2024-11-30"
        ),
        ("start: 29.02.2023", "'29.02.2023' is not a date: February 2023 has 28 days"),
        (
            "start: 5.11.2024",
            """
            '5.11.2024' is not written the way Almanac reads dates
              hint: write it year first: 2024-11-05 (5 November 2024)
            """
        ),
        ("start: 5/11/2024T09:30", "write it year first: 2024-11-05T09:30"),
        ("start: 2024-13-01", "'2024-13-01' is not a date: a month is numbered 1 to 12"),
        ("start: 2024-11-05\nend: 2024-11-31", "'2024-11-31' is not a date: November has 30 days"),
    ])
    func datesThatDoNotExistOrAreWrittenDayFirstAreExplained(_ line: String, _ message: String) throws {
        let folder = try emptyExampleProject()
        try folder.write("events/a.yml", "id: a\ntitle: A\n\(line)\n")
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test(arguments: [
        (
            ["--from", "2024-11-31", "--to", "2024-12-31"],
            """
            Error: --from '2024-11-31' is not a date: November has 30 days; \
            the last day of November 2024 is 2024-11-30\n
            """
        ),
        (
            ["--from", "2024-11-01", "--to", "5.12.2024"],
            """
            Error: --to '5.12.2024' is not written the way Almanac reads dates; \
            write it year first: 2024-12-05 (5 December 2024)\n
            """
        ),
        (
            ["--from", "soon", "--to", "2024-12-31"],
            "Error: --from 'soon' is not a date; write YYYY-MM-DD, e.g. 2023-10-01\n"
        ),
    ])
    func aRangeOfDaysIsExplainedAsARecordsDatesAre(_ range: [String], _ message: String) throws {
        let result = try CLI.run(["list"] + range + ["--project", "examples/iisg"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    }

    @Test func aTabUsedForIndentationIsNamed() throws {
        let folder = try emptyExampleProject()
        try folder.write("events/a.yml", "id: a\ntitle: A\nstart: 2024-11-05\nlocation:\n\tcity: Skopje\n")
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "events/a.yml:5:1: error: tabs are not allowed for indentation in YAML\n  hint: indent with spaces"),
            "\(result.stderr)")
    }

    @Test func caseDoesNotMatterInAnyListOfAllowedValues() throws {
        let folder = try emptyExampleProject()
        try folder.write(
            "events/a.yml",
            "id: a\ntitle: A\nstart: 2023-10-05\ncategory: Workshop\nstatus: Confirmed\nformat: Online\n")
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(try CLI.run(["report", "2023-Q4"], in: folder.url).status == 0)
        // Counted under almanac.yml's spelling, with the others of its category.
        #expect(try folder.read("reports/2023-Q4/activities.csv").contains(",workshop,"))
    }

    @Test func caseDoesNotMatterInTheCategoriesOfFeedsAndIndicatorsEither() throws {
        let folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        let settings = try folder.read("almanac.yml")
            .replacingOccurrences(of: "category: [meeting, board-meeting]", with: "category: [Meeting, BOARD-MEETING]")
            .replacingOccurrences(of: "category: board-meeting\n", with: "category: Board-Meeting\n")
        try folder.write("almanac.yml", settings)
        let check = try CLI.run(["check"], in: folder.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("not one of the project's categories"), "\(check.stderr)")
        let feed = try CLI.run(["feed"], in: folder.url)
        #expect(feed.stdout.contains("Wrote public/board.ics (1 event)"), "\(feed.stdout)\(feed.stderr)")
        #expect(feed.stdout.contains("Wrote public/meetings.ics (6 events)"), "\(feed.stdout)")
        // A category that is not one of them is still an error, with the nearest one.
        try folder.write("almanac.yml", settings.replacingOccurrences(of: "Board-Meeting\n", with: "Bord-Meeting\n"))
        let wrong = try CLI.run(["check"], in: folder.url)
        #expect(wrong.status == 1)
        #expect(
            wrong.stderr.contains(
                """
                error: the feed 'board' filters on 'Bord-Meeting', which is not one of the project's \
                categories; did you mean 'board-meeting'?
                """
            ), "\(wrong.stderr)")
    }

    @Test func initPrintsACdLineThatWorksForAFolderWithSpaces() throws {
        let folder = try TemporaryFolder()
        for (name, quoted) in [
            ("Mon projet", "'Mon projet'"), ("O'Brien's log", "'O'\\''Brien'\\''s log'"), ("plain-name", "plain-name"),
            ("-dash", "./-dash"), ("-x y", "'./-x y'"),
        ] {
            let result = try CLI.run(
                ["init", "--domain", "x.example.org", "--timezone", "Europe/Paris", "--", name], in: folder.url)
            #expect(result.status == 0)
            let cd = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("  cd ") })
            #expect(cd == "  cd \(quoted)")
            let shell = try CLI.runProgram(
                URL(fileURLWithPath: "/bin/sh"), ["-c", "\(cd) && test -f almanac.yml && echo here"], in: folder.url)
            #expect(shell.stdout == "here\n", "\(cd): \(shell.stderr)")
        }
    }

    @Test func upcomingWithNothingAheadSaysSo() throws {
        // The example's last activity is on 8 February 2024; the clock says 15 February.
        let result = try CLI.run(["list", "--upcoming", "--project", "examples/iisg"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Nothing is coming up: no activity from today (2024-02-15) on.\n")
        let filtered = try CLI.run([
            "list", "--upcoming", "2024-Q1", "--category", "workshop", "--project", "examples/iisg",
        ])
        #expect(
            filtered.stderr
                == """
                Nothing is coming up: no activity that matches the \
                filters from today (2024-02-15) to the end of 2024-Q1.\n
                """
        )
    }

    @Test func importedNewsLandsInTheYearFolderAsNewRecordsDo() throws {
        let project = try emptyExampleProject()
        let news = """
            Regional workshop on cybercrime

            On 12 March 2024 the Secretariat held a workshop in Skopje.

            Study visit

            A study visit is planned.\n
            """
        let result = try CLI.run(["import", "news", "-", "--project", project.url.path], input: Data(news.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("Wrote events/2024/2024-03-12-regional-workshop-on-cybercrime.yml\n")
                || result.stdout.contains("/events/2024/2024-03-12-regional-workshop-on-cybercrime.yml\n"),
            "\(result.stdout)")
        #expect(
            FileManager.default.fileExists(
                atPath: project.url.appendingPathComponent("events/2024/2024-03-12-regional-workshop-on-cybercrime.yml")
                    .path))
        #expect(
            FileManager.default.fileExists(
                atPath: project.url.appendingPathComponent("events/undated/study-visit.yml").path))
    }

    @Test func idsAreCutAtAWordBoundaryAndAWordThatEndsAtTheLimitStaysWhole() {
        // 50 characters exactly end with "security"; the old cut dropped that word too.
        let title = "Regional conference on cooperation in the security field"
        #expect(Identifier.slug(title, maxLength: 50) == "regional-conference-on-cooperation-in-the-security")
        #expect(
            Identifier.slug("Joint Strategic Cooperation Forum for CEPOL projects TOPCOP and WB PaCT", maxLength: 50)
                == "joint-strategic-cooperation-forum-for-cepol")
        #expect(Identifier.slug(String(repeating: "a", count: 70), maxLength: 50).count == 50)
    }
}
