import AlmanacModel
import Foundation
import Testing

/// Values that pass YAML and used to pass `check` while changing the board's figures
/// (issue 8, part 2): each is now a warning or an error, and the report says what it left out.
@Suite struct SilentMistakeTests {
    /// A project with the example's settings and `records` (path below events/ → text).
    private func project(_ records: [String: String]) throws -> TemporaryFolder {
        let folder = try emptyExampleProject()
        for (path, text) in records { try folder.write("events/" + path, text) }
        return folder
    }

    private func check(_ folder: TemporaryFolder) throws -> CLIResult {
        try CLI.run(["check"], in: folder.url)
    }

    @Test func organisationsWrittenAsOneValueAreAWarningWithTheListForm() throws {
        let folder = try project(["2023/a.yml": "id: a\ntitle: A\nstart: 2023-10-05\norganisations: RCC, DG NEAR\n"])
        let result = try check(folder)
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                """
                events/2023/a.yml:4:1: warning: 'RCC, DG NEAR' is read as one partner organisation, not 2
                  hint: write several as a list: `organisations: [RCC, DG NEAR]`
                """
            ), "\(result.stderr)")

        try folder.write("events/2023/a.yml", "id: a\ntitle: A\nstart: 2023-10-05\norganisations: [RCC, DG NEAR]\n")
        #expect(try check(folder).stderr.isEmpty)
        #expect(try CLI.run(["report", "2023-Q4"], in: folder.url).status == 0)
        #expect(try folder.read("reports/2023-Q4/summary.csv").contains("partner_organisations,2,"))
        // A name that holds a comma is kept whole when quoted in a list.
        try folder.write(
            "events/2023/a.yml",
            "id: a\ntitle: A\nstart: 2023-10-05\norganisations: [\"Ministry of Interior, Serbia\"]\n")
        #expect(try check(folder).stderr.isEmpty)
    }

    @Test func anUnknownCityIsAWarningWithNamesFromTheGazetteerAndIsListedInTheReport() throws {
        let folder = try project([
            "2023/a.yml": "id: a\ntitle: Workshop A\nstart: 2023-10-05\nlocation:\n  city: Sarajvo\n",
            "2023/b.yml":
                "id: b\ntitle: Workshop B\nstart: 2023-10-06\nlocation:\n  city: Mavrovo\n  country: North Macedonia\n",
        ])
        let result = try check(folder)
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                """
                events/2023/a.yml:5:3: warning: the city 'Sarajvo' is not in the gazetteer, \
                so the activity has no country and counts under none; did you mean 'Sarajevo'?
                """
            ), "\(result.stderr)")
        // A country given explicitly says the writer knows the place.
        #expect(!result.stderr.contains("b.yml"))

        #expect(try CLI.run(["report", "2023-Q4"], in: folder.url).status == 0)
        // The data-quality list is in the staff checklist beside the report.
        let checklist = try folder.read("reports/2023-Q4/checklist.md")
        let quality = try #require(checklist.components(separatedBy: "## Data quality").last)
        #expect(
            quality.contains("- [ ] Workshop A (events/2023/a.yml): city 'Sarajvo' not in the gazetteer, so no country")
        )
        #expect(!quality.contains("Mavrovo"))
    }

    @Test func aCityNearAnotherSpellingOfAPlaceIsSuggestedWithThatPlace() throws {
        // The match is on one of the place's other spellings: the suggestion says which place
        // it is, where it used to name only the place ('Salonikka' → "did you mean
        // 'Thessaloniki'?", through its other name Salonika).
        let folder = try project([
            "2023/a.yml": "id: a\ntitle: A\nstart: 2023-10-05\nlocation:\n  city: Beogard\n",
            "2023/b.yml": "id: b\ntitle: B\nstart: 2023-10-06\nlocation:\n  city: Salonikka\n",
        ])
        let result = try check(folder)
        #expect(result.stderr.contains("'Beogard' is not in the gazetteer"), "\(result.stderr)")
        #expect(result.stderr.contains("counts under none; did you mean 'Beograd' (Belgrade, Serbia)?\n"))
        #expect(result.stderr.contains("counts under none; did you mean 'Salonika' (Thessaloniki, Greece)?\n"))
    }

    @Test func aMisspeltCountryIsAWarningAndACountryOutsideTheTableIsNot() throws {
        let folder = try project([
            "2023/a.yml": "id: a\ntitle: A\nstart: 2023-10-05\nlocation:\n  city: Brussels\n  country: Belgum\n",
            "2023/b.yml": "id: b\ntitle: B\nstart: 2023-10-06\nlocation:\n  city: Kyoto\n  country: Japan\n",
            "2023/c.yml": "id: c\ntitle: C\nstart: 2023-10-07\nlocation:\n  city: Gjilan\n  country: Kosovo*\n",
            // A known city in a misspelt country is found (in Serbia), the country still misspelt.
            "2023/d.yml": "id: d\ntitle: D\nstart: 2023-10-08\nlocation:\n  city: Belgrade\n  country: Serbja\n",
        ])
        let result = try check(folder)
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                """
                events/2023/a.yml:6:3: warning: the country 'Belgum' is not one Almanac knows, \
                so it counts as a country of its own; did you mean 'Belgium'?
                """
            ), "\(result.stderr)")
        #expect(result.stderr.contains("the country 'Serbja' is not one Almanac knows"), "\(result.stderr)")
        #expect(!result.stderr.contains("b.yml") && !result.stderr.contains("c.yml"), "\(result.stderr)")
    }

    @Test func aTitleCutByAHashIsAWarning() throws {
        let folder = try project(["2023/a.yml": "id: a\ntitle: Coordination meeting #3 with RCC\nstart: 2023-10-05\n"])
        let result = try check(folder)
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                """
                events/2023/a.yml:2:1: warning: the title stops before '#3 with RCC': YAML \
                reads ' #' and what follows as a comment, so the title is 'Coordination meeting'
                  hint: put the whole title in quotes: `title: 'Coordination meeting #3 with RCC'`
                """
            ), "\(result.stderr)")
        // Quoted, or a comment set apart as comments are, is what the writer meant.
        try folder.write("events/2023/a.yml", "id: a\ntitle: 'Coordination meeting #3 with RCC'\nstart: 2023-10-05\n")
        #expect(try check(folder).stderr.isEmpty)
        try folder.write("events/2023/a.yml", "id: a\ntitle: Coordination meeting   # the third\nstart: 2023-10-05\n")
        #expect(try check(folder).stderr.isEmpty)
    }

    /// The rule: a record with errors is left out of every figure; of records that share an
    /// id, the first by path counts and the others are left out. Every output says so.
    @Test func recordsWithErrorsAndCopiesAreLeftOutOfEveryFigureAndTheReportSaysSo() throws {
        let board = "id: board\ntitle: Board\nstart: 2023-12-07\nlocation:\n  city: Sarajevo\n"
        let folder = try project([
            "2023/board.yml": board,
            "2023/board-copy.yml": board.replacingOccurrences(of: "Sarajevo", with: "Tirana"),
            "2023/broken.yml": "id: broken\ntitle: Broken\nstart: 2023-11-31\n",
        ])
        let result = try CLI.run(["report", "2023-Q4"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("1 activity, 1 day of activity, 1 city, 1 country"), "\(result.stdout)")
        #expect(
            result.stderr.contains("2 records were left out because they have errors: run almanac check to see them."))
        #expect(result.stderr.contains("events/2023/board.yml:1:1: error: the id 'board' is already used by"))
        #expect(try folder.read("reports/2023-Q4/summary.csv").contains("activities,1,"))
        #expect(
            try folder.read("reports/2023-Q4/activities.csv").components(separatedBy: "\r\n").filter {
                $0.hasPrefix("board,")
            }.count == 1)
        #expect(
            try folder.read("reports/2023-Q4/report.md").contains(
                "\n> **Warning:** 2 records were left out because they have errors: run almanac check to see them.\n"))
        #expect(
            try folder.read("reports/2023-Q4/report.html").contains(
                """
                <p class="warning" role="alert"><strong>Warning:</strong> \
                2 records were left out because they have errors
                """
            ))
        #expect(
            try folder.read("reports/2023-Q4/checklist.md").contains(
                "\n- [ ] 2 records were left out because they have errors: run almanac check to see them.\n"))
        // The same rule and the same words in the agenda and the export.
        let list = try CLI.run(["list", "2023-Q4"], in: folder.url)
        #expect(list.stdout.components(separatedBy: "Board").count == 2, "\(list.stdout)")
        #expect(
            list.stderr == "warning: 2 records were left out because they have errors: run almanac check to see them.\n"
        )
        let export = try CLI.run(["export", "csv", "2023-Q4"], in: folder.url)
        #expect(export.status == 1)
        #expect(export.stdout.components(separatedBy: "\r\nboard,").count == 2)
        #expect(export.stderr.contains("2 records were left out because they have errors"))
        // The first file by path is the one counted: board-copy.yml sorts before board.yml.
        #expect(try folder.read("reports/2023-Q4/activities.csv").contains("Tirana"))

        try folder.write("events/2023/board-copy.yml", board.replacingOccurrences(of: "id: board", with: "id: board-2"))
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("events/2023/broken.yml"))
        let fixed = try CLI.run(["report", "2023-Q4"], in: folder.url)
        #expect(fixed.status == 0)
        #expect(!(try folder.read("reports/2023-Q4/report.md").contains("left out because")))
    }

    @Test func anEndlessSubDailySeriesIsAnError() throws {
        let folder = try project(["2023/a.yml": "id: a\ntitle: Pings\nstart: 2023-10-05T10:00\nrepeat: FREQ=HOURLY\n"])
        let result = try check(folder)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                """
                events/2023/a.yml:4:1: error: 'FREQ=HOURLY' repeats \
                every hour without end, which no report can count
                  hint: end the series with COUNT
                """
            ), "\(result.stderr)")
        for rule in ["FREQ=MINUTELY;INTERVAL=30", "FREQ=SECONDLY"] {
            try folder.write("events/2023/a.yml", "id: a\ntitle: Pings\nstart: 2023-10-05T10:00\nrepeat: \(rule)\n")
            #expect(try check(folder).status == 1, "\(rule)")
        }
        for rule in ["FREQ=HOURLY;COUNT=8", "FREQ=HOURLY;UNTIL=20231005T180000", "FREQ=DAILY"] {
            try folder.write("events/2023/a.yml", "id: a\ntitle: Pings\nstart: 2023-10-05T10:00\nrepeat: \(rule)\n")
            #expect(try check(folder).status == 0, "\(rule)")
        }
    }

    @Test func aSeriesCutAtTheOccurrenceLimitIsReported() throws {
        // Hourly from 2010: more than 100,000 occurrences before Q4 2023 even starts.
        let folder = try project([
            "a.yml": "id: a\ntitle: Hourly check\nstart: 2010-01-01T10:00\nrepeat: FREQ=HOURLY;COUNT=200000\n"
        ])
        #expect(try check(folder).status == 0)
        let result = try CLI.run(["report", "2023-Q4"], in: folder.url)
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                """
                warning: events/a.yml: the series repeats more than 100,000 times between \
                its start and the end of 2023-Q4, so its later occurrences are not counted
                """
            ), "\(result.stderr)")
        #expect(
            try folder.read("reports/2023-Q4/checklist.md").contains(
                """
                - [ ] Hourly check (events/a.yml): a series of more than \
                100,000 occurrences since its start: later ones are not counted
                """
            ))
        // The agenda and the export say so too.
        let list = try CLI.run(["list", "2023-Q4"], in: folder.url)
        #expect(
            list.stderr.contains(
                """
                warning: events/a.yml: the series repeats more than 100,000 times between \
                its start and the end of 2023-Q4, so its later occurrences are not listed
                """
            ), "\(list.stderr)")
        let export = try CLI.run(["export", "csv", "2023-Q4"], in: folder.url)
        #expect(
            export.stderr.contains("warning: events/a.yml: the series repeats more than 100,000 times"),
            "\(export.stderr)")
        // A series well within the limit says nothing.
        try folder.write(
            "events/a.yml", "id: a\ntitle: Hourly check\nstart: 2023-10-01T10:00\nrepeat: FREQ=HOURLY;COUNT=200000\n")
        let near = try CLI.run(["report", "2023-Q4"], in: folder.url)
        #expect(near.stderr.isEmpty)
        #expect(try folder.read("reports/2023-Q4/summary.csv").contains("activities,2198,"))
    }
}
