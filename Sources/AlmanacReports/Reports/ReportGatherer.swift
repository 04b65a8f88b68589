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
    private(set) var earlierCountries = DistinctNames()
    /// Each country as reports print it, by its name in the records.
    private var designations: [String: String] = [:]

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
    }

    /// Takes in the next records of the project, in file order.
    public mutating func add(_ records: [EventRecord]) {
        // By index: iterating would copy every record, a retain per field. (The compiler
        // still copies each record twice on the way to add(_:); designation itself no longer
        // copies.)
        for index in records.indices {
            if let changed = designated(records[index]) { add(changed) } else { add(records[index]) }
        }
    }

    /// Takes in one record, its countries as reports print them.
    private mutating func add(_ record: EventRecord) {
        let listed = !(publicOnly && record.visibility == .internal)
        if listed && record.status != .draft, let first = record.timing?.firstDay {
            logStart = min(logStart ?? first, first)
        }
        guard record.status != .draft else {
            if listed && (record.timing == nil || !Self.occurrences(of: record, touching: period).isEmpty) {
                kept.append(record)
            }
            return
        }
        if record.timing == nil { return }
        let counted = listed && record.status != .cancelled
        // A series is expanded once over every period asked about (``periods``).
        let expansions =
            record.repeatRule == nil ? nil : record.expansions(touching: counted ? periods : [period, periods[1]])
        func occurrences(_ position: Int) -> [Occurrence] {
            expansions?[position].occurrences ?? Self.occurrences(of: record, touching: periods[position])
        }
        // A single activity outside the period has no occurrence in it and is not cut.
        let expansion =
            expansions?[0]
            ?? (Self.isOutside(record, period)
                ? (occurrences: [], isCut: false) : record.expansion(touching: period))
        if !expansion.occurrences.isEmpty || expansion.isCut || !occurrences(1).isEmpty {
            kept.append(record)
        }
        guard counted else { return }
        if let first = record.timing?.firstDay, first < period.start {
            for organisation in record.organisations { earlierPartners.insert(organisation) }
            earlierCountries.insert(record.place?.country)
        }
        for occurrence in occurrences(2) { previous.add(occurrence, in: periods[2]) }
        for occurrence in occurrences(3) { lastYear.add(occurrence, in: periods[3]) }
        // By index: each quarter is read only for an occurrence in it, not copied for every record.
        for position in quarters.indices {
            for occurrence in occurrences(4 + position) {
                trend[position].activities += 1
                trend[position].days += occurrence.days(in: quarters[position])
            }
        }
        for (position, indicator) in config.indicators.enumerated() where indicator.filter.matches(record) {
            indicatorsToDate[position] += occurrences(4 + quarters.count + position).count
        }
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
    /// Nil when the record's place is printed as written, as most are: the record is then not
    /// copied.
    private mutating func designated(_ record: EventRecord) -> EventRecord? {
        guard let place = record.place, place.country != nil || place.text != nil else { return nil }
        var country = place.country
        if let name = place.country {
            if let known = designations[name] {
                country = known
            } else {
                country = Footnote.designated(name, by: config.footnotes)
                designations[name] = country
            }
        }
        let text = place.text.map { Footnote.designated(text: $0, by: config.footnotes) }
        guard country != place.country || text != place.text else { return nil }
        var record = record
        record.place?.country = country
        record.place?.text = text
        return record
    }
}
