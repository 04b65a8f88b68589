import AlmanacModel

/// Everything a report template can show, computed in Swift so that templates stay
/// logic-less. Templates read these properties by name (`{{period.label}}`); lists are
/// Mustache sections (`{{#activities}}…{{/activities}}`), and an empty list or a missing
/// value renders an inverted section (`{{^lookAhead}}None.{{/lookAhead}}`). The README
/// lists every variable.
public struct ReportContext: Sendable {
    /// "IISG Secretariat — activity report Q4 2023".
    public var title: String
    /// almanac.yml's `organisation`, else its `name`.
    public var organisation: String
    /// The period reported on, and the ones it is compared with.
    public var period: PeriodSummary
    public var previousPeriod: PeriodSummary
    public var lastYearPeriod: PeriodSummary
    public var nextPeriod: PeriodSummary
    /// True when internal activities are left out (`--public`).
    public var publicOnly: Bool
    /// "Internal activities are counted." or "Internal activities are left out."
    public var visibilityNote: String
    /// The month fiscal years start in, when almanac.yml sets one other than January.
    public var fiscalYearStart: String?
    /// False when the period ends before the log starts (or the log is empty): it has no
    /// records, which is not the same as none, so the built-in templates show `noRecordsNote`
    /// instead of figures (all 0), breakdowns, charts and indicators.
    public var hasRecords: Bool
    /// "The log has no records for this period: it starts on 5 Sep 2023."; missing when the
    /// period has records.
    public var noRecordsNote: String?
    /// True when the period a year earlier differs from the previous period (not for years
    /// and fiscal years), so the figures have a second comparison.
    public var comparesLastYear: Bool
    /// False when the period a year earlier ends before the log starts.
    public var lastYearHasRecords: Bool
    public var figures: [FigureRow]
    /// "The log starts on 5 Sep 2023, …" when it covers less than a year before the period,
    /// so that nothing is called new; then `newPartners` and `newCountries` are missing.
    public var logStartNote: String?
    /// Partner organisations and countries that no earlier activity had, joined with ", ".
    public var newPartners: String?
    public var newCountries: String?
    public var byCategory: [BreakdownRow]
    public var byCountry: [BreakdownRow]
    public var byPartner: [BreakdownRow]
    public var byFormat: [BreakdownRow]
    public var byMonth: [BreakdownRow]
    /// Every counted activity of the period, in date order.
    public var activities: [ActivityRow]
    /// Cancelled activities of the period: listed, never counted.
    public var cancelled: [ActivityRow]
    public var highlights: [HighlightMonth]
    /// Activities already scheduled in the next period.
    public var lookAhead: [ActivityRow]
    public var indicators: [IndicatorRow]
    public var chart: ChartReference
    /// Activities and days per quarter, the last eight quarters up to the period's end (or
    /// since the log starts).
    public var trend: [TrendRow]
    /// True when the trend has fewer than eight quarters because the log starts later.
    public var trendStartsWithLog: Bool
    /// The places of the period's activities, for the map and its text alternative.
    public var places: [MapPlace]
    /// "1 activity has no known city and is not on the map."; missing when all are.
    public var placesNote: String?
    /// almanac.yml's `footnotes` that the report calls for (by default the Kosovo* footnote,
    /// when the report mentions Kosovo).
    public var footnotes: [String]
    /// True while the Markdown is rendered into the HTML page, which shows the headline
    /// figures, charts, map and indicators itself.
    public var inPage: Bool = false
    /// Records to complete: no place, category or partner; drafts.
    public var dataQuality: [DataIssue]
    /// How many records were left out of every figure for their errors (0 when none).
    public var leftOut: Int
    /// "2 records were left out because they have errors: …"; nil when none was.
    public var leftOutNotice: String?
    /// The files, relative to the project, of series cut at 100,000 occurrences before the
    /// period's end, so that some of their occurrences are not counted.
    public var cutSeries: [String]
}

/// A period with its label and dates.
public struct PeriodSummary: Sendable {
    /// `2023-Q4`.
    public var label: String
    /// "Q4 2023", "FY 2023/24", "October 2023", "1 Oct – 31 Dec 2023".
    public var name: String
    /// `2023-10-01` and `2023-12-31`, inclusive.
    public var start: String
    public var end: String
    /// "1 Oct – 31 Dec 2023".
    public var dates: String
    public var days: Int

    init(_ period: ReportPeriod) {
        label = period.label
        name = period.name
        start = period.start.description
        end = period.end.description
        dates = HumanDates.span(period.start, period.end)
        days = period.dayCount
    }
}

/// One headline figure beside the previous period and the same period a year earlier.
/// The typed values (`figure`, `previousValue`, `lastYearValue`) decide; the texts are
/// what the templates show, made from them here.
public struct FigureRow: Sendable {
    public var figure: Figure
    /// The `metric` of summary.csv: `activities`, `days_of_activity`, …
    public var key: String
    /// "Days of activity".
    public var name: String
    public var thisPeriod: Int
    /// "2", or "no records" when the period ends before the log starts.
    public var previousPeriod: String
    /// "+3", "0", "-2", or "–" when the previous period has no records.
    public var changeFromPrevious: String
    public var lastYear: String
    public var changeFromLastYear: String
    /// The previous period's value; nil when it has no records.
    public var previousValue: Int?
    /// The value a year earlier; nil when that period has no records.
    public var lastYearValue: Int?
    /// False when the previous period has no records.
    public var hasPrevious: Bool
    /// True when the value went up, down: for arrows beside the change.
    public var isUp: Bool
    public var isDown: Bool

    /// `previous` and `lastYear` are nil for a period that ends before the log starts.
    init(_ figure: Figure, value: Int, previous: Int?, lastYear: Int?) {
        self.figure = figure
        key = figure.key
        name = figure.name
        thisPeriod = value
        previousPeriod = Self.text(previous)
        changeFromPrevious = Self.change(value, from: previous)
        self.lastYear = Self.text(lastYear)
        changeFromLastYear = Self.change(value, from: lastYear)
        previousValue = previous
        lastYearValue = lastYear
        hasPrevious = previous != nil
        isUp = previous.map { value > $0 } ?? false
        isDown = previous.map { value < $0 } ?? false
    }

    /// "2"; "no records" when the period has none.
    private static func text(_ value: Int?) -> String {
        value.map(String.init) ?? "no records"
    }

    /// "+3", "0", "-2"; "–" when the earlier period has no records.
    private static func change(_ value: Int, from earlier: Int?) -> String {
        guard let earlier else { return "–" }
        let difference = value - earlier
        return difference > 0 ? "+\(difference)" : String(difference)
    }
}

/// One quarter of the trend.
public struct TrendRow: Sendable {
    /// "Q4 2023".
    public var name: String
    public var activities: Int
    public var days: Int
}

/// A place of the period's activities.
public struct MapPlace: Sendable {
    /// "Skopje, North Macedonia".
    public var name: String
    public var activities: Int
    var coordinates: Coordinates
    var countryCode: String?
}

/// A line of a breakdown: how many activities, and days of activity, fall under `name`.
public struct BreakdownRow: Sendable {
    public var name: String
    public var activities: Int
    public var days: Int
}

/// One activity (one occurrence of a series).
public struct ActivityRow: Sendable {
    public var id: String
    /// "5–6 Sep 2023".
    public var dates: String
    /// "10:00–16:00" for timed activities.
    public var times: String?
    /// ISO dates of the first and last day.
    public var start: String
    public var end: String
    public var title: String
    /// The record's web address, with characters that would break a Markdown link or table
    /// percent-encoded; safe to use unescaped: `{{{url}}}`.
    public var url: String?
    /// "Skopje, North Macedonia", or the venue or free text when there is no city.
    public var place: String?
    public var city: String?
    public var country: String?
    public var category: String?
    /// Partner organisations joined with ", ".
    public var partners: String?
    public var role: String?
    public var format: String?
    public var status: String
    public var daysInPeriod: Int
    /// True for internal activities, which are counted unless the report is public.
    public var isInternal: Bool
    public var isTentative: Bool
}

/// The highlights of one month.
public struct HighlightMonth: Sendable {
    /// "October 2023".
    public var month: String
    public var items: [Highlight]
}

/// The first sentence of an activity's summary.
public struct Highlight: Sendable {
    public var dates: String
    public var title: String
    public var sentence: String
}

/// Progress towards a target of almanac.yml's `indicators`.
public struct IndicatorRow: Sendable {
    public var name: String
    public var target: Int
    /// `year`, `quarter` or `month`.
    public var per: String
    /// The year (or quarter, month) the target is for, ending on or after the report's last
    /// day: `2023`, `FY2024`, `2023-Q4`.
    public var span: String
    public var spanDates: String
    public var thisPeriod: Int
    /// From the first day of `span` through the report's last day.
    public var toDate: Int
    /// "88%", rounded down.
    public var percent: String
    /// The progress as a number from 0 to 100, for a bar.
    public var barPercent: Int
}

/// The chart's file, relative to the report, and a text alternative.
public struct ChartReference: Sendable {
    public var path: String
    public var description: String
}

/// A record that needs completing.
public struct DataIssue: Sendable {
    public var title: String
    /// The record's file, relative to the project.
    public var file: String
    /// "no place", "no category", "no partner organisation", "draft without a date".
    public var problems: String
}
