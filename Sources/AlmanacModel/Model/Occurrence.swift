package import ICal

/// One occurrence of an activity: the record itself, or one date of a repeating series.
public struct Occurrence: Hashable, Sendable {
    public var record: EventRecord
    public var timing: EventTiming

    package init(record: EventRecord, timing: EventTiming) {
        self.record = record
        self.timing = timing
    }

    public var firstDay: LocalDate { timing.firstDay }
    public var lastDay: LocalDate { timing.lastDay }

    /// How many of its days fall inside `period` (0 when it lies outside).
    public func days(in period: ReportPeriod) -> Int { days(from: period.start, through: period.end) }

    /// How many of its days fall between `first` and `last`, both inclusive.
    public func days(from first: LocalDate, through last: LocalDate) -> Int {
        timing.days(from: first, through: last)
    }

    /// Whether any of its days falls inside `period`: an activity that straddles the
    /// period's edge belongs to every period it touches.
    public func touches(_ period: ReportPeriod) -> Bool { days(in: period) > 0 }
}

extension EventRecord {
    /// The occurrences that touch `period`, in date order: a repeating series is expanded
    /// with libical and its `except` dates left out; every occurrence lasts as long as the
    /// first. A record without a date has none.
    public func occurrences(touching period: ReportPeriod) -> [Occurrence] {
        expansion(touching: period).occurrences
    }

    /// ``occurrences(touching:)``, and whether the series was cut at ``occurrenceLimit``
    /// occurrences (counted from its first) before it reached the end of `period`, so that
    /// later ones are missing.
    public func expansion(touching period: ReportPeriod) -> (occurrences: [Occurrence], isCut: Bool) {
        guard let timing else { return ([], false) }
        guard let rule = repeatRule else {
            let single = Occurrence(record: self, timing: timing)
            return (single.touches(period) ? [single] : [], false)
        }
        // A series' last start that can still touch the period is its last day.
        let starts = Self.starts(of: rule, from: timing, through: period.end.adding(days: 1))
        let isCut = starts.count > Self.occurrenceLimit
        return (occurrences(starting: isCut ? starts.dropLast() : starts[...], timing: timing, touching: period), isCut)
    }

    /// ``expansion(touching:)`` of each of `periods`, a series expanded with libical once, through
    /// the last of their ends: a report asks a record about a dozen periods.
    package func expansions(touching periods: [ReportPeriod]) -> [(occurrences: [Occurrence], isCut: Bool)] {
        guard let timing, let rule = repeatRule, let end = periods.map(\.end).max() else {
            return periods.map(expansion(touching:))
        }
        let starts = Self.starts(of: rule, from: timing, through: end.adding(days: 1))
        // The starts through a period's end (and the day after) are the first of these: those
        // after it do not touch the period, so only whether the series is cut before the
        // period's end depends on where they stop: on the day of the start past the limit.
        let limited = starts.prefix(Self.occurrenceLimit)
        return periods.map { period in
            guard starts.count > Self.occurrenceLimit, let extra = starts.last else {
                return (occurrences(starting: limited, timing: timing, touching: period), false)
            }
            let through = period.end.adding(days: 1)
            let day = (extra.year, extra.month, extra.day)
            // On the day after the period's end, libical's comparison of times decides.
            if day == (through.year, through.month, through.day) { return expansion(touching: period) }
            return (
                occurrences(starting: limited, timing: timing, touching: period),
                day < (through.year, through.month, through.day)
            )
        }
    }

    /// The starts of the series of `rule` from `timing` through the day `through`, one more
    /// than ``occurrenceLimit`` at most.
    private static func starts(of rule: ICalRecurrence, from timing: EventTiming, through: LocalDate) -> [ICalTime] {
        rule.occurrences(
            startingAt: timing.startTime, through: ICalTime(year: through.year, month: through.month, day: through.day),
            limit: Self.occurrenceLimit + 1)
    }

    /// The occurrences of a series at `starts` that touch `period`, its `except` dates left out.
    private func occurrences(starting starts: ArraySlice<ICalTime>, timing: EventTiming, touching period: ReportPeriod)
        -> [Occurrence]
    {
        let length = timing.lastDay.dayNumber - timing.firstDay.dayNumber
        let excluded = Set(exceptions.map(\.startTime))
        return starts.compactMap { start -> Occurrence? in
            guard !excluded.contains(start), let day = LocalDate(year: start.year, month: start.month, day: start.day),
                day.adding(days: length) >= period.start
            else { return nil }
            let occurrence = Occurrence(
                record: self, timing: timing.shifted(by: day.dayNumber - timing.firstDay.dayNumber))
            return occurrence.touches(period) ? occurrence : nil
        }
    }

    /// More occurrences than any report needs; it bounds the work for endless rules (the
    /// report's data-quality list names "100,000").
    static let occurrenceLimit = 100_000
}

extension EventTiming {
    /// The start as libical sees it: a DATE for whole days, a local DATE-TIME otherwise.
    package var startTime: ICalTime {
        switch self {
        case .allDay(let start, _): return start.icalDate
        case .timed(let start, _): return start.icalTime
        }
    }
}

extension EventRecord {
    /// The last day the activity, or its whole series, touches; nil without a date or for a
    /// series without end.
    public var finalDay: LocalDate? {
        guard let timing else { return nil }
        guard let rule = repeatRule else { return timing.lastDay }
        guard let last = rule.lastOccurrence(startingAt: timing.startTime),
            let day = LocalDate(year: last.year, month: last.month, day: last.day)
        else { return nil }
        return day.adding(days: timing.lastDay.dayNumber - timing.firstDay.dayNumber)
    }
}

extension Occurrence {
    /// Date order: first day, then start time, then title and id, so ties never depend on
    /// file order.
    package static func chronologically(_ lhs: Occurrence, _ rhs: Occurrence) -> Bool {
        (lhs.firstDay, lhs.startMinute, lhs.record.title, lhs.record.id) < (
            rhs.firstDay, rhs.startMinute, rhs.record.title, rhs.record.id
        )
    }

    /// The minute a timed occurrence starts at; -1 for whole days, which come first.
    package var startMinute: Int {
        if case .timed(let start, _) = timing { return start.minuteOfDay }
        return -1
    }
}
