import AlmanacModel
import AlmanacReports

/// An agenda as people read it in a terminal: grouped by month, days and times in aligned
/// columns, cancelled activities struck through (or marked "(cancelled)" where styles are
/// off), drafts, tentative and internal activities flagged.
struct AgendaText {
    let agenda: Agenda
    /// Where it is printed, which decides whether styles are used.
    var stream: StandardStream = .output

    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// The lines to print, without line ends.
    var lines: [String] {
        let entries: [(record: EventRecord, timing: EventTiming?)] =
            agenda.occurrences.map { ($0.record, $0.timing) } + agenda.undated.map { ($0, nil) }
        let rows = entries.map { entry in (entry, day(entry.timing), time(entry.timing)) }
        let dayWidth = rows.map(\.1.count).max() ?? 0
        let timeWidth = rows.map(\.2.count).max() ?? 0
        var lines: [String] = []
        var heading: String?
        for (entry, day, time) in rows {
            let group = entry.timing.map { HumanDates.monthAndYear($0.firstDay) } ?? "No date yet"
            if group != heading {
                if heading != nil { lines.append("") }
                lines.append(TextStyle.bold.apply(group, on: stream))
                heading = group
            }
            var columns = [day.padding(toLength: dayWidth, withPad: " ", startingAt: 0)]
            if timeWidth > 0 { columns.append(time.padding(toLength: timeWidth, withPad: " ", startingAt: 0)) }
            columns.append(description(of: entry.record))
            lines.append("  " + columns.joined(separator: "  "))
        }
        return lines
    }

    /// `Tue  5`, `Mon 16 – Tue 17`, `Tue 31 – Thu  2 Nov`; empty without a date.
    private func day(_ timing: EventTiming?) -> String {
        guard let timing else { return "" }
        let (first, last) = (timing.firstDay, timing.lastDay)
        var text = dayOfMonth(first)
        if last != first {
            text += " – " + dayOfMonth(last)
            if last.month != first.month { text += " " + HumanDates.month(last.month) }
        }
        return text
    }

    private func dayOfMonth(_ date: LocalDate) -> String {
        Self.weekdayNames[date.weekday - 1] + (date.day < 10 ? "  " : " ") + String(date.day)
    }

    /// `10:00–12:00`, `10:00`, or empty for whole days.
    private func time(_ timing: EventTiming?) -> String {
        guard case .timed(let start, let end)? = timing else { return "" }
        return start.timeText + (end.map { "–" + $0.timeText } ?? "")
    }

    /// The title with its flags, then where and what: `Board meeting [draft] · Sarajevo · board-meeting`.
    private func description(of record: EventRecord) -> String {
        var text = record.title
        switch record.status {
        case .cancelled:
            text = stream.allowsStyles ? TextStyle.strikethrough.apply(text, on: stream) : text + " (cancelled)"
        case .tentative:
            text += " (tentative)"
        case .draft:
            text += " " + TextStyle.yellow.apply("[draft]", on: stream)
        case .confirmed:
            break
        }
        if record.visibility == .internal { text += " " + TextStyle.dim.apply("[internal]", on: stream) }
        let details = [record.place?.city ?? record.place?.text, record.category].compactMap { $0 }
        if !details.isEmpty { text += TextStyle.dim.apply(" · " + details.joined(separator: " · "), on: stream) }
        return text
    }
}
