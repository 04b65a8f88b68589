import CLibical

/// A recurrence rule (RRULE value) that libical accepted.
public struct ICalRecurrence: Hashable, Sendable, CustomStringConvertible {
    /// The rule as libical writes it (libical may reorder the parts).
    public let description: String

    /// Parses an RRULE value such as `FREQ=WEEKLY;COUNT=4`; nil when libical rejects it.
    public init?(_ rule: String) {
        ICalLibrary.prepare()
        var raw = icalrecurrencetype_from_string(rule)
        defer { free(raw.rscale) }
        guard raw.freq != ICAL_NO_RECURRENCE else { return nil }
        guard let text = takeString(icalrecurrencetype_as_string_r(&raw)) else { return nil }
        description = text
    }

    func withRaw<T: ~Copyable>(_ body: (icalrecurrencetype) -> T) -> T {
        let raw = icalrecurrencetype_from_string(description)
        defer { free(raw.rscale) }
        return body(raw)
    }

    /// The occurrences of a series that starts at `start`, up to and including `last`,
    /// at most `limit` of them. `start` is always the first occurrence.
    public func occurrences(startingAt start: ICalTime, through last: ICalTime, limit: Int = 10_000) -> [ICalTime] {
        withRaw { raw in
            guard let iterator = icalrecur_iterator_new(raw, start.raw) else { return [] }
            defer { icalrecur_iterator_free(iterator) }
            var result: [ICalTime] = []
            let end = last.raw
            while result.count < limit {
                let next = icalrecur_iterator_next(iterator)
                if icaltime_is_null_time(next) != 0 || icaltime_compare(next, end) > 0 { break }
                result.append(ICalTime(next))
            }
            return result
        }
    }

    /// The last occurrence of a series that ends (COUNT or UNTIL) within `limit` occurrences
    /// and a hundred years; nil for a series without end.
    public func lastOccurrence(startingAt start: ICalTime, limit: Int = 5_000) -> ICalTime? {
        let horizon = ICalTime(year: start.year + 100, month: 12, day: 31)
        let all = occurrences(startingAt: start, through: horizon, limit: limit)
        return all.count < limit ? all.last : nil
    }
}
