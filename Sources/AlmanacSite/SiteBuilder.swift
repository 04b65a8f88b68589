import AlmanacFeeds
import AlmanacModel
import AlmanacRecords
import AlmanacReports
import Foundation

/// Builds the published site of a project — the feeds, an index page with subscribe links,
/// an agenda with a single-event `.ics` per activity, and a report page per quarter, year
/// and fiscal year — into a folder. `almanac site` writes it where the user says;
/// `almanac serve` writes it to a private folder and serves that from memory.
public struct SiteBuilder {
    public let project: Project
    public let clock: Clock
    /// almanac.yml's `base-url`: the subscribe links must be absolute.
    public let baseURL: String

    /// How far ahead the index's "upcoming activities" look, and how far back "recent".
    public static let indexWindowDays = 90
    /// How far back and ahead of today the agenda page reaches.
    public static let agendaWindowDays = 365
    /// The folder of the single-event `.ics` files.
    public static let eventsFolder = "events"
    public static let reportsFolder = "reports"

    /// A builder for `project`; fails without `base-url`, which the subscribe links need.
    public init(project: Project, clock: Clock) throws(AlmanacFailure) {
        guard let baseURL = project.config.baseURL else {
            throw AlmanacFailure(
                .configuration, .file(project.directory + "/" + Project.configFileName),
                "there is no base-url, and the site's subscribe links must be full addresses",
                hint: """
                    add `base-url: https://…` to \(Project.configFileName): the address the \
                    site will be published at (e.g. https://\(project.config.domain)/calendar)
                    """
            )
        }
        self.project = project
        self.clock = clock
        self.baseURL = baseURL
    }

    /// Writes the whole site into `directory` (each file atomically): first the feeds and
    /// the state file exactly as `almanac feed` does, then the pages, the single-event files
    /// and the reports. Returns what was written, paths relative to `directory`. Refuses,
    /// writing nothing, while any record has errors (``PublishGuard``).
    public func write(to directory: String, progress: (any ProgressReporter)? = nil, onWait: () -> Void = {}) throws
        -> SiteOutcome
    {
        try PublishGuard.check(project, publishing: .site)
        let feeds = try FeedPublisher(project: project, clock: clock).publish(
            to: directory, progress: progress, onWait: onWait)
        var files = feeds.map(\.fileName)
        let planned = Self.plannedEvents(feeds)
        for (id, item) in planned.sorted(by: { $0.key < $1.key }) {
            let name = Self.eventsFolder + "/" + id + ".ics"
            let single = FeedDefinition(name: id, title: item.event.summary)
            let file = try FeedWriter(config: project.config, feed: single, subscription: false).write(
                FeedPlan(items: [item]), to: directory + "/" + name)
            try file.commit()
            files.append(name)
        }
        Self.removeStaleEventFiles(in: directory + "/" + Self.eventsFolder, keeping: Set(planned.keys))
        let reports = try writeReports(to: directory)
        files += reports.flatMap(\.files)
        let model = SiteModel(
            project: project, published: publicRecords, today: clock.today(in: project.config.timezone),
            baseURL: baseURL, feeds: feeds, calendarFiles: Set(planned.keys), reports: reports.map(\.report))
        for page in SitePages.files(model) {
            try AtomicFile.write(page.content, to: directory + "/" + page.name)
            files.append(page.name)
        }
        return SiteOutcome(model: model, feeds: feeds, files: files)
    }

    /// Deletes the single-event files of activities that are no longer published (made
    /// internal, a draft, cancelled or deleted since the last run), so that a static host
    /// never goes on serving them. Only `<id>.ics` files of the site's own `events/` folder.
    static func removeStaleEventFiles(in folder: String, keeping ids: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasSuffix(".ics") && !ids.contains(String(name.dropLast(4))) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// The event of each activity that some feed publishes and has not cancelled, with the
    /// SEQUENCE and stamps of the first feed (in almanac.yml's order) that holds it.
    static func plannedEvents(_ feeds: [FeedOutcome]) -> [String: FeedPlan.Item] {
        var events: [String: FeedPlan.Item] = [:]
        for feed in feeds {
            for item in feed.items where !item.event.isCancelled && events[item.event.id] == nil {
                events[item.event.id] = item
            }
        }
        return events
    }

    // MARK: Reports

    /// The records a public page may show: public, and not drafts (a draft's title is not
    /// published anywhere else either).
    var publicRecords: [EventRecord] {
        project.records.filter { $0.visibility == .public && $0.status != .draft }
    }

    /// Every quarter that has a counted public activity, with its year (and fiscal year when
    /// fiscal years do not start in January), latest first within each kind.
    func reportPeriods() -> [ReportPeriod] {
        let counted = publicRecords.filter(\.isScheduled)
        guard let span = Agenda.span(of: counted) else { return [] }
        var quarters = Set<ReportPeriod>()
        var years = Set<ReportPeriod>()
        var fiscalYears = Set<ReportPeriod>()
        let fiscalStart = project.config.fiscalYearStartMonth
        for occurrence in Agenda(records: counted, period: span).occurrences {
            var month = occurrence.firstDay.year * 12 + occurrence.firstDay.month - 1
            let last = occurrence.lastDay.year * 12 + occurrence.lastDay.month - 1
            while month <= last {
                let (year, monthOfYear) = (month / 12, month % 12 + 1)
                quarters.insert(ReportPeriod(kind: .quarter(year: year, quarter: (monthOfYear - 1) / 3 + 1)))
                years.insert(ReportPeriod(kind: .year(year)))
                if fiscalStart != 1 {
                    fiscalYears.insert(
                        ReportPeriod(
                            kind: .fiscalYear(
                                endYear: monthOfYear >= fiscalStart ? year + 1 : year, startMonth: fiscalStart)))
                }
                month += 1
            }
        }
        let latestFirst = { (periods: Set<ReportPeriod>) in periods.sorted { $0.start > $1.start } }
        return latestFirst(quarters) + latestFirst(years) + latestFirst(fiscalYears)
    }

    /// Writes each report into `reports/<label>/`, as `almanac report --public` writes it
    /// (the project's templates and CSV settings), with links back to the site and to its
    /// CSV files above the HTML report.
    private func writeReports(to directory: String) throws -> [(report: SiteReport, files: [String])] {
        let publicProject = Project(
            directory: project.directory, config: project.config, records: publicRecords, leftOut: project.leftOut,
            diagnostics: [], ids: project.ids, gazetteer: project.gazetteer)
        var options = ReportOutput.Options(settings: project.config.report)
        options.links = [
            PageLink(name: "← All calendars and reports", href: "../../index.html"),
            PageLink(name: "Activities (CSV)", href: ReportFile.activities.name),
            PageLink(name: "Summary (CSV)", href: ReportFile.summary.name),
            PageLink(name: "Report as Markdown", href: ReportFile.markdown.name),
        ]
        return try reportPeriods().map { period in
            let output = try ReportOutput(
                builder: ReportBuilder(project: publicProject, period: period, publicOnly: true), options: options)
            let folder = Self.reportsFolder + "/" + period.label
            _ = try output.write(to: directory + "/" + folder)
            return (
                SiteReport(period: period, activities: output.figures[.activities]),
                output.files.map { folder + "/" + $0.name }
            )
        }
    }
}

/// What one site build wrote.
public struct SiteOutcome: Sendable {
    /// What the pages show; `almanac serve` renders the index again from it to show a
    /// problem with newer records.
    public let model: SiteModel
    public let feeds: [FeedOutcome]
    /// Every file written, relative to the site's folder.
    public let files: [String]
}
