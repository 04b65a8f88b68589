import AlmanacModel

/// Dates as a board reads them: "7 Dec 2023", "5–6 Sep 2023", "30 Nov – 1 Dec 2023",
/// "31 Dec 2023 – 1 Jan 2024".
public enum HumanDates {
    package static func span(_ first: LocalDate, _ last: LocalDate) -> String {
        let (y1, m1, d1) = first.components
        let (y2, m2, d2) = last.components
        if first == last { return "\(d1) \(month(m1)) \(y1)" }
        if y1 == y2 && m1 == m2 { return "\(d1)–\(d2) \(month(m1)) \(y1)" }
        if y1 == y2 { return "\(d1) \(month(m1)) – \(d2) \(month(m2)) \(y1)" }
        return "\(d1) \(month(m1)) \(y1) – \(d2) \(month(m2)) \(y2)"
    }

    /// "10:00–16:00" for a timed activity, "10:00" without an end, nil for whole days.
    package static func times(_ timing: EventTiming) -> String? {
        guard case .timed(let start, let end) = timing else { return nil }
        guard let end else { return start.timeText }
        return "\(start.timeText)–\(end.timeText)"
    }

    /// "Sep".
    public static func month(_ month: Int) -> String { String(LocalDate.monthNames[month - 1].prefix(3)) }

    /// "September 2023".
    public static func monthAndYear(_ day: LocalDate) -> String { "\(LocalDate.monthNames[day.month - 1]) \(day.year)" }
}
