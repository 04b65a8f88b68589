import AlmanacModel

/// A small chart of activities and days of activity per quarter, for the first page of the
/// HTML report, styled by the page (its classes follow the page into dark mode and print).
struct TrendChart {
    var rows: [TrendRow]

    private static let slot = 50, plotTop = 30, plotHeight = 110, left = 4

    func svg() -> String {
        let highest = max(1, rows.map { max($0.activities, $0.days) }.max() ?? 0)
        // Room for four quarters at least, so bars keep a sensible size when the log is young.
        let width = Self.left * 2 + max(4, rows.count) * Self.slot
        let height = Self.plotTop + Self.plotHeight + 32
        func barHeight(_ value: Int) -> Int { value * Self.plotHeight / highest }
        let base = Self.plotTop + Self.plotHeight
        var lines = [
            """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" role="img" \
            aria-labelledby="trend-title trend-desc">
            """,
            "<title id=\"trend-title\">Activities and days of activity per quarter</title>",
            "<desc id=\"trend-desc\">\(SVGText.escaped(description))</desc>",
            "<rect class=\"trend-activities\" x=\"\(Self.left)\" y=\"6\" width=\"10\" height=\"10\"/>",
            "<text class=\"trend-text\" x=\"\(Self.left + 14)\" y=\"15\">activities</text>",
            "<rect class=\"trend-days\" x=\"\(Self.left + 84)\" y=\"6\" width=\"10\" height=\"10\"/>",
            "<text class=\"trend-text\" x=\"\(Self.left + 98)\" y=\"15\">days of activity</text>",
            """
            <line class="trend-axis" x1="\(Self.left)" y1="\(base)" \
            x2="\(Self.left + rows.count * Self.slot)" y2="\(base)"/>
            """,
        ]
        for (index, row) in rows.enumerated() {
            let x = Self.left + index * Self.slot + 6
            for (offset, value, kind) in [(0, row.activities, "activities"), (21, row.days, "days")] {
                let height = barHeight(value)
                lines.append(
                    """
                    <rect class="trend-\(kind)" x="\(x + offset)" y="\(base - height)" width="20" height="\(height)"/>
                    """
                )
                lines.append(
                    """
                    <text class="trend-text" x="\(x + offset + 10)" y="\(base - height - 3)" text-anchor="middle">\
                    \(value)</text>
                    """
                )
            }
            let words = row.name.split(separator: " ", maxSplits: 1).map(String.init)
            for (line, word) in words.enumerated() {
                lines.append(
                    """
                    <text class="trend-text\(index == rows.count - 1 ? " trend-current" : "")" x="\(x + 20)" \
                    y="\(base + 14 + line * 13)" text-anchor="middle">\(SVGText.escaped(word))</text>
                    """
                )
            }
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    /// "Q1 2023: 2 activities, 3 days; …".
    var description: String {
        rows.map {
            """
            \($0.name): \($0.activities) \($0.activities == 1 ? "activity" : "activities"), \
            \($0.days) \($0.days == 1 ? "day" : "days")
            """
        }.joined(separator: "; ")
    }
}
