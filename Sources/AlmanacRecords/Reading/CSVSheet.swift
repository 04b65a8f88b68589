import AlmanacModel
import Foundation

/// A spreadsheet saved as CSV: its header and rows, each row with its number (the header is
/// row 1, as spreadsheets count) and the line it starts on. The delimiter (`,`, `;` or tab,
/// as Excel writes it in different locales) is the one the header line uses most.
///
/// Parsed here, byte by byte, rather than with CSV.swift: that package builds every cell a
/// Unicode scalar at a time (about 500 instructions per byte, a fifth of `almanac feed` on a
/// CSV log) and cannot say on which line a row starts.
struct CSVSheet {
    struct Row {
        /// 1 is the header.
        var number: Int
        /// The line in the file where the row starts, 1-based.
        var line: Int
        var cells: [String]
    }

    var header: [String]
    var headerLine: Int
    var rows: [Row]

    /// Reads `text`; nil with an error for a table without a header or with a quote that is
    /// never closed.
    static func read(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> CSVSheet? {
        var text = text
        text.makeContiguousUTF8()
        let records = text.utf8.withContiguousStorageIfAvailable { bytes in
            CSVRecordReader(bytes, delimiter: delimiter(of: bytes)).readAll()
        }!
        var rows: [Row] = []
        for record in records.complete {
            guard !record.cells.allSatisfy({ $0.trimmedSpaces.isEmpty }) else { continue }
            rows.append(Row(number: rows.count + 1, line: record.line, cells: record.cells))
        }
        if let line = records.unclosedQuoteLine {
            diagnostics.append(
                .error(
                    SourceLocation(file: file, line: line),
                    """
                    row \(rows.count + 1) opens a quoted cell (") that \
                    is never closed, so the rest of the file ran into it
                    """,
                    hint: "close the quote, or double a quote inside a quoted cell (\"\")"))
            return nil
        }
        guard let first = rows.first else {
            diagnostics.append(
                .error(
                    SourceLocation(file: file), "the file has no rows",
                    hint: "the first row must name the columns, e.g. `title,start,end,city,country`"))
            return nil
        }
        let header = first.cells.map(\.trimmedSpaces)
        return CSVSheet(header: header, headerLine: first.line, rows: Array(rows.dropFirst()))
    }

    /// The delimiter the first line uses most: `,`, `;` or tab.
    private static func delimiter(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
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
struct CSVRecordReader {
    struct Record {
        /// The line the record starts on, 1-based.
        var line: Int
        var cells: [String]
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8

    init(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// The index of the first byte from `start` on that the reader must look at: a quote or
    /// a line break, and (outside quotes) the delimiter; the end when there is none.
    private func nextSpecial(from start: Int, quoted: Bool) -> Int {
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

    /// Every record, and the line of a record whose quoted cell is never closed (its
    /// partial content is left out).
    func readAll() -> (complete: [Record], unclosedQuoteLine: Int?) {
        let quote = UInt8(ascii: "\"")
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var records: [Record] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = 0
        var inQuotes = false
        /// The current cell has begun: a quote after this is text, not an opening quote.
        var cellStarted = false
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            cellStarted = false
        }
        func endRecord() {
            endCell()
            let width = cells.count
            records.append(Record(line: recordLine, cells: cells))
            cells = []
            cells.reserveCapacity(width)
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        cell.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else if byte == lineFeed || byte == carriageReturn {
                    if byte == lineFeed || index == bytes.count || bytes[index] != lineFeed { line += 1 }
                    cell.append(byte)
                } else {
                    // The run of plain bytes up to the next quote or line break, at once.
                    let end = nextSpecial(from: index, quoted: true)
                    cell.append(byte)
                    cell.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                }
                continue
            }
            switch byte {
            case delimiter:
                endCell()
            case lineFeed, carriageReturn:
                if byte == carriageReturn, index < bytes.count, bytes[index] == lineFeed { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            case quote where !cellStarted:
                inQuotes = true
                cellStarted = true
            default:
                // The run of plain bytes up to the next delimiter, quote or line break, at once.
                let end = nextSpecial(from: index, quoted: false)
                cell.append(byte)
                cell.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                cellStarted = true
            }
        }
        if inQuotes { return (records, recordLine) }
        if cellStarted || !cells.isEmpty { endRecord() }
        return (records, nil)
    }
}
