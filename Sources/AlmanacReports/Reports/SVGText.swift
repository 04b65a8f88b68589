import AlmanacModel

/// Text escaped for SVG and HTML content and attribute values.
enum SVGText {
    /// Where a `<text>` stands against its x: its `text-anchor`.
    enum Anchor: String {
        case start, middle, end

        /// ` text-anchor="end"`; nothing for `start`, SVG's default.
        var attribute: String { self == .start ? "" : " text-anchor=\"\(rawValue)\"" }

        /// The left edge of text `width` wide anchored at `x`.
        func left(of x: Double, width: Double) -> Double {
            switch self {
            case .start: x
            case .middle: x - width / 2
            case .end: x - width
            }
        }
    }

    /// Text for an SVG element's content: the five characters of HTML escaped, as the
    /// templates' `{{value}}` has it.
    static func escaped(_ text: String) -> String { FastTemplate.htmlEscaped(text) }

    /// A number with at most one decimal, for coordinates: "12.5", "-3".
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        return sign + (fraction == 0 ? String(whole) : "\(whole).\(fraction)")
    }
}
