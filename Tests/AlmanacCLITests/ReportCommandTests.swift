import Foundation
import Testing

@Suite struct ReportCommandTests {
    static let q4Activities = [
        ["2023-10-16-dg-near-database-meeting", "2023-10-16", "2023-10-16", "Skopje", "North Macedonia"],
        ["2023-10-17-14th-rnnc-meeting", "2023-10-17", "2023-10-18", "Skopje", "North Macedonia"],
        ["2023-10-17-database-meeting-eu-delegations", "2023-10-17", "2023-10-17", "", ""],
        ["2023-11-01-ark-it-website-session", "2023-11-01", "2023-11-02", "Tirana", "Albania"],
        ["2023-11-14-jumbo-conference", "2023-11-14", "2023-11-15", "Rome", "Italy"],
        ["2023-11-21-moldova-bilateral-consultations", "2023-11-21", "2023-11-21", "Chișinău", "Moldova"],
        ["2023-12-07-iisg-board-meeting", "2023-12-07", "2023-12-07", "Sarajevo", "Bosnia and Herzegovina"],
    ]

    static let reportFiles = [
        "activities-by-month.svg", "activities.csv", "checklist.md", "report.html", "report.md", "summary.csv",
    ]

    @Test func exampleQ4HasEveryActivityWithItsDatesAndPlaceAndTheRightFigures() throws {
        let out = try TemporaryFolder()
        let result = try CLI.run(["report", "2023-Q4", "--project", "examples/iisg", "--out", out.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Report 2023-Q4: 2023-10-01 to 2023-12-31"))
        #expect(result.stdout.contains("7 activities, 10 days of activity, 5 cities, 5 countries"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.url.path).sorted() == Self.reportFiles)

        guard let rows = try Interop.csvRows(out.url.appendingPathComponent("activities.csv")) else { return }
        #expect(
            rows.first == [
                "id", "title", "start", "end", "days_in_period", "category", "city", "country", "organisations", "role",
                "format", "status", "url",
            ])
        #expect(rows.dropFirst().map { [$0[0], $0[2], $0[3], $0[6], $0[7]] } == Self.q4Activities)
        #expect(rows.dropFirst().map { Int($0[4]) ?? 0 }.reduce(0, +) == 10)
        #expect(
            rows.dropFirst().first { $0[0] == "2023-10-17-database-meeting-eu-delegations" }?[8]
                == "DG NEAR; EU Delegations; European Commission")

        guard let summary = try Interop.csvRows(out.url.appendingPathComponent("summary.csv")) else { return }
        #expect(summary.first == ["metric", "this_period", "previous_period", "change"])
        let figures = Dictionary(uniqueKeysWithValues: summary.dropFirst().map { ($0[0], [$0[1], $0[2], $0[3]]) })
        #expect(figures["activities"] == ["7", "2", "+5"])
        #expect(figures["days_of_activity"] == ["10", "3", "+7"])
        #expect(figures["cities"]?.first == "5")
        #expect(figures["countries"]?.first == "5")

        let markdown = try out.read("report.md")
        #expect(markdown.hasPrefix("# IISG Secretariat — activity report Q4 2023\n"))
        #expect(
            markdown.contains(
                """
                | 1–2 Nov 2023 | The IISG Secretariat meeting with ARK.IT Company (internal) \
                | Tirana, Albania | Meeting | ARK.IT |
                """
            ))
        #expect(
            markdown.contains(
                "| 7 Dec 2023 | 7th IISG Board meeting | Sarajevo, Bosnia and Herzegovina | Board meeting |"))
        // The log starts in September 2023: Q4 2022 has no records, and nothing is "new".
        #expect(markdown.contains("| Figure | Q4 2023 | Q3 2023 | Change | Q4 2022 | Change |"))
        #expect(markdown.contains("| Activities | 7 | 2 | +5 | no records | – |"))
        #expect(markdown.contains("The log starts on 5 Sep 2023, less than a year before this period"))
        #expect(!markdown.contains("for the first time:"))
        // The board's report carries no file paths; the staff checklist does.
        #expect(!markdown.contains("Data quality") && !markdown.contains("events/2023/"))
        let checklist = try out.read("checklist.md")
        #expect(
            checklist.contains(
                """
                - [ ] IISG Secretariat meeting on IISG Database with EU Delegations and EC \
                (events/2023/2023-10-17-database-meeting-eu-delegations.yml): no place
                """
            ))
        #expect(
            checklist.contains(
                """
                - [ ] Meeting with European Union Delegation in Serbia \
                (events/2024/eu-delegation-serbia-meeting.yml): draft without a date
                """
            ))
        // No activity of Q4 2023 is in Kosovo, so the Kosovo* footnote is not printed.
        #expect(!markdown.contains("This designation is without prejudice"))
        #expect(
            markdown.contains(
                """
                ![Activities per month by category: Oct 2023: 3 (Meeting 3); \
                Nov 2023: 3 (Meeting 1, Conference 1, Consultations 1); \
                Dec 2023: 1 (Board meeting 1)](activities-by-month.svg)
                """
            ))
        let html = try out.read("report.html")
        #expect(!html.contains("<img") && html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox="))
        #expect(html.contains("@media print") && html.contains("counter(pages)"))
        #expect(html.contains("<h1>Activity report Q4 2023</h1>"))
        let svg = try out.read("activities-by-month.svg")
        #expect(svg.contains("prefers-color-scheme: dark") && !svg.contains("currentColor"))
        #expect(
            svg.contains("fill=\"#E69F00\"><title>Oct 2023: 3 Meeting</title>"),
            "meeting is almanac.yml's second category: the second colour")
    }

    @Test func publicReportLeavesInternalActivitiesOut() throws {
        let out = try TemporaryFolder()
        let result = try CLI.run(["report", "2023-Q4", "--public", "--project", "examples/iisg", "--out", out.url.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Report 2023-Q4: 2023-10-01 to 2023-12-31, public activities only"))
        #expect(result.stdout.contains("6 activities, 8 days of activity, 4 cities, 4 countries"))
        #expect(try !out.read("activities.csv").contains("ark-it"))
    }

    /// The example's report committed under reports/2023-Q4 is what the code writes today.
    @Test func committedExampleReportIsReproducedByteForByte() throws {
        let out = try TemporaryFolder()
        let result = try CLI.run(["report", "2023-Q4", "--project", "examples/iisg", "--out", out.url.path])
        #expect(result.status == 0)
        let committed = CLI.packageRoot.appendingPathComponent("reports/2023-Q4")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted()
                == (Self.reportFiles + ["report.pdf"]).sorted())
        for file in Self.reportFiles {
            let expected = try Data(contentsOf: committed.appendingPathComponent(file))
            let actual = try Data(contentsOf: out.url.appendingPathComponent(file))
            #expect(
                actual == expected,
                """
                \(file) differs from the committed one: regenerate it with \
                `almanac report 2023-Q4 --project examples/iisg --out reports/2023-Q4 --pdf` and review the diff
                """
            )
        }
        // Chromium stamps the PDF with the time it was made, so its text is compared.
        guard BoardPackTests.chromium != nil,
            let pdftotext = Interop.require(Interop.program("pdftotext"), "pdftotext (Debian package poppler-utils)")
        else { return }
        #expect(
            try CLI.run(["report", "2023-Q4", "--project", "examples/iisg", "--out", out.url.path, "--pdf"]).status == 0
        )
        let text = { (folder: URL) in
            try CLI.runProgram(pdftotext, ["-layout", folder.appendingPathComponent("report.pdf").path, "-"]).stdout
        }
        #expect(try text(out.url) == text(committed), "report.pdf's text differs from the committed one")
    }

    @Test func runsAreByteIdenticalAndLeaveNoTemporaryFiles() throws {
        let project = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        #expect(try CLI.run(["report", "2023-Q4"], in: project.url, epoch: 1_700_000_000).status == 0)
        let folder = project.url.appendingPathComponent("reports/2023-Q4")
        let first = try Self.reportFiles.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(try CLI.run(["report", "2023-Q4"], in: project.url, epoch: 1_800_000_000).status == 0)
        let second = try Self.reportFiles.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(first == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == Self.reportFiles)
    }

    @Test func relativeAndFiscalPeriodsGetCanonicalFolders() throws {
        let project = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        // SOURCE_DATE_EPOCH 1707955200 is 2024-02-15.
        let last = try CLI.run(["report", "last-quarter"], in: project.url)
        #expect(last.stdout.contains("Report 2023-Q4: 2023-10-01 to 2023-12-31"))
        #expect(
            FileManager.default.fileExists(atPath: project.url.appendingPathComponent("reports/2023-Q4/report.md").path)
        )

        let config = try project.read("almanac.yml")
        try project.write("almanac.yml", config + "\nfiscal-year-start: july\n")
        let fiscal = try CLI.run(["report", "FY2024-Q2"], in: project.url)
        #expect(fiscal.status == 0, "\(fiscal.stderr)")
        #expect(fiscal.stdout.contains("Report FY2024-Q2: 2023-10-01 to 2023-12-31"))
        #expect(fiscal.stdout.contains("7 activities, 10 days of activity"))
        #expect(try project.read("reports/FY2024-Q2/report.md").contains("Fiscal years start in July"))

        let range = try CLI.run(["report", "--from", "2023-10-01", "--to", "2023-12-31"], in: project.url)
        #expect(range.stdout.contains("Report 2023-10-01_2023-12-31: 2023-10-01 to 2023-12-31"))
        #expect(try project.read("reports/2023-10-01_2023-12-31/summary.csv").contains("activities,7,"))
    }

    @Test(arguments: [
        (
            ["report", "2023-Q5"],
            "'2023-Q5' is not a period: a quarter is numbered 1 to 4. Write one of:\n  2023-Q4, Q4 2023 or Q4"
        ),
        (["report", "2019-W53"], "2019 has only 52 ISO weeks"),
        (
            ["report", "2023-Q4", "--from", "2023-10-01", "--to", "2023-12-31"],
            "give either PERIOD or --from and --to, not both"
        ),
        (["report", "--from", "2023-10-01"], "a custom period needs both --from and --to"),
        (
            ["report", "--from", "2023-12-31", "--to", "2023-10-01"],
            "the period ends (2023-10-01) before it starts (2023-12-31)"
        ),
        (["report", "--from", "2023-02-30", "--to", "2023-10-01"], "--from '2023-02-30' is not a date"),
        (["report"], "name the period"),
        (["report", "2023", "--delimiter", "::"], "--delimiter '::' cannot separate CSV fields"),
        (["export", "csv", "next-decade"], "'next-decade' is not a period"),
        (["export", "csv", "--profile", "yahoo"], "yahoo"),
    ])
    func usageErrorsExitWithTwoAndSayWhy(_ arguments: [String], _ message: String) throws {
        let result = try CLI.run(arguments + ["--project", "examples/iisg"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func brokenTemplateNamesItsFileAndLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("broken.md.mustache", "# {{title}}\n\n{{#activities}}\n- {{title}}\n")
        let result = try CLI.run([
            "report", "2023-Q4", "--project", "examples/iisg", "--out", folder.url.appendingPathComponent("out").path,
            "--template", folder.url.appendingPathComponent("broken.md.mustache").path,
        ])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "broken.md.mustache:5:1: error: this is not a valid template: a section is never closed"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))

        try folder.write("partial.md.mustache", "# {{title}}\n{{> missing}}\n")
        let missing = try CLI.run([
            "report", "2023-Q4", "--project", "examples/iisg", "--template",
            folder.url.appendingPathComponent("partial.md.mustache").path,
        ])
        #expect(missing.status == 1)
        #expect(
            missing.stderr.contains("partial.md.mustache:2:1: error: there is no partial 'missing'"),
            "\(missing.stderr)")
    }

    /// Q3 2023 is the log's first quarter: its previous quarter has no records, which
    /// summary.csv leaves empty rather than writing 0.
    @Test func firstQuarterOfTheLogComparesWithNoRecords() throws {
        let out = try TemporaryFolder()
        #expect(try CLI.run(["report", "2023-Q3", "--project", "examples/iisg", "--out", out.url.path]).status == 0)
        #expect(try out.read("summary.csv").contains("\r\nactivities,2,,\r\n"))
        #expect(try out.read("report.md").contains("| Activities | 2 | no records | – | no records | – |"))
        #expect(try out.read("report.html").contains("Q2 2023: no records"))
    }

    /// A report whose own period ends before the log starts says the log has no records for
    /// it, in every document, instead of zeros and empty tables; summary.csv leaves the cells
    /// empty, as it does for a comparison period without records.
    @Test func periodBeforeTheLogHasNoRecordsRatherThanZeros() throws {
        let out = try TemporaryFolder()
        // A chart left by an earlier run, when the records said otherwise.
        try out.write("activities-by-month.svg", "<svg/>")
        let result = try CLI.run(["report", "2023-Q2", "--project", "examples/iisg", "--out", out.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: out.url.appendingPathComponent("activities-by-month.svg").path),
            "no chart for a period without records")
        let note = "The log has no records for this period: it starts on 5 Sep 2023."
        #expect(result.stdout.contains(note) && !result.stdout.contains("0 activities"))
        let markdown = try out.read("report.md")
        #expect(markdown.contains("**No records.** \(note)\n"))
        for empty in [
            "| Activities | 0", "Headline figures", "## Breakdowns", "| Category |", "No activities", "![",
            "## Indicators",
        ] {
            #expect(!markdown.contains(empty), "report.md shows '\(empty)'")
        }
        #expect(markdown.contains("## Look-ahead: Q3 2023 (1 Jul – 30 Sep 2023)\n\n- 5–6 Sep 2023"))
        let html = try out.read("report.html")
        #expect(html.contains("<h2 id=\"no-records-title\">No records</h2>\n<p>\(note)</p>"))
        for empty in ["class=\"card\"", "<svg", "<table", "Indicators", "Breakdowns"] {
            #expect(!html.contains(empty), "report.html shows '\(empty)'")
        }
        #expect(html.contains("Look-ahead: Q3 2023"))
        // The page keeps the basics of accessibility: one h1, no skipped heading level.
        if let page = try Interop.json("html_basics.py", [out.url.appendingPathComponent("report.html").path])
            as? [String: Any]
        {
            #expect(page["h1"] as? Int == 1 && page["scripts"] as? Int == 0)
            for key in ["skipped", "images", "graphics", "tables", "links", "bars"] {
                #expect((page[key] as? [Any])?.isEmpty == true, "\(key): \(page[key] ?? "missing")")
            }
        }
        let summary = try out.read("summary.csv")
        #expect(summary.contains("\r\nactivities,,,\r\n") && summary.contains("\r\nattended,,,\r\n"))
        #expect(!summary.contains(",0,"))
    }

    /// A period after the last record is covered by the log: its zeros are real.
    @Test func periodAfterTheLastRecordKeepsItsZeros() throws {
        let out = try TemporaryFolder()
        let result = try CLI.run(
            ["report", "2024-Q3", "--project", "examples/iisg", "--out", out.url.path], epoch: 1_735_689_600)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 activities, 0 days of activity"))
        let markdown = try out.read("report.md")
        #expect(markdown.contains("| Activities | 0 | 0 | 0 | 2 | -2 |") && !markdown.contains("No records."))
        #expect(try out.read("summary.csv").contains("\r\nactivities,0,0,0\r\n"))
        #expect(try out.read("report.html").contains("class=\"card\""))
    }

    /// The Kosovo* footnote appears when the report mentions Kosovo, and only then.
    @Test func kosovoFootnoteFollowsTheText() throws {
        let project = try TemporaryFolder(copying: CLI.fixtures.appendingPathComponent("reports"))
        #expect(try CLI.run(["report", "2023-Q4", "--out", "out"], in: project.url).status == 0)
        let markdown = try project.read("out/report.md")
        #expect(
            markdown.contains("Kosovo\\*")
                && markdown.contains("\\*This designation is without prejudice to positions on status"))
        #expect(try project.read("out/report.html").contains("This designation is without prejudice"))
        #expect(try CLI.run(["report", "2022-Q4", "--out", "out-2022"], in: project.url).status == 0)
        #expect(try !project.read("out-2022/report.md").contains("This designation"))
    }

    /// A place in Kosovo is "Kosovo*" in every part of the report, whether the record names
    /// the country or the gazetteer gives it, so the footnote's "*" refers to it; it counts
    /// as one country. The mark is the footnote's: `marker:` changes it, no footnote drops it.
    @Test func kosovoCarriesTheFootnoteMarkWhereverItIsNamed() throws {
        let project = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        try project.write(
            "events/2023/2023-10-20-pristina.yml",
            """
            id: pristina-workshop
            title: Workshop in Pristina
            start: 2023-10-20
            category: workshop
            location:
              city: Pristina\n
            """
        )
        try project.write(
            "events/2023/2023-10-24-prizren.yml",
            """
            id: prizren-visit
            title: Visit to Prizren
            start: 2023-10-24
            category: meeting
            location:
              city: Prizren
              country: Kosovo\n
            """
        )
        try project.write(
            "events/2023/2023-10-25-line.yml",
            "id: line-place\ntitle: Place as one line\nstart: 2023-10-25\ncategory: meeting\nlocation: Gjilan, Kosovo\n"
        )
        let result = try CLI.run(["report", "2023-Q4", "--out", "out"], in: project.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("10 activities, 13 days of activity, 7 cities, 6 countries"))
        let markdown = try project.read("out/report.md")
        #expect(markdown.contains("| Workshop in Pristina | Pristina, Kosovo\\* |"))
        #expect(markdown.contains("| Visit to Prizren | Prizren, Kosovo\\* |"))
        #expect(markdown.contains("| Place as one line | Gjilan, Kosovo\\* |"))
        #expect(markdown.contains("| Kosovo\\* | 2 | 2 |"))
        #expect(!markdown.contains("Kosovo |") && !markdown.contains("Kosovo,"))
        #expect(markdown.contains("\n\\*This designation is without prejudice"))
        let html = try project.read("out/report.html")
        #expect(html.contains("<li>Prizren, Kosovo*: 1</li>") && html.contains("<td>Kosovo*</td>"))
        #expect(html.contains("Prizren, Kosovo*: 1 activity") && !html.contains("Kosovo<"))
        #expect(html.contains("<p>*This designation is without prejudice"))
        let csv = try project.read("out/activities.csv")
        #expect(csv.contains(",Prizren,Kosovo*,") && csv.contains(",Pristina,Kosovo*,"))

        let settings = try project.read("almanac.yml")
        try project.write(
            "almanac.yml", settings + "footnotes:\n  - text: '† Without prejudice to status.'\n    when: [Kosovo]\n")
        #expect(try CLI.run(["report", "2023-Q4", "--out", "dagger"], in: project.url).status == 0)
        let dagger = try project.read("dagger/report.md")
        #expect(dagger.contains("| Kosovo† | 2 | 2 |") && dagger.contains("\n† Without prejudice to status."))
        #expect(!dagger.contains("Kosovo\\*"))
        try project.write("almanac.yml", settings + "footnotes: []\n")
        #expect(try CLI.run(["report", "2023-Q4", "--out", "none"], in: project.url).status == 0)
        let none = try project.read("none/report.md")
        #expect(none.contains("| Kosovo | 2 | 2 |") && !none.contains("Kosovo\\*") && !none.contains("designation"))
    }

    /// A template from almanac.yml with a partial: values stay escaped for Markdown inside
    /// the partial too (swift-mustache would switch back to HTML escaping there).
    @Test func customTemplateWithPartialEscapesForMarkdown() throws {
        let project = try TemporaryFolder(copying: CLI.fixtures.appendingPathComponent("reports"))
        try project.write(
            "templates/board.md.mustache",
            "# {{title}}\n\n| Activity | Partners |\n| --- | --- |\n{{#activities}}\n{{> row.md}}\n{{/activities}}\n")
        try project.write("templates/row.md.mustache", "| {{title}} | {{partners}} |")
        try project.write(
            "almanac.yml", try project.read("almanac.yml") + "report:\n  template: templates/board.md.mustache\n")
        let result = try CLI.run(["report", "2023-Q4", "--out", "out"], in: project.url)
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try project.read("out/report.md")
        #expect(markdown.hasPrefix("# O'Brien & Partners \\| Secretariat — activity report Q4 2023\n"))
        #expect(
            markdown.contains(
                "| O'Brien & Partners \\| Co \\*launch\\* \\[draft\\] \\<b\\> | A, B \"quoted\", Kosovo\\* |"))
    }
}

/// `almanac templates`: the built-in templates, written out to start one's own from.
@Suite struct TemplatesCommandTests {
    @Test func writesTheBuiltInTemplatesWhichGiveTheSameReportAndNeverOverwrites() throws {
        let folder = try TemporaryFolder()
        let first = try CLI.run(["templates", "--out", "mine"], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Wrote mine/report.md.mustache"), "\(first.stdout)")
        let names = ["checklist.md.mustache", "report.html.mustache", "report.md.mustache"]
        for name in names {
            let repository = try String(
                contentsOf: CLI.packageRoot.appendingPathComponent("templates/" + name), encoding: .utf8)
            #expect(try folder.read("mine/" + name) == repository, "\(name)")
        }
        // A report from the written template is the report from the built-in one.
        let builtIn = try CLI.run(
            ["report", "2023-Q4", "--project", "examples/iisg", "--out", folder.url.appendingPathComponent("a").path])
        let copied = try CLI.run([
            "report", "2023-Q4", "--project", "examples/iisg", "--out", folder.url.appendingPathComponent("b").path,
            "--template", folder.url.appendingPathComponent("mine/report.md.mustache").path,
        ])
        #expect(builtIn.status == 0 && copied.status == 0, "\(copied.stderr)")
        #expect(try folder.read("a/report.md") == (try folder.read("b/report.md")))
        // A second run leaves an edited template alone.
        try folder.write("mine/report.md.mustache", "# My report\n")
        let second = try CLI.run(["templates", "--out", "mine"], in: folder.url)
        #expect(second.status == 0)
        #expect(second.stdout.contains("Left mine/report.md.mustache as it is: the file is already there"))
        #expect(try folder.read("mine/report.md.mustache") == "# My report\n")
    }
}
