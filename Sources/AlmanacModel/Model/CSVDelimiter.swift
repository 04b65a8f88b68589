/// The field separators CSV files may use.
public enum CSVDelimiter {
    /// Reads `,`, `;`, `tab` (or a tab character) and `|`; nil for anything else.
    public static func parse(_ text: String) -> Character? {
        switch text {
        case ",", ";", "|", "\t": return Character(text)
        case "tab", "TAB", "\\t": return "\t"
        default: return nil
        }
    }

    public static let hint = "use ',' (the default), ';' (for Excel in locales with a decimal comma), 'tab' or '|'"
}
