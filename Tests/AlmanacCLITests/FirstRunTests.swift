import Foundation
import Testing

/// `almanac init` on an empty folder, as a new user runs it.
private func initProject(in folder: TemporaryFolder, _ extra: [String] = []) throws -> CLIResult {
    try CLI.run(
        [
            "init", "proj", "--organisation", "IISG Secretariat", "--timezone", "Europe/Sarajevo", "--domain",
            "iisg.example.org",
        ] + extra, in: folder.url)
}

@Suite struct InitCommandTests {
    @Test func createsAProjectThatPassesCheckAndPrintsTheNextCommands() throws {
        let folder = try TemporaryFolder()
        let result = try initProject(in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        // SOURCE_DATE_EPOCH is 2024-02-15 (a Thursday): the example is on the next Monday.
        #expect(
            result.stdout == """
                Created an Almanac project in proj:
                  proj/events/2024/2024-02-19-kick-off-meeting.yml
                  proj/.gitignore
                  proj/almanac.yml

                Next:
                  cd proj
                  almanac new "Team meeting" --start 2024-02-20T10:00 --end 11:00 --category meeting   # add an activity
                  almanac list --upcoming                                                              # see what is \
                coming
                  almanac feed                                                                         # write \
                public/all.ics, the feed to publish

                """)
        let config = try folder.read("proj/almanac.yml")
        for setting in [
            "name", "description", "organisation", "timezone", "domain", "base-url", "refresh-interval",
            "cancelled-grace-days",
            "categories", "feeds", "fiscal-year-start", "report", "indicators", "footnotes", "category-labels",
        ] {
            #expect(
                config.contains("\n\(setting):") || config.contains("\n# \(setting):"), "almanac.yml lacks \(setting)")
        }
        #expect(config.contains("name: IISG Secretariat activities\n"))
        #expect(try folder.read("proj/.gitignore").contains("/public/\n"))

        let check = try CLI.run(["check", "--project", "proj"], in: folder.url)
        #expect(check.status == 0)
        #expect(check.stdout == "1 record read (0 drafts): 0 errors and 0 warnings.\n")
        #expect(check.stderr.isEmpty)
    }

    @Test func theCommentedSettingsAreValidOnceUncommented() throws {
        let folder = try TemporaryFolder()
        #expect(try initProject(in: folder).status == 0)
        let config = try folder.read("proj/almanac.yml")
        try folder.write("proj/almanac.yml", Self.uncommented(config))
        #expect(try folder.read("proj/almanac.yml").contains("\nfootnotes:\n  - text: '*This designation"))
        #expect(try folder.read("proj/almanac.yml").contains("\ncategory-labels:\n  board-meeting: Board meeting"))
        let check = try CLI.run(["check", "--project", "proj"], in: folder.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty)
    }

    /// almanac.yml with every commented-out setting block switched on, except the template
    /// paths (whose files a new project does not have).
    static func uncommented(_ text: String) -> String {
        var lines: [String] = []
        var block: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indent = String(line.prefix { $0 == " " })
            let body = line.dropFirst(indent.count)
            if let prefix = block, line.hasPrefix(prefix + "  ") {
                lines.append(indent + body.dropFirst(2))
                continue
            }
            block = nil
            if body.hasPrefix("# "), let key = body.dropFirst(2).split(separator: ":").first,
                ["base-url", "indicators", "footnotes", "category-labels", "- name"].contains(String(key))
            {
                block = indent + "#"
                lines.append(indent + body.dropFirst(2))
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func refusesAnExistingProjectAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("proj/almanac.yml", "name: Mine\ndomain: mine.example.org\n")
        let result = try initProject(in: folder)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                """
                error: proj/almanac.yml: this file already exists, so \
                proj is already an Almanac project; init changed nothing
                """
            ))
        #expect(try folder.read("proj/almanac.yml") == "name: Mine\ndomain: mine.example.org\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("proj").path) == [
                "almanac.yml"
            ])
    }

    @Test func keepsAnExistingGitignoreAndAddsOnlyWhatIsMissing() throws {
        let folder = try TemporaryFolder()
        try folder.write("proj/.gitignore", "node_modules/\n/public/\n")
        #expect(try initProject(in: folder).status == 0)
        #expect(
            try folder.read("proj/.gitignore")
                == "node_modules/\n/public/\n\n# Added by `almanac init`.\n/site/\n/.almanac.lock\n")
    }

    @Test func leavesExistingRecordsAloneAndAddsNoExample() throws {
        let folder = try TemporaryFolder()
        try folder.write("proj/events/mine.yml", "id: mine\ntitle: Mine\nstart: 2024-01-10\ncategory: meeting\n")
        let result = try initProject(in: folder)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("kick-off"))
        #expect(
            try folder.read("proj/events/mine.yml") == "id: mine\ntitle: Mine\nstart: 2024-01-10\ncategory: meeting\n")
        #expect(try CLI.run(["check", "--project", "proj"], in: folder.url).status == 0)
    }

    @Test func badOptionsAreUsageErrorsNamingTheOptionAndWriteNothing() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(
            ["init", "proj", "--timezone", "Mars/Base", "--domain", "not a domain"], in: folder.url)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("error: --timezone: 'Mars/Base' is not a known time zone\n  hint: use an IANA name"))
        #expect(result.stderr.contains("error: --domain: 'not a domain' is not a domain name"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("proj").path))
    }
}

@Suite struct NewCommandTests {
    /// A fresh project from `init`, without its example record.
    private func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        #expect(try initProject(in: folder).status == 0)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("proj/events"))
        return folder
    }

    @Test func writesADatePrefixedRecordWithTheCountryOfItsCityAndPrintsItsPath() throws {
        let folder = try project()
        let result = try CLI.run(
            [
                "new", "Team meeting: planning", "--start", "2024-03-05T10:00", "--end", "11:00", "--city", "The Hague",
                "--category", "meeting", "--partner", "RCC", "--partner", "DG NEAR", "--tag", "yes", "--participants",
                "12",
                "--summary", "Who does what.",
            ],
            in: folder.url.appendingPathComponent("proj"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "events/2024/2024-03-05-team-meeting-planning.yml\n")
        #expect(result.stderr == "The country, Netherlands, comes from the city.\n")
        #expect(
            try folder.read("proj/events/2024/2024-03-05-team-meeting-planning.yml") == """
                id: 2024-03-05-team-meeting-planning
                title: 'Team meeting: planning'
                start: 2024-03-05T10:00
                end: 11:00
                location:
                  city: The Hague
                  country: Netherlands
                category: meeting
                tags: ['yes']
                organisations: [RCC, DG NEAR]
                participants: 12
                summary: |-
                  Who does what.

                """)
        let check = try CLI.run(["check", "--project", "proj"], in: folder.url)
        #expect(check.stdout == "1 record read (0 drafts): 0 errors and 0 warnings.\n")
    }

    @Test func avoidsEveryIdInUseAndNeverReplacesAFile() throws {
        let folder = try project()
        // The first free name's file is taken by a record with another id, and the next id
        // is taken by a record in another file.
        let taken = "id: something-else\ntitle: Other\nstart: 2024-03-05\n"
        try folder.write("proj/events/2024/2024-03-05-team-meeting.yml", taken)
        try folder.write("proj/events/misc.yml", "id: 2024-03-05-team-meeting-2\ntitle: Misc\nstart: 2024-03-05\n")
        let project = folder.url.appendingPathComponent("proj")
        let first = try CLI.run(["new", "Team meeting", "--start", "2024-03-05"], in: project)
        #expect(first.stdout == "events/2024/2024-03-05-team-meeting-3.yml\n")
        let second = try CLI.run(["new", "Team meeting", "--start", "2024-03-05"], in: project)
        #expect(second.stdout == "events/2024/2024-03-05-team-meeting-4.yml\n")
        #expect(
            try folder.read("proj/events/2024/2024-03-05-team-meeting-4.yml").hasPrefix(
                "id: 2024-03-05-team-meeting-4\n"))
        #expect(try folder.read("proj/events/2024/2024-03-05-team-meeting.yml") == taken)
        let check = try CLI.run(["check"], in: project)
        #expect(check.status == 0)
        #expect(check.stdout == "4 records read (0 drafts): 0 errors and 0 warnings.\n")
    }

    @Test func aDraftNeedsNoDateAndIsFiledAsUndated() throws {
        let folder = try project()
        let result = try CLI.run(
            ["new", "Study visit", "--status", "draft", "--quiet"], in: folder.url.appendingPathComponent("proj"))
        #expect(result.status == 0)
        #expect(result.stdout == "events/undated/study-visit.yml\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func wrongValuesAreUsageErrorsNamingTheOptionAndWriteNothing() throws {
        let folder = try project()
        let result = try CLI.run(
            ["new", "Board", "--start", "2024-02-31", "--category", "meting"],
            in: folder.url.appendingPathComponent("proj"))
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                """
                error: --start: '2024-02-31' is not a date: February 2024 has 29 days
                  hint: the last day of February 2024 is 2024-02-29
                """
            ))
        #expect(
            result.stderr.contains(
                "error: --category: 'meting' is not one of the project's categories; did you mean 'meeting'?"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("proj/events").path))
    }

    @Test func withoutFlagsOnAPipeItStopsWithTwoInsteadOfWaiting() throws {
        let folder = try project()
        // Standard input is a pipe that stays open: a command that waited for it would hang.
        let process = Process()
        process.executableURL = CLI.productsDirectory.appendingPathComponent("almanac")
        process.arguments = ["new"]
        process.currentDirectoryURL = folder.url.appendingPathComponent("proj")
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let waited = process.isRunning
        if waited { process.terminate() }
        process.waitUntilExit()
        #expect(!waited, "almanac new waited for standard input")
        #expect(process.terminationStatus == 2)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(
            message.contains(
                """
                error: `almanac new` needs a title and --start, and \
                cannot ask for them: standard input is not a terminal
                """
            ))
        #expect(message.contains("hint: pass them, e.g. almanac new \"Team meeting\" --start 2024-03-05T10:00"))
    }
}

@Suite struct ListCommandTests {
    @Test func theExampleIsGroupedByMonthWithAlignedDaysAndFlags() throws {
        let result = try CLI.run(["list", "--project", "examples/iisg"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                September 2023
                  Tue  5 – Wed  6  A Strong Cities Western Balkans Regional Hub Workshop · Budva · workshop
                  Tue 12           IISG HoS meeting with DG NEAR · Brussels · meeting

                October 2023
                  Mon 16           Meeting of IISG Secretariat and DG NEAR in Skopje, North Macedonia \
                · Skopje · meeting
                  Tue 17 – Wed 18  14th Regional Network of National CT-P/CVE Coordinators (RNNC) of \
                the Western Balkans · Skopje · meeting
                  Tue 17           IISG Secretariat meeting on IISG Database with EU Delegations and EC · meeting

                November 2023
                  Wed  1 – Thu  2  The IISG Secretariat meeting with ARK.IT Company [internal] · Tirana · meeting
                  Tue 14 – Wed 15  The 8th Regional (Jumbo) Security Coordination Conference, Italy · Rome \
                · conference
                  Tue 21           Bilateral consultations in Moldova · Chișinău · consultations

                December 2023
                  Thu  7           7th IISG Board meeting · Sarajevo · board-meeting

                January 2024
                  Tue 30 – Wed 31  Joint Strategic Cooperation Forum for CEPOL projects TOPCOP and WB PaCT \
                · The Hague · forum

                February 2024
                  Thu  8           IISG Secretariat engages in constructive meeting with Serbian Ministry of Interior \
                · Belgrade · meeting

                No date yet
                                   Meeting with European Union Delegation in Serbia [draft] · Belgrade · meeting

                """)
        #expect(result.stderr.isEmpty)
    }

    @Test func timesSeriesCancelledAndInternalActivitiesOfAMonth() throws {
        let result = try CLI.run(["list", "2024-03", "--project", "Tests/AlmanacCLITests/Fixtures/stress"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                March 2024
                  Tue  5               Workshop that was called off (cancelled) · workshop
                  Sun 10               Staff retreat (internal only) [internal] · meeting
                  Sun 31  10:00–12:00  Meeting on the morning the clocks go forward · Sarajevo · meeting

                """)
    }

    @Test func upcomingStartsTodayAndFiltersCombine() throws {
        // SOURCE_DATE_EPOCH 1701388800 is 2023-12-01.
        let upcoming = try CLI.run(["list", "--upcoming", "--project", "examples/iisg"], epoch: 1_701_388_800)
        #expect(upcoming.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("  ") }.count == 3)
        #expect(upcoming.stdout.hasPrefix("December 2023\n  Thu  7           7th IISG Board meeting"))
        let filtered = try CLI.run([
            "list", "2023-Q4", "--category", "meeting", "--partner", "dg near", "--project", "examples/iisg",
        ])
        #expect(
            filtered.stdout == """
                October 2023
                  Mon 16  Meeting of IISG Secretariat and DG NEAR in Skopje, North Macedonia · Skopje · meeting
                  Tue 17  IISG Secretariat meeting on IISG Database with EU Delegations and EC · meeting

                """)
        let over = try CLI.run(["list", "2023-Q4", "--upcoming", "--project", "examples/iisg"])
        #expect(over.status == 0)
        #expect(over.stdout.isEmpty)
        #expect(over.stderr == "Nothing is coming up: 2023-Q4 ended before today (2024-02-15).\n")
    }

    @Test func jsonAndCSVCarryTheSameRowsAndParse() throws {
        let json = try CLI.run(["list", "2023-Q4", "--json", "--project", "examples/iisg"])
        #expect(json.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["id"] as? String } == ReportCommandTests.q4Activities.map { $0[0] })
        let board = try #require(objects.last)
        #expect(board["start"] as? String == "2023-12-07")
        #expect(board["start_time"] is NSNull)
        #expect(board["tags"] as? String == "board; governance")

        let folder = try TemporaryFolder()
        let csv = try CLI.run(["list", "2023-Q4", "--csv", "--project", "examples/iisg"])
        #expect(csv.status == 0)
        try folder.write("list.csv", csv.stdout)
        guard let rows = try Interop.csvRows(folder.url.appendingPathComponent("list.csv")) else { return }
        #expect(rows.first?.prefix(4) == ["id", "title", "start", "end"])
        #expect(rows.dropFirst().map { $0[0] } == ReportCommandTests.q4Activities.map { $0[0] })
        #expect(Set(rows.first ?? []) == Set(objects.first?.keys.map { $0 } ?? []))
    }

    @Test func recordsWithErrorsAreLeftOutWithAWarning() throws {
        let folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        try folder.write("events/2023/broken.yml", "title: Broken\nstart: 2023-13-01\n")
        let result = try CLI.run(["list", "2023-12"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("7th IISG Board meeting"))
        #expect(
            result.stderr == "warning: 1 record was left out because it has errors: run almanac check to see them.\n")
    }
}

@Suite struct OutputHabitsTests {
    static let subcommands = [
        ["init"], ["new"], ["list"], ["check"], ["feed"], ["import"], ["import", "news"], ["import", "csv"],
        ["import", "ics"], ["report"], ["export"], ["export", "csv"],
    ]

    @Test func noStylesAndNoProgressBarWhenOutputIsNotATerminal() throws {
        // NO_COLOR is left empty, which means "not set": only the pipe keeps styles off.
        let stress = "Tests/AlmanacCLITests/Fixtures/stress"
        let out = try TemporaryFolder()
        for arguments in [["list"], ["check"], ["feed", "--out", out.url.path], ["list", "--upcoming"]] {
            let result = try CLI.run(arguments + ["--project", stress], environment: ["NO_COLOR": ""])
            #expect(result.status == 0)
            #expect(!(result.stdout + result.stderr).contains("\u{1B}"), "\(arguments)")
            #expect(!(result.stdout + result.stderr).contains("\r"), "\(arguments)")
        }
    }

    /// A big CSV log is one file: on a terminal, reading it shows its megabytes go by, not
    /// "0/1" until the end.
    @Test func readingABigLogShowsItsMegabytesOnATerminal() throws {
        guard
            let script = Interop.require(Interop.program("script"), "script (util-linux, to run almanac on a terminal)")
        else { return }
        let project = try TemporaryFolder()
        let generator = CLI.packageRoot.appendingPathComponent("Benchmarks/generate.py").path
        let generated = try CLI.runProgram(
            URL(fileURLWithPath: "/usr/bin/python3"), [generator, "--csv", "80000", project.url.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let almanac = CLI.productsDirectory.appendingPathComponent("almanac").path
        let shown = try CLI.runProgram(
            script, ["-qec", "\(almanac) check --project \(project.url.path)", "/dev/null"],
            environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(shown.status == 0, "\(shown.stdout)")
        let size =
            try FileManager.default.attributesOfItem(
                atPath: project.url.appendingPathComponent("events/log.csv").path)[.size] as? Int ?? 0
        #expect(shown.stdout.contains("Reading records ["), "\(shown.stdout.prefix(300))")
        #expect(shown.stdout.contains("/\((size + (1 << 20) - 1) >> 20) MB"), "\(shown.stdout.prefix(300))")
    }

    @Test func stylesOnATerminalUnlessNoColorIsSet() throws {
        guard
            let script = Interop.require(Interop.program("script"), "script (util-linux, to run almanac on a terminal)")
        else { return }
        let almanac = CLI.productsDirectory.appendingPathComponent("almanac").path
        let command = "\(almanac) list 2024-03 --project Tests/AlmanacCLITests/Fixtures/stress"
        let styled = try CLI.runProgram(
            script, ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(styled.stdout.contains("\u{1B}[1mMarch 2024\u{1B}[0m"))
        #expect(styled.stdout.contains("\u{1B}[9mWorkshop that was called off\u{1B}[0m"))
        #expect(!styled.stdout.contains("(cancelled)"))
        let plain = try CLI.runProgram(
            script, ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1", "TERM": "xterm"])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("\u{1B}"))
        #expect(plain.stdout.contains("Workshop that was called off (cancelled)"))
    }

    @Test func quietAndVerbose() throws {
        let quiet = try CLI.run(["check", "--quiet", "--project", "examples/iisg"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        let verbose = try CLI.run(["check", "-v", "--project", "examples/iisg"])
        #expect(verbose.stderr.contains("Loaded examples/iisg: 12 valid records in "))
        let both = try CLI.run(["list", "-q", "-v", "--project", "examples/iisg"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--quiet and --verbose contradict each other"))
    }

    @Test func everyCommandTakesTheOutputOptionsAndDocumentsItsExitStatus() throws {
        for command in Self.subcommands {
            let help = try CLI.run(["help"] + command)
            #expect(help.status == 0)
            #expect(
                help.stdout.contains("Exit status:\n  0  all went well (warnings allowed)\n  1  errors in the records"),
                "\(command)")
            if command != ["export"] && command != ["import"] {
                #expect(help.stdout.contains("-q, --quiet") && help.stdout.contains("-v, --verbose"), "\(command)")
            }
        }
    }
}
