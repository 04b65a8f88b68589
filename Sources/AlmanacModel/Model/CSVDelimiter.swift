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

/// Text that a spreadsheet would run as a formula (OWASP "CSV Injection"): `export csv` puts a
/// `'` before it, and reading a CSV file takes that `'` off again.
package enum CSVFormula {
    /// The ASCII characters a formula starts with: `=`, `+`, `-`, `@`, tab, CR and LF.
    package static let starts: Set<UInt8> = Set("=+-@\t\r\n".utf8)

    /// Whether text whose first scalar is `first` would run as a formula.
    package static func starts(with first: Unicode.Scalar?) -> Bool {
        guard let first, first.isASCII else { return false }
        return starts.contains(UInt8(first.value))
    }
}
