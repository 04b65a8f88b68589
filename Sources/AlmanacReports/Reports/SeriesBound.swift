import AlmanacModel

/// A bound on the last start of a series, read from its rule as libical writes it
/// (``ICalRecurrence/description``), without libical: a report asks every record of a log
/// about a dozen periods, and a series that ended years before them needs no expansion.
enum SeriesBound {
    /// The day (``LocalDate/dayNumber``) no start of the series of `rule` that starts on day
    /// `first` comes after, when the rule tells it plainly and the series has at most
    /// ``EventRecord/occurrenceLimit`` starts through it: a daily or weekly rule without BY
    /// parts, with a COUNT of at most the limit, or an UNTIL (a day of margin, for a time in
    /// UTC) less than the limit's days after `first`. Nil for any other rule.
    static func lastStart(of rule: String, from first: Int) -> Int? {
        var step: Int?
        var interval = 1
        var count: Int?
        var until: Int?
        for part in rule.split(separator: ";") {
            guard let equals = part.firstIndex(of: "=") else { return nil }
            let value = part[part.index(after: equals)...]
            switch part[..<equals] {
            case "FREQ":
                switch value {
                case "DAILY": step = 1
                case "WEEKLY": step = 7
                default: return nil
                }
            case "INTERVAL":
                guard let number = Int(value), number >= 1 else { return nil }
                interval = number
            case "COUNT":
                guard let number = Int(value), number >= 1, number <= limit else { return nil }
                count = number
            case "UNTIL":
                let digits = value.utf8.prefix(8).map { Int($0) - 48 }
                guard digits.count == 8, digits.allSatisfy({ (0...9).contains($0) }),
                    let day = LocalDate(
                        year: digits[0...3].reduce(0) { $0 * 10 + $1 }, month: digits[4] * 10 + digits[5],
                        day: digits[6] * 10 + digits[7])
                else { return nil }
                until = day.dayNumber + 1
            case "WKST": continue
            default: return nil
            }
        }
        guard let step else { return nil }
        let byCount = count.map { first + ($0 - 1) * step * interval }
        let byUntil = until.flatMap { $0 - first < limit ? $0 : nil }
        // The series' own start is always its first, even after an UNTIL.
        switch (byCount, byUntil) {
        case (let count?, let until?): return max(first, min(count, until))
        case (let count?, nil): return count
        case (nil, let until?): return max(first, until)
        case (nil, nil): return nil
        }
    }

    /// ``EventRecord/occurrenceLimit``.
    private static let limit = 100_000
}
