/// The activities of a period, or of the whole log, as `almanac list` and `export csv` show
/// them: every occurrence in date order and, for the whole log, the drafts without a date.
public struct Agenda: Sendable {
    /// The occurrences that touch the period, in date order.
    public let occurrences: [Occurrence]
    /// Records without a date, in file order; listed only for the whole log.
    public let undated: [EventRecord]
    /// Series cut at ``EventRecord/occurrenceLimit`` occurrences before the period's end,
    /// in file order: their later occurrences are missing.
    public let cutSeries: [EventRecord]

    /// The agenda of `records` over `period`, or over the whole log when it is nil.
    public init(records: [EventRecord], period: ReportPeriod?) {
        var occurrences: [Occurrence] = []
        var cutSeries: [EventRecord] = []
        if let span = period ?? Self.span(of: records) {
            for record in records {
                let expansion = record.expansion(touching: span)
                occurrences += expansion.occurrences
                if expansion.isCut { cutSeries.append(record) }
            }
        }
        self.occurrences = occurrences.sorted(by: Occurrence.chronologically)
        self.cutSeries = cutSeries
        undated = period == nil ? records.filter { $0.timing == nil } : []
    }

    /// The span of the whole log: from the first day of any activity to the last day of any
    /// activity or finite series (a series without end is expanded that far too).
    public static func span(of records: [EventRecord]) -> ReportPeriod? {
        let dated = records.filter { $0.timing != nil }
        guard let first = dated.compactMap(\.timing?.firstDay).min() else { return nil }
        let last = dated.compactMap { $0.finalDay ?? $0.timing?.lastDay }.max() ?? first
        return ReportPeriod(rangeFrom: first, to: max(first, last))
    }

    /// What is still to come from `today` on: to the end of `period`, or without a period
    /// to the log's last day or a year from today, whichever is later (so that series
    /// without end show a year ahead). Nil when `period` is over before `today`.
    public static func upcoming(from today: LocalDate, within period: ReportPeriod?, of records: [EventRecord])
        -> ReportPeriod?
    {
        if let period {
            return period.end < today ? nil : ReportPeriod(rangeFrom: max(period.start, today), to: period.end)
        }
        return ReportPeriod(rangeFrom: today, to: max(span(of: records)?.end ?? today, today.adding(days: 365)))
    }
}
