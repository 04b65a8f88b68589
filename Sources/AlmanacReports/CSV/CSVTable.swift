import AlmanacModel
import Foundation

// No maintained CSV writer package is available to the project, so this small RFC 4180 writer
// is our own: header row, CRLF line ends, the same field count on every row, fields with the
// delimiter, a quote or a line break in double quotes with inner quotes doubled.

/// One CSV cell: text (guarded against formula injection) or a number (written as is).
public enum CSVCell: Hashable, Sendable, ExpressibleByStringLiteral {
    case text(String)
    case number(Int)
    /// A signed change such as `+2` or `-1`; it is a number, so it is never neutralised.
    case signed(Int)

    public init(stringLiteral value: String) { self = .text(value) }

    /// Text, or an empty cell when nil.
    public static func optional(_ value: String?) -> CSVCell { .text(value ?? "") }
}

/// A table written as RFC 4180 CSV, UTF-8.
public struct CSVTable: Sendable {
    public var header: [String]
    public private(set) var rows: [[CSVCell]] = []

    public init(header: [String]) { self.header = header }

    /// Appends a row; it must have as many cells as the header.
    public mutating func append(_ row: [CSVCell]) {
        precondition(row.count == header.count, "a CSV row has \(row.count) cells for \(header.count) columns")
        rows.append(row)
    }

    /// The CSV text: `byteOrderMark` starts it with U+FEFF for Excel.
    public func text(delimiter: Character = ",", byteOrderMark: Bool = false) -> String {
        Self.start(header: header, delimiter: delimiter, byteOrderMark: byteOrderMark)
            + rows.map { Self.line($0, delimiter: delimiter) }.joined()
    }

    /// The start of the CSV text: the byte order mark when asked for, and the header row.
    static func start(header: [String], delimiter: Character, byteOrderMark: Bool) -> String {
        (byteOrderMark ? "\u{FEFF}" : "")
            + header.map { CSVTable.field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }

    /// One row of the CSV text, with its line end.
    static func line(_ row: [CSVCell], delimiter: Character) -> String {
        row.map { CSVTable.field(CSVTable.content(of: $0), delimiter: delimiter) }.joined(separator: String(delimiter))
            + "\r\n"
    }

    /// What a cell holds. Text that a spreadsheet would run as a formula (starting with
    /// `=`, `+`, `-`, `@`, tab, CR or LF; OWASP "CSV Injection") gets a leading `'`.
    static func content(of cell: CSVCell) -> String {
        switch cell {
        case .number(let value): return String(value)
        case .signed(let value): return value > 0 ? "+\(value)" : String(value)
        case .text(let text):
            guard let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else {
                return text
            }
            return "'" + text
        }
    }

    /// A field quoted when it holds the delimiter, a quote, a line break or a leading `'`.
    static func field(_ text: String, delimiter: Character) -> String {
        // Most fields have none of the characters that call for quotes: their bytes tell.
        if let delimiter = delimiter.asciiValue, !text.utf8.contains(where: { mayNeedQuotes($0, delimiter) }) {
            return text
        }
        let needsQuotes = text.hasPrefix("'") || text.contains { $0 == delimiter || $0 == "\"" || $0.isNewline }
        guard needsQuotes else { return text }
        // Foundation's replacing costs as much without a quote to double as with one.
        guard text.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + text + "\"" }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a field with `byte` may need quotes: the delimiter, a quote, `'` (which a field
    /// may start with), a line break (LF, VT, FF, CR), or the first byte of a two- or
    /// three-byte character, among which NEL (U+0085) and the line and paragraph separators
    /// (U+2028, U+2029).
    private static func mayNeedQuotes(_ byte: UInt8, _ delimiter: UInt8) -> Bool {
        byte == delimiter || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || (0x0A...0x0D).contains(byte)
            || byte == 0xC2 || byte == 0xE2
    }
}
