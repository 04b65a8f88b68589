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

    /// ``line(_:delimiter:)``'s bytes, appended to `bytes`: the same text, written without
    /// making a string of each cell and of the row.
    static func appendLine(_ row: [CSVCell], delimiter: Character, to bytes: inout [UInt8]) {
        guard let separator = delimiter.asciiValue else {
            bytes += line(row, delimiter: delimiter).utf8
            return
        }
        for index in row.indices {
            if index > 0 { bytes.append(separator) }
            if case .text(let text) = row[index], appendPlainText(text, separator: separator, to: &bytes) { continue }
            appendField(content(of: row[index]), delimiter: delimiter, separator: separator, to: &bytes)
        }
        bytes += [0x0D, 0x0A]
    }

    /// Appends the field of a text cell straight from its UTF-8 bytes, when they tell the
    /// field (most cells: no formula guard to add, no quote to double, nothing beside the
    /// delimiter that may join it into another character); false, with nothing appended,
    /// otherwise. A formula starts with an ASCII character, so its first byte tells.
    private static func appendPlainText(_ text: String, separator: UInt8, to bytes: inout [UInt8]) -> Bool {
        let appended = text.utf8.withContiguousStorageIfAvailable { (utf8: UnsafeBufferPointer<UInt8>) -> Bool in
            if let first = utf8.first, startsFormula[Int(first)] { return false }
            switch quoting(of: utf8, separator) {
            case .none: bytes.append(contentsOf: utf8)
            case .quotes:
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
            case .unsure: return false
            }
            return true
        }
        return appended ?? false
    }

    /// For each byte, whether text starting with it runs as a formula (``CSVFormula/starts``).
    private static let startsFormula: [Bool] = (0..<256).map { CSVFormula.starts.contains(UInt8($0)) }

    /// ``field(_:delimiter:)``'s bytes, appended to `bytes`; `separator` is the delimiter's byte.
    private static func appendField(_ text: String, delimiter: Character, separator: UInt8, to bytes: inout [UInt8]) {
        let way: Quoting = text.utf8.withContiguousStorageIfAvailable { quoting(of: $0, separator) } ?? .unsure
        switch way {
        case .none: bytes += text.utf8
        case .quotes:
            bytes.append(UInt8(ascii: "\""))
            bytes += text.utf8
            bytes.append(UInt8(ascii: "\""))
        case .unsure: bytes += field(text, delimiter: delimiter).utf8
        }
    }

    /// How a field is written, told by its bytes where they are enough.
    private enum Quoting { case none, quotes, unsure }

    /// Whether the field of `text` needs quotes, by its UTF-8 bytes, as ``field(_:delimiter:)``
    /// decides by characters: unsure when it holds a quote (whose doubling that function
    /// does), or when the delimiter or a leading `'` stands beside a byte of a non-ASCII
    /// character, which may join it into one character (a combining accent after it, a
    /// prepended mark before it) that is not the delimiter. Line breaks (LF, VT, FF, CR, NEL,
    /// U+2028, U+2029) are characters of their own.
    private static func quoting(of text: UnsafeBufferPointer<UInt8>, _ separator: UInt8) -> Quoting {
        notable.withUnsafeBufferPointer { notable in quoting(of: text, separator, notable: notable) }
    }

    /// For each byte, whether ``quoting(of:_:)`` looks at it (the delimiter aside).
    private static let notable: [Bool] = (0..<256).map { (byte: Int) -> Bool in
        let bytes: Set<Int> = [0x0A, 0x0B, 0x0C, 0x0D, 0x22, 0x27, 0xC2, 0xE2]
        return bytes.contains(byte)
    }

    private static func quoting(
        of text: UnsafeBufferPointer<UInt8>, _ separator: UInt8, notable: UnsafeBufferPointer<Bool>
    ) -> Quoting {
        var quotes = false
        var index = 0
        let count = text.count
        // Eight bytes at a time while none of them is one to look at: most of a long cell.
        var plainUntil = 0
        while index < count {
            if index >= plainUntil, count - index >= 8, let base = text.baseAddress {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if !mayBeNotable(word, separator) {
                    index += 8
                    continue
                }
                // Byte by byte up to the end of these eight.
                plainUntil = index + 8
            }
            let byte = text[index]
            if !notable[Int(byte)] && byte != separator {
                index += 1
                continue
            }
            if byte == separator || (byte == UInt8(ascii: "'") && index == 0) {
                if (index > 0 && text[index - 1] >= 0x80) || (index + 1 < count && text[index + 1] >= 0x80) {
                    return .unsure
                }
                quotes = true
            } else if byte == UInt8(ascii: "\"") {
                return .unsure
            } else if (0x0A...0x0D).contains(byte) {
                quotes = true
            } else if byte == 0xC2, index + 1 < count, text[index + 1] == 0x85 {
                quotes = true
            } else if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80,
                text[index + 2] == 0xA8 || text[index + 2] == 0xA9
            {
                quotes = true
            }
            index += 1
        }
        return quotes ? .quotes : .none
    }

    /// Whether any of the eight bytes of `word` may be one that ``quoting(of:_:notable:)``
    /// looks at (a line break, a quote, `'`, 0xC2, 0xE2 or the delimiter); true also for a few
    /// others (0x08, 0x09, 0x0E, 0x0F, `#`, `&`), which are then looked at and passed.
    @inline(__always)
    private static func mayBeNotable(_ word: UInt64, _ separator: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Whether any byte of `value` is zero.
        func anyZero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & (ones << 7) }
        let lineBreak = anyZero((word & (ones &* 0xF8)) ^ (ones &* 0x08))
        let lead = anyZero((word & (ones &* 0xDF)) ^ (ones &* 0xC2))
        let quote = anyZero((word | (ones &* 0x05)) ^ (ones &* 0x27))
        let delimiter = anyZero(word ^ (ones &* UInt64(separator)))
        return lineBreak | lead | quote | delimiter != 0
    }

    /// What a cell holds. Text that a spreadsheet would run as a formula (starting with
    /// `=`, `+`, `-`, `@`, tab, CR or LF; OWASP "CSV Injection") gets a leading `'`.
    static func content(of cell: CSVCell) -> String {
        switch cell {
        case .number(let value): return String(value)
        case .signed(let value): return value > 0 ? "+\(value)" : String(value)
        case .text(let text):
            return CSVFormula.starts(with: text.unicodeScalars.first) ? "'" + text : text
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
