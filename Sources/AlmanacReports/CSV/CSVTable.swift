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

    /// Writes a row's cells one at a time, as ``appendLine(_:delimiter:to:)`` writes an array
    /// of them: no array of cells is made (and freed) for each row. Only for an ASCII delimiter.
    struct LineWriter {
        let delimiter: Character
        let separator: UInt8
        private var isFirst = true

        init?(delimiter: Character) {
            guard let separator = delimiter.asciiValue else { return nil }
            self.delimiter = delimiter
            self.separator = separator
        }

        /// Appends the cell `.text(text)`.
        private mutating func text(_ text: String, to bytes: inout [UInt8]) {
            if !isFirst { bytes.append(separator) }
            isFirst = false
            if CSVTable.appendPlainText(text, separator: separator, to: &bytes) { return }
            CSVTable.appendField(
                CSVTable.content(of: .text(text)), delimiter: delimiter, separator: separator, to: &bytes)
        }

        /// Appends `cell`.
        mutating func cell(_ cell: CSVCell, to bytes: inout [UInt8]) {
            if case .text(let text) = cell { return self.text(text, to: &bytes) }
            if !isFirst { bytes.append(separator) }
            isFirst = false
            CSVTable.appendField(CSVTable.content(of: cell), delimiter: delimiter, separator: separator, to: &bytes)
        }

        /// Ends the line.
        func end(_ bytes: inout [UInt8]) { bytes += [0x0D, 0x0A] }
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
    enum Quoting { case none, quotes, unsure }

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
        quoting(of: text, separator, notable: notable, byWords: true)
    }

    /// ``quoting(of:_:)``: with `byWords`, eight bytes are passed over at a time while none of
    /// them is one the loop looks at (a description is hundreds of plain bytes); without, a
    /// byte at a time (the reference of its test).
    static func quoting(
        of text: UnsafeBufferPointer<UInt8>, _ separator: UInt8, notable: UnsafeBufferPointer<Bool>, byWords: Bool
    ) -> Quoting {
        var quotes = false
        var index = 0
        let count = text.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Written here, not shared with the CSV reader's scan: see `CSVRecordReader.nextSpecial`.
        /// High bits set at the bytes of `word` below `limit`; exact up to the first one (a
        /// borrow may mark bytes above it, never below).
        func below(_ word: UInt64, _ limit: UInt8) -> UInt64 { (word &- ones &* UInt64(limit)) & ~word & highs }
        /// The bytes equal to `byte`, as ``below(_:_:)`` marks them.
        func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { below(word ^ (ones &* UInt64(byte)), 1) }
        while index < count {
            if byWords, index + 8 <= count, let base = text.baseAddress {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                // Every notable byte: line breaks (0A–0D) among those below 0E, '"', "'", the
                // lead bytes C2 and E2, and the delimiter. The first marked byte is looked at
                // below (one below 0A is passed over there).
                let marked =
                    below(word, 0x0E) | equal(word, 0x22) | equal(word, 0x27) | equal(word, 0xC2) | equal(word, 0xE2)
                    | equal(word, separator)
                if marked == 0 {
                    index += 8
                    continue
                }
                index += marked.trailingZeroBitCount / 8
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
