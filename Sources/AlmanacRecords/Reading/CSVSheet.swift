import AlmanacModel
import Foundation

/// A spreadsheet saved as CSV, read from one block of its bytes after another: the header
/// first, then each row numbered as spreadsheets number them (the header is row 1; blank rows
/// are not counted), with the line it starts on. The delimiter (`,`, `;` or tab, as Excel
/// writes it in different locales) is the one the header line uses most.
///
/// Parsed here, byte by byte, rather than with CSV.swift: that package builds every cell a
/// Unicode scalar at a time (about 500 instructions per byte, a fifth of `almanac feed` on a
/// CSV log), cannot say on which line a row starts, and cannot stop at a block's end.
struct CSVSheet {
    struct Row {
        /// 1 is the header.
        var number: Int
        /// The line in the file where the row starts, 1-based.
        var line: Int
        /// Where its cells are among the ``Rows/cells`` of the block it was read from.
        var cells: Range<Int>
    }

    /// The rows read from one block of bytes, with their cells.
    struct Rows {
        var rows: [Row] = []
        var cells = CSVCells()

        /// The cells of `row` as text.
        func cells(of row: Row) -> [String] { row.cells.map(cells.string) }
    }

    private(set) var headerCells: [String]?
    private(set) var headerLine = 1
    /// Rows read so far, the header included.
    private(set) var count = 0
    private var delimiter: UInt8?
    /// The line the next call's bytes start on.
    private(set) var nextLine = 1

    /// Reads the rows of `bytes`, the text from where the previous call stopped. With
    /// `final: false` only complete rows are read, and `consumed` says how many bytes they
    /// take; the rest starts the next call's bytes. Nil, with an error, when a quoted cell is
    /// never closed.
    mutating func read(
        _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, file: String, diagnostics: inout [Diagnostic]
    ) -> (rows: Rows, consumed: Int)? {
        let delimiter = self.delimiter ?? Self.delimiter(of: bytes)
        self.delimiter = delimiter
        let read = CSVRecordReader(bytes, delimiter: delimiter, firstLine: nextLine).read(final: final)
        nextLine = read.nextLine
        var rows = Rows(cells: read.cells)
        rows.rows.reserveCapacity(read.complete.count)
        for record in read.complete {
            guard !record.cells.allSatisfy(read.cells.isBlank) else { continue }
            count += 1
            if headerCells == nil {
                headerCells = record.cells.map { read.cells.string($0).trimmedSpaces }
                headerLine = record.line
            } else {
                rows.rows.append(Row(number: count, line: record.line, cells: record.cells))
            }
        }
        if let line = read.unclosedQuoteLine {
            diagnostics.append(
                .error(
                    SourceLocation(file: file, line: line),
                    """
                    row \(count + 1) opens a quoted cell (") that \
                    is never closed, so the rest of the file ran into it
                    """,
                    hint: "close the quote, or double a quote inside a quoted cell (\"\")"))
            return nil
        }
        return (rows, read.consumed)
    }

    /// The header, once the whole text is read; nil with an error when the text has no row.
    func header(file: String, diagnostics: inout [Diagnostic]) -> [String]? {
        guard let headerCells else {
            diagnostics.append(
                .error(
                    SourceLocation(file: file), "the file has no rows",
                    hint: "the first row must name the columns, e.g. `title,start,end,city,country`"))
            return nil
        }
        return headerCells
    }

    /// The delimiter the first line uses most: `,`, `;` or tab.
    static func delimiter(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let counts = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")].map { delimiter in
            (delimiter, firstLine.count(where: { $0 == delimiter }))
        }
        return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? UInt8(ascii: ",")
    }
}

/// RFC 4180 records of UTF-8 bytes: cells separated by the delimiter, records by LF, CRLF or
/// CR; a quoted cell may hold delimiters, line breaks and doubled quotes (`""`). Lenient
/// where spreadsheets are: a stray quote inside an unquoted cell, or text after a closing
/// quote, is kept as text.
///
/// The bytes may be the start of a longer text (a block of a big file): read with
/// `final: false`, a record is taken only once its end is certain, and ``Result/consumed``
/// says where the unfinished one starts, to be read again with the next block.
struct CSVRecordReader {
    struct Record {
        /// The line the record starts on, 1-based.
        var line: Int
        /// Where its cells are among the ``Result/cells``.
        var cells: Range<Int>
    }

    /// The records read, where reading stopped, and the line of a record whose quoted cell
    /// is never closed (its partial content is left out; only when `final`).
    struct Result {
        var complete: [Record]
        /// The cells of the records (and of an unfinished one after them).
        var cells: CSVCells
        /// Bytes read up to the end of the last complete record (all of them when `final`).
        var consumed: Int
        /// The line of the first byte not consumed.
        var nextLine: Int
        var unclosedQuoteLine: Int?
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    private let firstLine: Int

    /// `firstLine` is the line of the file the bytes start on.
    init(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, firstLine: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.firstLine = firstLine
    }

    /// The index of the first byte from `start` on that the reader must look at: a quote or
    /// a line break, and (outside quotes) the delimiter; the end when there is none.
    func nextSpecial(from start: Int, quoted: Bool) -> Int {
        var index = start
        // Eight bytes at a time while they hold none of those bytes (a description is hundreds
        // of plain bytes): the first that does is found in the word itself. The word tests are
        // written here, as in CSVTable and ControlCharacters, not shared: a `package` helper in
        // AlmanacModel is not inlined across modules, and shared it cost `check` of 10^4 rows
        // 45 M instructions more (515 M -> 561 M).
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let quotes = ones &* UInt64(UInt8(ascii: "\""))
            let lineFeeds = ones &* UInt64(UInt8(ascii: "\n"))
            let returns = ones &* UInt64(UInt8(ascii: "\r"))
            // Inside quotes the delimiter is text: looking for a quote again finds nothing new.
            let delimiters = ones &* UInt64(quoted ? UInt8(ascii: "\"") : delimiter)
            /// High bits set at the bytes of `word` that are zero; exact up to the first one
            /// (a borrow may mark bytes above it, never below).
            func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let found =
                    zeros(word ^ quotes) | zeros(word ^ lineFeeds) | zeros(word ^ returns) | zeros(word ^ delimiters)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        return nextSpecialByBytes(from: index, quoted: quoted)
    }

    /// ``nextSpecial(from:quoted:)`` a byte at a time (for its last bytes, and the reference
    /// of its test).
    func nextSpecialByBytes(from start: Int, quoted: Bool) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || (!quoted && byte == delimiter)
            {
                return index
            }
            index += 1
        }
        return index
    }

    /// The records of the bytes: all of them when `final` (the bytes end the text), else
    /// those whose end is certain.
    func read(final: Bool = true) -> Result {
        let quote = UInt8(ascii: "\"")
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var records: [Record] = []
        var cells = CSVCells(capacity: bytes.count)
        /// The first cell of the current record.
        var firstCell = 0
        var line = firstLine
        var recordLine = firstLine
        var recordStart = 0
        var index = 0
        var inQuotes = false
        /// The current cell has begun: a quote after this is text, not an opening quote.
        var cellStarted = false
        func endCell() {
            cells.endCell()
            cellStarted = false
        }
        func endRecord() {
            endCell()
            records.append(Record(line: recordLine, cells: firstCell..<cells.count))
            firstCell = cells.count
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        cells.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else if byte == lineFeed || byte == carriageReturn {
                    if byte == lineFeed || index == bytes.count || bytes[index] != lineFeed { line += 1 }
                    cells.append(byte)
                } else {
                    // The run of plain bytes up to the next quote or line break, at once.
                    let end = nextSpecial(from: index, quoted: true)
                    cells.append(UnsafeBufferPointer(rebasing: bytes[index - 1..<end]))
                    index = end
                }
                continue
            }
            switch byte {
            case delimiter:
                endCell()
            case lineFeed, carriageReturn:
                // A CR that ends the bytes may be the first half of a CRLF in the next block.
                if byte == carriageReturn, index == bytes.count, !final {
                    return Result(complete: records, cells: cells, consumed: recordStart, nextLine: recordLine)
                }
                if byte == carriageReturn, index < bytes.count, bytes[index] == lineFeed { index += 1 }
                endRecord()
                line += 1
                recordLine = line
                recordStart = index
            case quote where !cellStarted:
                inQuotes = true
                cellStarted = true
            default:
                // The run of plain bytes up to the next delimiter, quote or line break, at once.
                let end = nextSpecial(from: index, quoted: false)
                cells.append(UnsafeBufferPointer(rebasing: bytes[index - 1..<end]))
                index = end
                cellStarted = true
            }
        }
        guard final else { return Result(complete: records, cells: cells, consumed: recordStart, nextLine: recordLine) }
        if inQuotes {
            return Result(
                complete: records, cells: cells, consumed: bytes.count, nextLine: line, unclosedQuoteLine: recordLine)
        }
        if cellStarted || cells.count > firstCell { endRecord() }
        return Result(complete: records, cells: cells, consumed: bytes.count, nextLine: line)
    }
}

/// The cells of a block's records, one after another in one buffer of their (unquoted) bytes:
/// a cell is a range of it, made text only when a field needs it, rather than a string (and
/// an array of strings per record) of its own.
struct CSVCells: Sendable {
    /// The bytes of the cells, and of the cell being read.
    private(set) var bytes: [UInt8] = []
    /// Where each finished cell ends in `bytes` (it starts where the one before ends).
    private var ends: [Int] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// How many cells are finished.
    var count: Int { ends.count }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: run) }

    /// Ends the cell being read: the bytes appended since the last cell ended.
    mutating func endCell() { ends.append(bytes.count) }

    /// Where cell `index` lies in ``bytes``.
    func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

    /// Cell `index` as text.
    func string(_ index: Int) -> String { String(decoding: bytes[range(index)], as: UTF8.self) }

    /// Whether cell `index` holds nothing but spaces and tabs (any white space but line breaks,
    /// as ``Swift/StringProtocol/trimmedSpaces`` has it).
    func isBlank(_ index: Int) -> Bool {
        for byte in bytes[range(index)] where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
            return byte < 0x80 ? false : string(index).trimmedSpaces.isEmpty
        }
        return true
    }
}
