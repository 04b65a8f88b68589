import AlmanacModel

/// A stacked bar chart of activities per month by category: a standalone SVG file beside
/// report.md, and the same chart inline in report.html.
///
/// GitHub and most Markdown viewers show an SVG referenced as an image but strip inline
/// `<svg>`, and `currentColor` means nothing in an SVG loaded as an image; so the file
/// carries its own light and dark colours in a `prefers-color-scheme` style. Inline, it
/// takes the page's colours instead (its classes are styled by the HTML page), so it follows
/// the page into dark mode and into print.
struct ActivityChart {
    struct Month {
        var label: String
        var year: Int
        /// Activities per category, in the order of ``ActivityChart/categories``.
        var counts: [Int]
    }

    var title: String
    /// The categories' names for people, and their colours (the same in every report).
    var categories: [String]
    var colours: [String]
    var months: [Month]

    private static let left = 48, top = 60, slot = 84, barWidth = 48, plotHeight = 200, legendRow = 22

    /// The chart as a file (`inline` false) or as an element of the HTML page.
    func svg(inline: Bool = false) -> String {
        let highest = months.map { $0.counts.reduce(0, +) }.max() ?? 0
        let step = Self.tickStep(highest)
        let ceiling = max(step, (highest + step - 1) / step * step)
        let plotWidth = max(1, months.count) * Self.slot
        // Wide enough for the heading too: bold 14px sans-serif is at most about 9px a character.
        let width = Self.left + max(plotWidth, title.count * 9) + 24
        let legendTop = Self.top + Self.plotHeight + 44
        let legend = legendPositions(width: width)
        let height = legendTop + ((legend.map(\.row).max() ?? 0) + 1) * Self.legendRow + 8
        func y(_ value: Int) -> Int { Self.top + Self.plotHeight - value * Self.plotHeight / ceiling }

        let size = inline ? "" : #" width="\#(width)" height="\#(height)""#
        var lines = [
            """
            <svg xmlns="http://www.w3.org/2000/svg"\(size) viewBox="0 0 \(width) \(height)" role="img" \
            aria-labelledby="chart-title chart-desc">
            """,
            "<title id=\"chart-title\">\(xml(title))</title>",
            "<desc id=\"chart-desc\">\(xml(description))</desc>",
        ]
        if !inline {
            lines += [
                "<style>",
                """
                .chart-background { fill: #ffffff; } .chart-text { fill: #1f2328; font: 12px sans-serif; } \
                .chart-heading { font-weight: bold; font-size: 14px; }
                """,
                """
                .chart-axis { stroke: #57606a; stroke-width: 1; } .chart-grid { stroke: #d0d7de; stroke-width: 1; } \
                .chart-value { fill: #ffffff; font: bold 11px sans-serif; }
                """,
                "@media (prefers-color-scheme: dark) {",
                """
                  .chart-background { fill: #0d1117; } .chart-text { fill: #e6edf3; } .chart-axis { stroke: #8b949e; } \
                .chart-grid { stroke: #30363d; }
                """,
                "}",
                "</style>",
            ]
        }
        lines += [
            "<rect class=\"chart-background\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\"/>",
            "<text class=\"chart-text chart-heading\" x=\"\(Self.left)\" y=\"26\">\(xml(title))</text>",
        ]
        for tick in stride(from: 0, through: ceiling, by: step) {
            lines.append(
                """
                <line class="\(tick == 0 ? "chart-axis" : "chart-grid")" x1="\(Self.left)" y1="\(y(tick))" \
                x2="\(Self.left + plotWidth)" y2="\(y(tick))"/>
                """
            )
            lines.append(
                """
                <text class="chart-text" x="\(Self.left - 8)" y="\(y(tick) + 4)" text-anchor="end">\(tick)</text>
                """
            )
        }
        for (index, month) in months.enumerated() {
            let x = Self.left + index * Self.slot + (Self.slot - Self.barWidth) / 2
            var total = 0
            for (category, count) in month.counts.enumerated() where count > 0 {
                let (lower, upper) = (y(total), y(total + count))
                lines.append(
                    """
                    <rect x="\(x)" y="\(upper)" width="\(Self.barWidth)" height="\(lower - upper)" \
                    fill="\(colours[category])">\
                    <title>\(xml("\(month.label) \(month.year): \(count) \(categories[category])"))</title></rect>
                    """
                )
                if lower - upper >= 16 {
                    lines.append(
                        """
                        <text class="chart-value" x="\(x + Self.barWidth / 2)" y="\((lower + upper) / 2 + 4)" \
                        text-anchor="middle">\(count)</text>
                        """
                    )
                }
                total += count
            }
            lines.append(
                """
                <text class="chart-text" x="\(x + Self.barWidth / 2)" y="\(y(total) - 6)" \
                text-anchor="middle">\(total)</text>
                """
            )
            lines.append(
                """
                <text class="chart-text" x="\(x + Self.barWidth / 2)" y="\(Self.top + Self.plotHeight + 20)" \
                text-anchor="middle">\(xml("\(month.label) \(month.year)"))</text>
                """
            )
        }
        if categories.isEmpty {
            lines.append(
                """
                <text class="chart-text" x="\(Self.left)" y="\(legendTop + 14)">No activities in this period.</text>
                """
            )
        }
        for (index, category) in categories.enumerated() {
            let (x, top) = (legend[index].x, legendTop + legend[index].row * Self.legendRow)
            lines.append("<rect x=\"\(x)\" y=\"\(top)\" width=\"14\" height=\"14\" fill=\"\(colours[index])\"/>")
            lines.append("<text class=\"chart-text\" x=\"\(x + 20)\" y=\"\(top + 12)\">\(xml(category))</text>")
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where each legend entry goes: side by side, on as many rows as the chart's width needs
    /// (12px sans-serif is at most about 7px a character).
    private func legendPositions(width: Int) -> [(x: Int, row: Int)] {
        var positions: [(x: Int, row: Int)] = []
        var x = Self.left
        var row = 0
        for category in categories {
            let entry = 20 + category.count * 7 + 16
            if x > Self.left && x + entry > width - 8 { (x, row) = (Self.left, row + 1) }
            positions.append((x, row))
            x += entry
        }
        return positions
    }

    /// The chart in words: "Oct 2023: 3 (meeting 3); Nov 2023: …".
    var description: String {
        months.map { month in
            let parts = zip(categories, month.counts).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }
            let total = month.counts.reduce(0, +)
            return "\(month.label) \(month.year): \(total)"
                + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
        }.joined(separator: "; ")
    }

    /// 1, 2 or 5 times a power of ten, so that the axis has at most about five ticks.
    static func tickStep(_ highest: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where highest <= factor * magnitude * 5 { return factor * magnitude }
            magnitude *= 10
        }
    }

    private func xml(_ text: String) -> String { SVGText.escaped(text) }
}
