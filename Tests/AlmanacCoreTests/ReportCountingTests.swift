import Foundation
import Testing

@testable import AlmanacModel
@testable import AlmanacRecords
@testable import AlmanacReports

/// The counting rules of reports, on a small project made for them.
@Suite struct ReportCountingTests {
    static let records = [
        "straddle.yml": """
        id: straddle
        title: Workshop across the quarter's edge
        start: 2023-09-29
        end: 2023-10-02
        location: {city: Skopje, country: North Macedonia}
        category: meeting
        organisations: [Alpha]
        role: organised
        """,
        "series.yml": """
        id: series
        title: Weekly workshop
        start: 2023-10-02
        repeat: FREQ=WEEKLY;COUNT=5
        except: [2023-10-16]
        location: {city: Sarajevo, country: Bosnia and Herzegovina}
        category: workshop
        organisations: [Alpha]
        role: attended
        summary: The series opened. It went on.
        """,
        "calls.yml": """
        id: calls
        title: Year-end calls
        start: 2023-12-28T09:30
        end: 10:30
        repeat: FREQ=WEEKLY;COUNT=3
        format: online
        category: meeting
        organisations: [Beta]
        """,
        "cancelled.yml": """
        id: cancelled
        title: Called-off visit
        start: 2023-11-05
        status: cancelled
        location: {city: Rome, country: Italy}
        category: meeting
        """,
        "internal.yml": """
        id: internal
        title: Supplier session
        start: 2023-11-10
        visibility: internal
        location: {city: Tirana, country: Albania}
        category: meeting
        organisations: [Gamma]
        role: organised
        """,
        "tentative.yml": """
        id: tentative
        title: Maybe a forum
        start: 2023-12-01
        status: tentative
        location: {city: Chisinau, country: Moldova}
        category: meeting
        organisations: [Beta]
        """,
        "midnight.yml": """
        id: midnight
        title: New Year's Eve shift
        start: 2023-12-31T20:00
        end: 2024-01-01T00:00
        location: {city: Chișinău, country: Moldova}
        category: meeting
        organisations: [Beta]
        """,
        "undated.yml": """
        id: undated
        title: Visit still to be dated
        status: draft
        """,
        "dated-draft.yml": """
        id: dated-draft
        title: Draft with a date
        start: 2023-11-20
        status: draft
        category: meeting
        """,
    ]

    static let project = makeProject(records)

    /// The same log with an activity more than a year before Q4 2023, so that the log covers
    /// the year before it.
    static let olderProject = makeProject(
        records.merging([
            "older.yml": """
            id: older
            title: Earlier visit
            start: 2022-06-15
            location: {city: Sarajevo, country: Bosnia and Herzegovina}
            organisations: [Beta]
            """
        ]) { $1 })

    static func makeProject(_ records: [String: String]) -> Project {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "almanac-counting-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(
            at: folder.appendingPathComponent("events"), withIntermediateDirectories: true)
        let config = """
            name: Counting
            domain: counting.example.org
            timezone: Europe/Sarajevo
            categories: [meeting, workshop]
            indicators:
              - name: Workshops
                category: workshop
                target: 8
                per: year
            """
        try? config.write(to: folder.appendingPathComponent("almanac.yml"), atomically: true, encoding: .utf8)
        for (name, text) in records {
            try? text.write(to: folder.appendingPathComponent("events/" + name), atomically: true, encoding: .utf8)
        }
        // A loaded project holds its records: the folder is not needed after loading.
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .success(let project) = Project.load(from: folder.path) else {
            fatalError("the test project does not load")
        }
        return project
    }

    private func context(_ label: String, publicOnly: Bool = false, project: Project = Self.project) throws
        -> ReportContext
    {
        let period = try ReportPeriod.parse(label, today: LocalDate(iso: "2024-02-15")!)
        return ReportBuilder(project: project, period: period, publicOnly: publicOnly).context()
    }

    private func figure(_ context: ReportContext, _ key: String) -> Int? {
        context.figures.first { $0.key == key }?.thisPeriod
    }

    @Test func projectLoadsWithoutErrors() {
        #expect(!Self.project.diagnostics.hasErrors, "\(Self.project.diagnostics)")
    }

    @Test func quarterCountsEveryOccurrenceAndDaysInside() throws {
        let q4 = try context("2023-Q4")
        // straddle (2 days inside), series ×4 (one date excepted), calls ×1, internal, tentative, midnight.
        #expect(
            q4.activities.map(\.id) == [
                "straddle", "series", "series", "series", "series", "internal", "tentative", "calls", "midnight",
            ])
        #expect(
            q4.activities.map(\.start) == [
                "2023-09-29", "2023-10-02", "2023-10-09", "2023-10-23", "2023-10-30", "2023-11-10", "2023-12-01",
                "2023-12-28", "2023-12-31",
            ])
        #expect(figure(q4, "activities") == 9)
        #expect(figure(q4, "days_of_activity") == 10)
        #expect(q4.activities.first { $0.id == "straddle" }?.daysInPeriod == 2)
        #expect(q4.activities.first { $0.id == "midnight" }?.daysInPeriod == 1)
    }

    @Test func straddlingActivityCountsInBothPeriods() throws {
        let q3 = try context("2023-Q3")
        #expect(q3.activities.map(\.id) == ["straddle"])
        #expect(figure(q3, "days_of_activity") == 2)
        let october = try context("2023-10")
        #expect(october.activities.first?.id == "straddle")
        #expect(october.activities.first?.dates == "29 Sep – 2 Oct 2023")
    }

    @Test func seriesLeavesOutItsExceptionsAndReachesTheNextPeriod() throws {
        let q4 = try context("2023-Q4")
        #expect(
            q4.activities.filter { $0.id == "series" }.map(\.start) == [
                "2023-10-02", "2023-10-09", "2023-10-23", "2023-10-30",
            ])
        #expect(q4.lookAhead.map(\.id) == ["calls", "calls"])
        #expect(q4.lookAhead.map(\.times) == ["09:30–10:30", "09:30–10:30"])
        let q1 = try context("2024-Q1")
        #expect(q1.activities.map(\.id) == ["calls", "calls"], "the midnight shift ends at 00:00 and so stays in 2023")
    }

    @Test func cancelledAreListedApartAndNotCounted() throws {
        let q4 = try context("2023-Q4")
        #expect(q4.cancelled.map(\.id) == ["cancelled"])
        #expect(!q4.activities.contains { $0.id == "cancelled" })
        #expect(!q4.byCountry.contains { $0.name == "Italy" })
    }

    @Test func internalCountedUnlessPublic() throws {
        let all = try context("2023-Q4")
        let publicOnly = try context("2023-Q4", publicOnly: true)
        #expect(all.activities.first { $0.id == "internal" }?.isInternal == true)
        #expect(!publicOnly.activities.contains { $0.id == "internal" })
        #expect(figure(publicOnly, "activities") == 8)
        #expect(figure(publicOnly, "days_of_activity") == 9)
        #expect(figure(all, "countries") == 4)
        #expect(figure(publicOnly, "countries") == 3)
    }

    @Test func draftsAreDataToFixNotActivities() throws {
        let q4 = try context("2023-Q4")
        #expect(!q4.activities.contains { $0.id.contains("draft") || $0.id == "undated" })
        let drafts = q4.dataQuality.filter { $0.problems.hasPrefix("draft") }
        #expect(drafts.map(\.title) == ["Draft with a date", "Visit still to be dated"])
        #expect(drafts.map(\.problems) == ["draft, not counted until confirmed", "draft without a date"])
        #expect(drafts.last?.file == "events/undated.yml")
        #expect(q4.dataQuality.contains { $0.title == "Year-end calls" && $0.problems == "no place" })
        // The undated draft belongs to no period, so every report names it.
        #expect(try context("2020").dataQuality.map(\.title) == ["Visit still to be dated"])
    }

    @Test func distinctPlacesIgnoreAccentsAndFirstTimersAreNamed() throws {
        let q4 = try context("2023-Q4")
        // Chisinau and Chișinău are one city; Skopje, Sarajevo, Tirana.
        #expect(figure(q4, "cities") == 4)
        #expect(figure(q4, "partner_organisations") == 3)
        #expect(figure(q4, "organised") == 2)
        #expect(figure(q4, "attended") == 4)
        // The log starts on 29 Sep 2023: too late to call anything met for the first time.
        #expect(q4.newPartners == nil && q4.newCountries == nil)
        #expect(
            q4.logStartNote?.hasPrefix("The log starts on 29 Sep 2023, less than a year before this period") == true)
        // A period the log starts in, or one before the log, is not said to come after its start.
        #expect(
            try context("2023").logStartNote?.hasPrefix("The log starts on 29 Sep 2023, within this period,") == true)
        #expect(
            try context("2023-Q2").logStartNote?.hasPrefix("The log starts on 29 Sep 2023, after this period,") == true)
        // A log that covers the year before names the first-timers.
        let covered = try context("2023-Q4", project: Self.olderProject)
        #expect(covered.logStartNote == nil)
        #expect(covered.newPartners == "Gamma")
        #expect(covered.newCountries == "Albania, Moldova")
        // The trend goes back to the log's first quarter (fewer than eight here).
        #expect(
            covered.trend.map(\.name) == ["Q2 2022", "Q3 2022", "Q4 2022", "Q1 2023", "Q2 2023", "Q3 2023", "Q4 2023"])
        #expect(covered.trend.map(\.activities) == [1, 0, 0, 0, 0, 1, 9] && covered.trendStartsWithLog)
        #expect(covered.trend.last?.days == covered.figures.first { $0.key == "days_of_activity" }?.thisPeriod)
    }

    @Test func changesAgainstEarlierPeriods() throws {
        let q4 = try context("2023-Q4")
        let activities = try #require(q4.figures.first { $0.key == "activities" })
        #expect(activities.previousPeriod == "1" && activities.previousValue == 1)
        #expect(activities.changeFromPrevious == "+8" && activities.isUp)
        // Q4 2022 ends before the log starts: no records, not zero.
        #expect(activities.lastYear == "no records")
        #expect(activities.changeFromLastYear == "–")
        #expect(q4.comparesLastYear && !q4.lastYearHasRecords)
        let q1 = try context("2024-Q1")
        #expect(q1.figures.first { $0.key == "activities" }?.changeFromPrevious == "-7")
        // Before the first record: no records; a quarter the log covers without activity: 0.
        let q2of2022 = try context("2022-Q2", project: Self.olderProject)
        #expect(q2of2022.figures.first?.previousPeriod == "no records")
        let q4older = try context("2023-Q4", project: Self.olderProject)
        #expect(q4older.figures.first?.lastYear == "0" && q4older.figures.first?.changeFromLastYear == "+9")
        // A year's previous period is the year before: one comparison, not two.
        #expect(try !context("2023").comparesLastYear)
    }

    /// The figures are typed: one row per ``Figure`` in order, each earlier value an optional
    /// (nil: no records), and the texts "no records" and "–" made from them only for templates.
    @Test func figuresAreTypedAndMissingPeriodsAreNil() throws {
        let q4 = try context("2023-Q4")
        #expect(q4.figures.map(\.figure) == Figure.allCases)
        #expect(q4.figures.map(\.key) == Figure.allCases.map(\.key))
        let activities = try #require(q4.figures.first { $0.figure == .activities })
        #expect(activities.previousValue == 1 && activities.lastYearValue == nil)
        let older = try #require(try context("2023-Q4", project: Self.olderProject).figures.first)
        #expect(older.lastYearValue == 0 && older.lastYear == "0")
        let period = try ReportPeriod.parse("2023-Q4", today: LocalDate(iso: "2024-02-15")!)
        let builder = ReportBuilder(project: Self.project, period: period, publicOnly: false)
        let output = try ReportOutput(builder: builder, options: ReportOutput.Options(settings: ReportSettings()))
        for row in output.context.figures { #expect(output.figures[row.figure] == row.thisPeriod, "\(row.key)") }
        #expect(output.figures[.activities] == 9)
    }

    /// A partner organisation that happens to be called "Not recorded" is a partner like any
    /// other: it is not merged with the activities that name none, which come last.
    @Test func anOrganisationCalledNotRecordedIsNotAMissingValue() throws {
        let project = Self.makeProject([
            "a.yml": "id: a\ntitle: A\nstart: 2023-10-02\norganisations: [Not recorded]\nformat: online",
            "b.yml": "id: b\ntitle: B\nstart: 2023-10-03\norganisations: [Not recorded]\nformat: online",
            "c.yml": "id: c\ntitle: C\nstart: 2023-10-04\nformat: hybrid",
        ])
        let q4 = try context("2023-Q4", project: project)
        #expect(q4.byPartner.map(\.name) == ["Not recorded", "Not recorded"])
        #expect(q4.byPartner.map(\.activities) == [2, 1])
        // Formats: all three in a fixed order, "Not recorded" only when some activity has none.
        #expect(q4.byFormat.map(\.name) == ["In person", "Online", "Hybrid"])
        #expect(q4.byFormat.map(\.activities) == [0, 2, 1])
    }

    @Test func peopleReadPeriodAndCategoryNames() throws {
        let names = try ["2023-Q4", "2023", "2023-10", "2023-H2", "2023-W45", "2023-10-01_2023-12-31"].map {
            try ReportPeriod.parse($0, today: LocalDate(iso: "2024-02-15")!).name
        }
        #expect(names == ["Q4 2023", "2023", "October 2023", "H2 2023", "Week 45, 2023", "1 Oct – 31 Dec 2023"])
        let fiscal = try ReportPeriod.parse("FY2024", today: LocalDate(iso: "2024-02-15")!, fiscalYearStartMonth: 7)
        #expect(fiscal.name == "FY 2023/24")
        let q4 = try context("2023-Q4")
        #expect(q4.period.name == "Q4 2023" && q4.title.hasSuffix("activity report Q4 2023"))
        var config = Self.project.config
        #expect(config.label(ofCategory: "board-meeting") == "Board meeting")
        config.categoryLabels["board-meeting"] = "Meeting of the Board"
        #expect(config.label(ofCategory: "board-meeting") == "Meeting of the Board")
        // Colours follow almanac.yml's order, so a category keeps its colour in every report.
        #expect(config.colour(ofCategory: "meeting") == "#0072B2" && config.colour(ofCategory: "workshop") == "#E69F00")
        #expect(config.colour(ofCategory: "not-listed") == config.colour(ofCategory: "not-listed"))
    }

    @Test func breakdownsByMonthFormatAndIndicators() throws {
        let q4 = try context("2023-Q4")
        #expect(
            q4.byMonth.map { "\($0.name) \($0.activities) \($0.days)" } == [
                "October 2023 5 6", "November 2023 1 1", "December 2023 3 3",
            ])
        #expect(
            q4.byFormat.map { "\($0.name) \($0.activities)" } == [
                "In person 0", "Online 1", "Hybrid 0", "Not recorded 8",
            ])
        #expect(q4.byCategory.map { "\($0.name) \($0.activities)" } == ["Meeting 5", "Workshop 4"])
        let workshops = try #require(q4.indicators.first)
        #expect(
            workshops.span == "2023" && workshops.thisPeriod == 4 && workshops.toDate == 4 && workshops.percent == "50%"
        )
        #expect(q4.highlights.map(\.month) == ["October 2023"])
        #expect(q4.highlights.first?.items.map(\.sentence) == ["The series opened."])
    }
}
