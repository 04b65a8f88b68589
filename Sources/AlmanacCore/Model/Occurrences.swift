import ICal

extension EventRecord {
    /// When the activity happens up to `last`: its timing, or for a series each occurrence
    /// (its exceptions left out) with the length of the first. Empty for an undated draft.
    public func occurrences(through last: LocalDate, limit: Int = 10_000) -> [EventTiming] {
        guard let timing else { return [] }
        guard let rule = repeatRule, let recurrence = ICalRecurrence(rule) else { return [timing] }
        let excluded = Set(exceptions.map(\.startKey))
        switch timing {
        case let .allDay(first, end):
            let length = end.dayNumber - first.dayNumber
            return recurrence.occurrences(startingAt: first.icalDate, through: last.icalDate, limit: limit)
                .map { EventTiming.allDay(start: $0.localDate, end: $0.localDate.adding(days: length)) }
                .filter { !excluded.contains($0.startKey) }
        case let .timed(first, end):
            let through = LocalDateTime(date: last, hour: 23, minute: 59).icalTime
            return recurrence.occurrences(startingAt: first.icalTime, through: through, limit: limit).map { time in
                let start = LocalDateTime(date: time.localDate, hour: time.hour, minute: time.minute)
                return EventTiming.timed(start: start, end: end.map { start.adding(minutes: $0.minutes(since: first)) })
            }
            .filter { !excluded.contains($0.startKey) }
        }
    }
}

extension EventTiming {
    /// The start as a number that tells occurrences apart: the minute for timed activities.
    var startKey: Int {
        switch self {
        case let .allDay(start, _): return start.dayNumber * 1440
        case let .timed(start, _): return start.date.dayNumber * 1440 + start.minuteOfDay
        }
    }
}

extension LocalDateTime {
    /// Minutes from `other` to this time.
    func minutes(since other: LocalDateTime) -> Int {
        (date.dayNumber - other.date.dayNumber) * 1440 + minuteOfDay - other.minuteOfDay
    }

    func adding(minutes: Int) -> LocalDateTime {
        let total = date.dayNumber * 1440 + minuteOfDay + minutes
        let day = total >= 0 ? total / 1440 : (total - 1439) / 1440
        let minute = total - day * 1440
        return LocalDateTime(date: LocalDate(dayNumber: day), hour: minute / 60, minute: minute % 60)
    }
}
