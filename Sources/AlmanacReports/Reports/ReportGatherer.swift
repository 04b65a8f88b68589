import AlmanacModel
import AlmanacRecords

/// What a report needs of a project's records, gathered a batch at a time (from a
/// ``RecordStream``), so that a log of a million activities is reported on holding the
/// records of the period and compact figures of the rest: the records of the period and of
/// the next one in full (``kept``); of every record, the figures of the previous period and
/// of the same period a year earlier, the trend's quarters, the indicators' counts to date,
/// the partners and countries met before the period and the log's first day. The figures
/// follow the counting rules of ``ActivitySet``, record by record, so they do not depend on
/// how the records are split into batches.
public struct ReportGatherer: Sendable {
    public let config: ProjectConfig
    public let period: ReportPeriod
    public let publicOnly: Bool

    /// The records the report lists, in file order, each country named as reports print it
    /// (``designated(_:)``): counted or cancelled ones with an occurrence in the period or the
    /// next one, series cut before the period's end, and the drafts of the period or without
    /// a date.
    public private(set) var kept: [EventRecord] = []
    /// The first day of the first activity in the log (drafts aside); nil for an empty log.
    private(set) var logStart: LocalDate?
    /// The figures of the previous period and of the same period a year earlier.
    private(set) var previous = Figures()
    private(set) var lastYear = Figures()
    /// The trend's candidate quarters, the one holding the period's last day first, then the
    /// seven before it; and their activities and days.
    let quarters: [ReportPeriod]
    private(set) var trend: [TrendRow]
    /// For each of almanac.yml's indicators, the counted activities it matches from the start
    /// of its year (quarter, month) through the period's last day.
    private let indicatorSpans: [ReportPeriod]
    private(set) var indicatorsToDate: [Int]
    /// Every period a record is asked about: the period, the next one, the previous one, the
    /// same period a year earlier, the trend's quarters and the indicators' spans.
    private let periods: [ReportPeriod]
    /// Partners and countries of counted activities that started before the period.
    private(set) var earlierPartners = DistinctNames()
    /// The countries of counted activities that started before the period, as printed.
    var earlierCountries: DistinctNames {
        var countries = DistinctNames()
        for name in earlierCountryNames.names {
            countries.insert(designations[name] ?? Footnote.designated(name, by: config.footnotes))
        }
        return countries
    }
    /// Those countries as the records name them, in the order met.
    private var earlierCountryNames = GivenNames()
    /// Each country as reports print it, by its name in the records.
    private var designations: [String: String] = [:]
    /// The first and last day (``LocalDate/dayNumber``) of each of ``periods``.
    private let periodDays: [(start: Int, end: Int)]
    /// The first day of the earliest of ``periods`` and the last day of the latest; and of
    /// the period and the next one, the periods asked about a record that is not counted.
    private let periodSpan: (start: Int, end: Int)
    private let periodSpanListed: (start: Int, end: Int)

    public init(config: ProjectConfig, period: ReportPeriod, publicOnly: Bool) {
        self.config = config
        self.period = period
        self.publicOnly = publicOnly
        var quarters = [
            ReportPeriod.enclosing(period.end, span: .quarter, fiscalYearStartMonth: config.fiscalYearStartMonth)
        ]
        while quarters.count < 8, let last = quarters.last { quarters.append(last.previous()) }
        self.quarters = quarters
        trend = quarters.map { TrendRow(name: $0.name, activities: 0, days: 0) }
        indicatorSpans = config.indicators.map { indicator in
            let span = ReportPeriod.enclosing(
                period.end, span: indicator.per, fiscalYearStartMonth: config.fiscalYearStartMonth)
            return ReportPeriod(rangeFrom: span.start, to: period.end)
        }
        indicatorsToDate = config.indicators.map { _ in 0 }
        periods = [period, period.next(), period.previous(), period.sameLastYear()] + quarters + indicatorSpans
        periodDays = periods.map { ($0.start.dayNumber, $0.end.dayNumber) }
        func span(_ days: ArraySlice<(start: Int, end: Int)>) -> (start: Int, end: Int) {
            (days.map(\.start).min() ?? 0, days.map(\.end).max() ?? 0)
        }
        periodSpan = span(periodDays[...])
        periodSpanListed = span(periodDays[..<2])
    }

    /// Takes in the next records of the project, in file order.
    public mutating func add(_ records: [EventRecord]) {
        // Most records are single activities that the report only counts in the trend and
        // among the earlier partners and countries: their fields are read in place, and a
        // record is copied (its country as reports print it) only when it is kept or counted
        // in another figure. (Handing each record to a function copied it twice.)
        for index in records.indices {
            let listed = !(publicOnly && records[index].visibility == .internal)
            guard let timing = records[index].timing, records[index].status != .draft,
                records[index].repeatRule == nil
            else {
                add(designated(records[index]), listed: listed)
                continue
            }
            let first = timing.firstDay.dayNumber
            let last = timing.lastDay.dayNumber
            // ``EventTiming/days(from:through:)`` in day numbers.
            func days(_ position: Int) -> Int {
                max(0, min(last, periodDays[position].end) - max(first, periodDays[position].start) + 1)
            }
            if listed { logStart = min(logStart ?? timing.firstDay, timing.firstDay) }
            let isKept = days(0) > 0 || days(1) > 0
            let counted = listed && records[index].status != .cancelled
            guard counted else {
                if isKept { kept.append(designated(records[index])) }
                continue
            }
            if first < periodDays[0].start {
                for organisation in records[index].organisations { earlierPartners.insert(organisation) }
                earlierCountryNames.insert(records[index].place?.country)
            }
            for position in quarters.indices {
                let quarterDays = days(4 + position)
                if quarterDays > 0 {
                    trend[position].activities += 1
                    trend[position].days += quarterDays
                }
            }
            let previousDays = days(2)
            let lastYearDays = days(3)
            let spans = (4 + quarters.count)..<periodDays.count
            guard isKept || previousDays > 0 || lastYearDays > 0 || spans.contains(where: { days($0) > 0 }) else {
                continue
            }
            let record = designated(records[index])
            if isKept { kept.append(record) }
            if previousDays > 0 { previous.add(record, days: previousDays) }
            if lastYearDays > 0 { lastYear.add(record, days: lastYearDays) }
            for position in config.indicators.indices where days(spans.lowerBound + position) > 0 {
                if config.indicators[position].filter.matches(record) { indicatorsToDate[position] += 1 }
            }
        }
    }

    /// ``add(_:)`` of a record without a date, a draft or a series, its countries as reports
    /// print them.
    private mutating func add(_ record: EventRecord, listed: Bool) {
        guard let timing = record.timing else {
            // Drafts without a date are listed; other records without one count nowhere.
            if listed && record.status == .draft { kept.append(record) }
            return
        }
        guard record.status != .draft else {
            if listed && !Self.occurrences(of: record, touching: period).isEmpty { kept.append(record) }
            return
        }
        if listed { logStart = min(logStart ?? timing.firstDay, timing.firstDay) }
        addSeries(record, counted: listed && record.status != .cancelled)
    }

    /// ``add(_:)`` of a series that is not a draft.
    private mutating func addSeries(_ record: EventRecord, counted: Bool) {
        // A series is expanded once over every period asked about (``periods``), unless it
        // certainly has no occurrence in any of them.
        let asked = counted ? periods : [period, periods[1]]
        let expansions =
            Self.missesAll(record, counted ? periodSpan : periodSpanListed)
            ? asked.map { _ in (occurrences: [Occurrence](), isCut: false) } : record.expansions(touching: asked)
        if !expansions[0].occurrences.isEmpty || expansions[0].isCut || !expansions[1].occurrences.isEmpty {
            kept.append(record)
        }
        guard counted else { return }
        if let first = record.timing?.firstDay, first < period.start {
            for organisation in record.organisations { earlierPartners.insert(organisation) }
            earlierCountryNames.insert(record.place?.country)
        }
        for occurrence in expansions[2].occurrences { previous.add(occurrence, in: periods[2]) }
        for occurrence in expansions[3].occurrences { lastYear.add(occurrence, in: periods[3]) }
        // By index: each quarter is read only for an occurrence in it, not copied for every record.
        for position in quarters.indices {
            for occurrence in expansions[4 + position].occurrences {
                trend[position].activities += 1
                trend[position].days += occurrence.days(in: quarters[position])
            }
        }
        for (position, indicator) in config.indicators.enumerated() where indicator.filter.matches(record) {
            indicatorsToDate[position] += expansions[4 + quarters.count + position].occurrences.count
        }
    }

    /// Whether the series of `record` certainly has no occurrence that touches the days
    /// `span` (the first day of the earliest period asked about through the last day of the
    /// latest) and is not cut at ``EventRecord/occurrenceLimit`` before them: it starts after
    /// them, or its rule (``SeriesBound``) ends before them in fewer starts than the limit.
    /// Then libical need not expand it.
    private static func missesAll(_ record: EventRecord, _ span: (start: Int, end: Int)) -> Bool {
        guard let timing = record.timing, let rule = record.repeatRule else { return false }
        let first = timing.firstDay.dayNumber
        if first > span.end { return true }
        guard let lastStart = SeriesBound.lastStart(of: rule.description, from: first) else { return false }
        return lastStart + (timing.lastDay.dayNumber - first) < span.start
    }

    /// ``EventRecord/occurrences(touching:)``, without making an occurrence of a single
    /// activity outside `period` first.
    private static func occurrences(of record: EventRecord, touching period: ReportPeriod) -> [Occurrence] {
        isOutside(record, period) ? [] : record.occurrences(touching: period)
    }

    /// Whether `record` is a single activity that does not touch `period` (``Occurrence/touches(_:)``).
    private static func isOutside(_ record: EventRecord, _ period: ReportPeriod) -> Bool {
        guard record.repeatRule == nil, let timing = record.timing else { return false }
        return timing.days(from: period.start, through: period.end) == 0
    }

    /// `record` with its country as reports print it: with the mark of the footnote about it
    /// ("Kosovo*"), also in a place written as one line, so that every table, list, map and
    /// file of the report names it the same way and the footnote's mark refers to it.
    private mutating func designated(_ record: EventRecord) -> EventRecord {
        // The two fields, not the place: copying a place retains each of its texts.
        let name = record.place?.country
        let text = record.place?.text
        guard name != nil || text != nil else { return record }
        let country = name.map { designated($0) }
        let designatedText = text.map { Footnote.designated(text: $0, by: config.footnotes) }
        guard country != name || designatedText != text else { return record }
        var record = record
        record.place?.country = country
        record.place?.text = designatedText
        return record
    }

    /// The country `name` as reports print it (``Footnote/designated(_:by:)``).
    private mutating func designated(_ name: String) -> String {
        if let known = designations[name] { return known }
        let designated = Footnote.designated(name, by: config.footnotes)
        designations[name] = designated
        return designated
    }
}

/// Names met in order, each once as given: ``ReportGatherer`` notes the countries of earlier
/// activities as the records name them, and prints each distinct one once at the end.
struct GivenNames {
    private(set) var names: [String] = []
    private var seen: Set<String> = []

    mutating func insert(_ name: String?) {
        guard let name, seen.insert(name).inserted else { return }
        names.append(name)
    }
}
