/// The activities of a span of days that match a filter, as `almanac list` shows them: one
/// entry per occurrence, in date order, and undated drafts last.
public struct Agenda: Sendable {
    /// One occurrence of an activity.
    public struct Entry: Sendable {
        public let record: EventRecord
        /// When this occurrence happens; nil for a draft without a date.
        public let timing: EventTiming?
    }

    public let entries: [Entry]

    /// Selects from `records` the occurrences that touch `from`…`through` (each bound
    /// optional) and match `filter`. Series without an end are listed up to `through`, or
    /// without it up to `horizon` (or their first occurrence, when later). Undated drafts are listed only when there
    /// are no bounds.
    public init(records: [EventRecord], from: LocalDate?, through: LocalDate?, filter: FeedFilter, horizon: LocalDate) {
        var dated: [Entry] = []
        var undated: [Entry] = []
        for record in records where filter.matches(record) {
            guard record.timing != nil else {
                if from == nil, through == nil { undated.append(Entry(record: record, timing: nil)) }
                continue
            }
            for timing in record.occurrences(through: through ?? max(horizon, record.timing?.firstDay ?? horizon))
            where from.map({ timing.lastDay >= $0 }) ?? true && through.map({ timing.firstDay <= $0 }) ?? true {
                dated.append(Entry(record: record, timing: timing))
            }
        }
        dated.sort { lhs, rhs in
            let (l, r) = (lhs.timing?.startKey ?? 0, rhs.timing?.startKey ?? 0)
            return (l, lhs.record.title, lhs.record.id) < (r, rhs.record.title, rhs.record.id)
        }
        undated.sort { ($0.record.title, $0.record.id) < ($1.record.title, $1.record.id) }
        entries = dated + undated
    }
}
