import AlmanacImport
import AlmanacModel
import AlmanacRecords
import Foundation
import Testing

/// A new project with the example's settings and no records.
func emptyExampleProject() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write(
        "almanac.yml",
        try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/iisg/almanac.yml"), encoding: .utf8))
    return folder
}

/// The records of a project folder, by title.
func recordsByTitle(_ folder: URL) throws -> [String: EventRecord] {
    let project = try Project.load(from: folder.path).get()
    #expect(!project.diagnostics.hasErrors, "\(project.diagnostics.map(\.message))")
    return Dictionary(project.records.map { ($0.title, $0) }, uniquingKeysWith: { first, _ in first })
}

/// Every file below `folder` with its text.
func snapshot(_ folder: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    for case let relative as String in FileManager.default.enumerator(atPath: folder.path) ?? FileManager.default
        .enumerator(atPath: "/dev/null")!
    {
        let url = folder.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[relative] = try String(contentsOf: url, encoding: .utf8)
        }
    }
    return result
}

@Suite struct ImportNewsTests {
    static let sample = CLI.fixtures.appendingPathComponent("news/activity-news-2023-2024.txt")

    /// Each sample item against the hand-entered example record of the same title.
    private func expectMatchesExample(_ folder: URL) throws {
        let imported = try recordsByTitle(folder)
        let expected = try recordsByTitle(CLI.packageRoot.appendingPathComponent("examples/iisg"))
        #expect(imported.count == 12)
        for (title, want) in expected {
            let got = try #require(imported[title], "no record for '\(title)'")
            #expect(got.timing == want.timing, "dates of '\(title)'")
            #expect(
                got.place?.city.map { Gazetteer.bundled.place(named: $0)?.name }
                    == want.place?.city.map { Gazetteer.bundled.place(named: $0)?.name }, "city of '\(title)'")
            #expect(got.place?.country == want.place?.country, "country of '\(title)'")
            // The one item that names only a ministry, not a city, gets its capital as an
            // assumption: tentative, with a source-note saying so.
            let assumed = title == "IISG Secretariat engages in constructive meeting with Serbian Ministry of Interior"
            #expect(
                got.status == (want.status == .draft ? .draft : assumed ? .tentative : .confirmed),
                "status of '\(title)'")
            #expect(
                got.sourceNote?.contains("the venue is taken to be Belgrade, the capital of the ministry's country")
                    ?? false == assumed, "source-note of '\(title)'")
            #expect(got.category == want.category, "category of '\(title)'")
            #expect(got.source?.contains(title) == true)
        }
    }

    @Test func eachSampleItemGetsItsDatesPlaceAndCategoryAndTheUndatedOneIsADraft() throws {
        let project = try emptyExampleProject()
        let result = try CLI.run(["import", "news", Self.sample.path, "--project", project.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasSuffix(
                """
                12 items: 11 records written (1 tentative: what was \
                assumed is in their source-note), 1 draft needs a date.\n
                """
            ))
        #expect(
            result.stderr.contains(
                """
                activity-news-2023-2024.txt:46:1: warning: 'Meeting with \
                European Union Delegation in Serbia': it names no date
                """
            ))
        try expectMatchesExample(project.url)
        let board = try project.read("events/2023/2023-12-07-7th-iisg-board-meeting.yml")
        #expect(
            board.hasPrefix(
                """
                id: 2023-12-07-7th-iisg-board-meeting
                title: 7th IISG Board meeting
                start: 2023-12-07
                end: 2023-12-07
                location:
                  city: Sarajevo
                  country: Bosnia and Herzegovina
                geo: [43.8486, 18.3564]
                category: board-meeting
                organisations: [European Commission, DG NEAR, RCC]
                status: confirmed
                summary: |
                """
            ))
        let draft = try project.read("events/undated/meeting-with-european-union-delegation-in-serbia.yml")
        #expect(draft.contains("\nstatus: draft\n") && !draft.contains("\nstart:"))
        #expect(draft.contains("organisations: [EU Delegation to Serbia]"))
        let check = try CLI.run(["check", "--project", project.url.path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("12 records read (1 draft): 0 errors and 1 warning."))
    }

    @Test func importingTwiceWritesNothingNewAndNeverReplacesAFile() throws {
        let project = try emptyExampleProject()
        try CLI.run(["import", "news", Self.sample.path, "--project", project.url.path])
        try project.write(
            "events/2023/2023-09-12-iisg-hos-meeting-with-dg-near.yml",
            try project.read("events/2023/2023-09-12-iisg-hos-meeting-with-dg-near.yml").replacingOccurrences(
                of: "category: meeting", with: "category: consultations"))
        let before = try snapshot(project.url)
        let again = try CLI.run(["import", "news", Self.sample.path, "--project", project.url.path])
        #expect(again.status == 0)
        #expect(again.stdout == "12 items: 0 records written, 12 already imported.\n")
        #expect(try snapshot(project.url) == before)
    }

    @Test func theSameItemTwiceInOneFileIsWrittenOnce() throws {
        let project = try emptyExampleProject()
        let item = "Meeting in Budva\n\nOn 3 May 2024 the Secretariat met partners in Budva.\n\n"
        try project.write("news.txt", item + item)
        let result = try CLI.run(["import", "news", "news.txt", "--dry-run"], in: project.url)
        #expect(
            result.stdout
                == """
                Would write events/2024/2024-05-03-meeting-in-budva.yml
                2 items: 1 record would be written, 1 already imported (dry run: nothing written).\n
                """
        )
    }

    @Test func anIDElsewhereInTheProjectCountsAsImported() throws {
        let project = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        try project.write(
            "events/2023/2023-09-12-iisg-hos-meeting-with-dg-near.yml",
            "id: 2023-09-12-iisg-hos-meeting-with-dg-near\ntitle: Edited by hand\nstart: 2023-09-12\n")
        let result = try CLI.run([
            "import", "news", Self.sample.path, "--project", project.url.path, "--into",
            project.url.appendingPathComponent("events/imported").path,
        ])
        #expect(result.stdout.contains("1 already imported"))
        #expect(
            !FileManager.default.fileExists(
                atPath: project.url.appendingPathComponent(
                    "events/imported/2023-09-12-iisg-hos-meeting-with-dg-near.yml"
                ).path))
        #expect(try project.read("events/2023/2023-09-12-iisg-hos-meeting-with-dg-near.yml").contains("Edited by hand"))
    }

    @Test func dryRunShowsWhatWouldBeWrittenAndWritesNothing() throws {
        let project = try emptyExampleProject()
        let result = try CLI.run(["import", "news", Self.sample.path, "--project", project.url.path, "--dry-run"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Would write "))
        #expect(
            result.stdout.hasSuffix(
                """
                12 items: 11 records would be written (1 tentative: what was assumed is \
                in their source-note), 1 draft needs a date (dry run: nothing written).\n
                """
            ))
        #expect(!FileManager.default.fileExists(atPath: project.url.appendingPathComponent("events").path))
    }

    @Test func markdownFromStandardInputIntoAnotherFolder() throws {
        let project = try emptyExampleProject()
        let items = NewsItems.split(try String(contentsOf: Self.sample, encoding: .utf8))
        let markdown =
            "# IISG news 2023–2024\n\n" + items.map { "## \($0.title)\n\n\($0.body)\n" }.joined(separator: "\n")
        let result = try CLI.run(
            [
                "import", "news", "-", "--project", project.url.path, "--into",
                project.url.appendingPathComponent("events/news").path,
            ], input: Data(markdown.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasSuffix(
                """
                12 items: 11 records written (1 tentative: what was \
                assumed is in their source-note), 1 draft needs a date.\n
                """
            ))
        #expect(
            FileManager.default.fileExists(
                atPath: project.url.appendingPathComponent(
                    "events/news/2024-02-08-iisg-secretariat-engages-in-constructive-meeting.yml"
                ).path))
        try expectMatchesExample(project.url)
    }

    @Test func yearsLeftOutComeFromTheNeighbourOrFromTheYearOption() throws {
        let project = try emptyExampleProject()
        try project.write(
            "news.txt",
            """
            Workshop in Tirana

            On 5 December the Secretariat held a workshop in Tirana.

            Meeting in Skopje

            On 15 January 2024 the Secretariat met partners in Skopje.\n
            """
        )
        try CLI.run(["import", "news", "news.txt", "--project", "."], in: project.url)
        #expect(
            FileManager.default.fileExists(
                atPath: project.url.appendingPathComponent("events/2023/2023-12-05-workshop-in-tirana.yml").path))
        try project.write("alone.txt", "Meeting in Budva\n\nOn 3 May the Secretariat met partners in Budva.\n")
        let without = try CLI.run(["import", "news", "alone.txt", "--project", ".", "--dry-run"], in: project.url)
        #expect(without.stderr.contains("'3 May' has no year and no other item gives one"))
        #expect(without.stdout.contains("1 draft needs a date"))
        let with = try CLI.run(["import", "news", "alone.txt", "--project", ".", "--year", "2025"], in: project.url)
        #expect(with.stdout.contains("Wrote events/2025/2025-05-03-meeting-in-budva.yml"))
        #expect(try CLI.run(["import", "news", "alone.txt", "--year", "25"], in: project.url).status == 2)
    }

    @Test func categoryWarningAndProjectOrganisations() throws {
        let project = try TemporaryFolder()
        try project.write(
            "almanac.yml",
            """
            name: T
            domain: t.example.org
            timezone: Europe/Sarajevo
            organisation: IISG Secretariat
            categories: [workshop, meeting]
            organisations:
              - name: Ministry of Security of Bosnia and Herzegovina
                aliases: [MoS BiH]
            places:
              - {name: Jahorina, country: Bosnia and Herzegovina, timezone: Europe/Sarajevo, geo: [43.73, 18.57]}
            """)
        try project.write(
            "news.txt",
            "Annual retreat\n\nFrom 3 to 5 May 2024 the IISG Secretariat and MoS BiH held their retreat in Jahorina.\n")
        let result = try CLI.run(["import", "news", "news.txt"], in: project.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("none of the project's categories fits"))
        let record = try project.read("events/2024/2024-05-03-annual-retreat.yml")
        #expect(record.contains("organisations: [Ministry of Security of Bosnia and Herzegovina]"))
        #expect(
            record.contains("city: Jahorina") && record.contains("geo: [43.7300, 18.5700]")
                && !record.contains("category:"))
    }
}
