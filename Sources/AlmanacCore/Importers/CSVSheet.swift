import CSV
import Foundation

/// A spreadsheet saved as CSV: its header and rows, each row with its number (the header is
/// row 1, as spreadsheets count) and the line it starts on. Parsing is CSV.swift's; the
/// delimiter (`,`, `;` or tab, as Excel writes it in different locales) is the one the
/// header line uses most.
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
        let delimiter = Self.delimiter(of: text)
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter) else {
            diagnostics.append(.error(SourceLocation(file: file), "cannot read this file as CSV", hint: "save the spreadsheet as CSV (UTF-8)"))
            return nil
        }
        var rows: [Row] = []
        var line = 1
        var number = 0
        while let cells = reader.next() {
            let isBlank = cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            if !isBlank {
                number += 1
                rows.append(Row(number: number, line: line, cells: cells))
            }
            line += 1 + cells.reduce(0) { $0 + $1.filter(\.isNewline).count }
        }
        if text.filter({ $0 == "\"" }).count % 2 == 1, let last = rows.last {
            diagnostics.append(.error(SourceLocation(file: file, line: last.line), "row \(last.number) opens a quoted cell (\") that is never closed, so the rest of the file ran into it", hint: "close the quote, or double a quote inside a quoted cell (\"\")"))
            return nil
        }
        guard let first = rows.first else {
            diagnostics.append(.error(SourceLocation(file: file), "the file has no rows", hint: "the first row must name the columns, e.g. `title,start,end,city,country`"))
            return nil
        }
        let header = first.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        return CSVSheet(header: header, headerLine: first.line, rows: Array(rows.dropFirst()))
    }

    private static func delimiter(of text: String) -> UnicodeScalar {
        let firstLine = text.prefix { !$0.isNewline }
        let counts: [(UnicodeScalar, Int)] = [",", ";", "\t"].map { delimiter in
            (delimiter, firstLine.unicodeScalars.filter { $0 == delimiter }.count)
        }
        return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? ","
    }
}
