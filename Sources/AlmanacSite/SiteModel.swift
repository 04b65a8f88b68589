import AlmanacFeeds
import AlmanacModel
import AlmanacRecords
import AlmanacReports

/// What the site's pages show, computed once per build.
public struct SiteModel: Sendable {
    public let config: ProjectConfig
    /// The day "upcoming" and "recent" count from, in the project's time zone.
    public let today: LocalDate
    public let feeds: [SiteFeed]
    /// Public activities of the next ``SiteBuilder/indexWindowDays`` days, soonest first.
    public let upcoming: [SiteActivity]
    /// Public activities of the last ``SiteBuilder/indexWindowDays`` days, latest first.
    public let recent: [SiteActivity]
    /// Public activities from a year before today to a year after, in date order; when there
    /// are none, those of the year up to the log's last public day.
    public let agenda: [SiteActivity]
    /// The first and last day of ``agenda``'s window.
    public let agendaSpan: (first: LocalDate, last: LocalDate)
    /// Whether ``agenda`` shows the year up to the log's last public day, as nothing public is
    /// dated from a year ago to a year ahead (a log of past activities).
    public let agendaShowsLatestYear: Bool
    /// The report pages, quarters first, latest first.
    public let reports: [SiteReport]

    /// `published` are the records a public page may show (``SiteBuilder/publicRecords``).
    init(
        project: Project, published: [EventRecord], today: LocalDate, baseURL: String, feeds: [FeedOutcome],
        calendarFiles: Set<String>, reports: [SiteReport]
    ) {
        config = project.config
        self.today = today
        self.feeds = zip(project.config.feeds, feeds).map { definition, outcome in
            let title = definition.title ?? definition.name
            return SiteFeed(
                name: definition.name, fileName: definition.fileName, title: title,
                description: definition.description, events: outcome.events,
                links: SubscribeLinks(baseURL: baseURL, feedFileName: definition.fileName, title: title)
            )
        }
        func activities(from first: LocalDate, to last: LocalDate) -> [SiteActivity] {
            Agenda(records: published, period: ReportPeriod(rangeFrom: first, to: last)).occurrences.map {
                SiteActivity(
                    occurrence: $0,
                    calendarFile: calendarFiles.contains($0.record.id) && $0.record.status != .cancelled
                        ? SiteBuilder.eventsFolder + "/" + $0.record.id + ".ics" : nil)
            }
        }
        let window = SiteBuilder.indexWindowDays
        upcoming = activities(from: today, to: today.adding(days: window - 1))
        recent = activities(from: today.adding(days: -window), to: today.adding(days: -1)).filter {
            $0.occurrence.lastDay < today
        }.reversed()
        let days = SiteBuilder.agendaWindowDays
        var span = (first: today.adding(days: -days), last: today.adding(days: days))
        var agenda = activities(from: span.first, to: span.last)
        let latest = published.compactMap(\.finalDay).max()
        agendaShowsLatestYear = agenda.isEmpty && latest.map { $0 < span.first } == true
        if agendaShowsLatestYear, let latest {
            span = (latest.adding(days: -days), latest)
            agenda = activities(from: span.first, to: span.last)
        }
        self.agenda = agenda
        agendaSpan = span
        self.reports = reports
    }
}

/// One feed as the index shows it.
public struct SiteFeed: Sendable {
    public let name: String
    /// `<name>.ics`.
    public let fileName: String
    public let title: String
    public let description: String?
    public let events: Int
    public let links: SubscribeLinks
}

/// One occurrence of a public activity, with its single-event file when it has one.
public struct SiteActivity: Sendable {
    public let occurrence: Occurrence
    /// `events/<id>.ics`, relative to the site; nil for a cancelled activity or one no feed holds.
    public let calendarFile: String?
}

/// One report page.
public struct SiteReport: Sendable {
    public let period: ReportPeriod
    /// Its counted activities.
    public let activities: Int

    /// `reports/2023-Q4/report.html`, relative to the site.
    public var page: String { SiteBuilder.reportsFolder + "/" + period.label + "/" + ReportFile.page.name }
}
