import Foundation
import Testing

@testable import AlmanacModel
@testable import AlmanacRecords

/// The CSV reader: RFC 4180 quoting, every line-end style, and the line each row starts on.
@Suite struct CSVSheetTests {
    private struct Table {
        struct Row {
            var number: Int
            var line: Int
            var cells: [String]
        }

        var header: [String]
        var rows: [Row]
    }

    private func sheet(_ text: String) -> (Table?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sheet = CSVSheet()
        let read = Array(text.utf8).withUnsafeBufferPointer { bytes in
            sheet.read(bytes, final: true, file: "log.csv", diagnostics: &diagnostics)
        }
        guard let read, let header = sheet.header(file: "log.csv", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let rows = read.rows.rows.map { row in
            Table.Row(number: row.number, line: row.line, cells: read.rows.cells(of: row))
        }
        return (Table(header: header, rows: rows), diagnostics)
    }

    @Test func quotedCellsHoldDelimitersLineBreaksAndDoubledQuotes() throws {
        let (read, _) = sheet(
            "title,start,notes\r\n\"Budget, part 1\",2024-01-05,\"say \"\"hi\"\"\r\nand bye\"\r\nPlain,2024-01-06,\r\n")
        let table = try #require(read)
        #expect(table.header == ["title", "start", "notes"])
        #expect(
            table.rows.map(\.cells) == [
                ["Budget, part 1", "2024-01-05", "say \"hi\"\r\nand bye"], ["Plain", "2024-01-06", ""],
            ])
        #expect(table.rows.map(\.line) == [2, 4], "a row after a two-line cell starts on line 4")
        #expect(table.rows.map(\.number) == [2, 3])
    }

    @Test func everyLineEndStyleAndBlankRows() throws {
        for end in ["\n", "\r\n", "\r"] {
            let (read, _) = sheet(["title;start", "", "A;2024-01-05", "  ;  ", "B;2024-01-06"].joined(separator: end))
            let table = try #require(read)
            #expect(
                table.rows.map(\.cells) == [["A", "2024-01-05"], ["B", "2024-01-06"]],
                "line end \(end.debugDescription)")
            #expect(table.rows.map(\.line) == [3, 5])
            #expect(table.rows.map(\.number) == [2, 3], "blank rows are not counted")
        }
    }

    @Test func tabsAndTrailingEmptyCells() throws {
        let (read, _) = sheet("title\tstart\tend\nA\t2024-01-05\t\n")
        #expect(read?.rows.first?.cells == ["A", "2024-01-05", ""])
    }

    @Test func strayQuotesInsideACellAreText() throws {
        let (read, _) = sheet("title,notes\nScreen 5\" wide,\"quoted\" then text\n")
        #expect(read?.rows.first?.cells == ["Screen 5\" wide", "quoted then text"])
    }

    @Test func aQuoteNeverClosedIsAnErrorAtTheRowItOpens() {
        let (read, diagnostics) = sheet("title,start\nA,2024-01-05\n\"Unclosed,2024-01-06\nC,2024-01-07\n")
        #expect(read == nil)
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.message.contains("row 3 opens a quoted cell") == true, "\(diagnostics)")
    }

    @Test func multibyteTextSurvives() throws {
        let (read, _) = sheet("title,city\n\"Consultations in Chișinău, Priština\",Skopje\n")
        #expect(read?.rows.first?.cells == ["Consultations in Chișinău, Priština", "Skopje"])
    }

    /// A log read block by block (as `feed` reads a big one) gives the same records and
    /// problems, on the same lines, as the file read whole, wherever the blocks end: inside a
    /// quoted cell, between CR and LF, inside a multi-byte character, in the byte-order mark.
    @Test func aLogReadInBlocksOfAnySizeIsTheWholeFile() throws {
        let text =
            "\u{FEFF}id,title,start,notes\r\n"
            + "a,\"Budget, part 1\",2024-01-05,\"say \"\"hi\"\"\r\nand bye\"\r\n"
            + "\r\n"
            + "b,Consultations in Chișinău,2024-01-06,\r"
            + "c,Bad date,2024-02-30,\n"
            + "a,Same id,2024-01-07,x\n"
            + "d,Last,2024-01-08,\"two\nlines\""
        let config = NewsCorpusTests.config()
        let reader = CSVRecords(config: config, gazetteer: .bundled)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("blocks-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let whole = reader.records(from: String(text.dropFirst()), file: file.path)
        #expect(whole.records.map(\.id) == ["a", "b", "d"])
        #expect(whole.diagnostics.map(\.location.line) == [6, 7], "\(whole.diagnostics)")
        for blockSize in 1...text.utf8.count + 1 {
            var records: [String] = []
            var lines: [Int] = []
            var messages: [String] = []
            let leftOut = reader.read(logAt: file.path, blockSize: blockSize) { block in
                records += block.records.map(\.id)
                lines += block.diagnostics.map(\.location.line)
                messages += block.diagnostics.map(\.message)
            }
            #expect(records == whole.records.map(\.id), "blocks of \(blockSize) bytes")
            #expect(lines == whole.diagnostics.map(\.location.line), "blocks of \(blockSize) bytes")
            #expect(messages == whole.diagnostics.map(\.message), "blocks of \(blockSize) bytes")
            #expect(leftOut == 2, "blocks of \(blockSize) bytes")
        }
    }

    /// A control character, bad UTF-8 or a quote never closed in a later block is reported on
    /// its line of the file, and ends the log there.
    @Test func aLaterBlockThatIsNotTextIsReportedOnItsLine() throws {
        let rows = (1...50).map { "r\($0),Meeting \($0),2024-01-\(String(format: "%02d", $0 % 28 + 1))" }
        let config = NewsCorpusTests.config()
        let reader = CSVRecords(config: config, gazetteer: .bundled)
        let cases: [(String, Int, String)] = [
            ("r40,Esc \u{1B} here,2024-01-01", 41, "control character"),
            ("r40,\"Never closed,2024-01-01", 41, "never closed"),
        ]
        for (bad, line, words) in cases {
            var lines = ["id,title,start"] + rows
            lines[40] = bad
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("late-\(UUID().uuidString).csv")
            try Data(lines.joined(separator: "\n").utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            var errors: [Diagnostic] = []
            var count = 0
            let leftOut = reader.read(logAt: file.path, blockSize: 64) { block in
                errors += block.diagnostics.filter { $0.severity == .error }
                count += block.records.count
            }
            #expect(errors.first?.location.line == line, "\(errors)")
            #expect(errors.first?.message.contains(words) == true, "\(errors)")
            #expect(count < 40 && leftOut == 1)
        }
    }

    /// A log with no text at all is empty, whatever the size of the blocks it is read in.
    @Test func aBlankLogIsEmptyInBlocksOfAnySize() throws {
        let reader = CSVRecords(config: NewsCorpusTests.config(), gazetteer: .bundled)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("blank-\(UUID().uuidString).csv")
        try Data(" \n\r\n  \n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for blockSize in 1...12 {
            var messages: [String] = []
            let leftOut = reader.read(logAt: file.path, blockSize: blockSize) {
                messages += $0.diagnostics.map(\.message)
            }
            #expect(messages == ["the file is empty"], "blocks of \(blockSize) bytes")
            #expect(leftOut == 1)
        }
    }

    /// A draft's fields and a row's columns are numbered in a vector of fixed size
    /// (`FieldPositions`): a field added to the schema beyond it would trap on every record.
    @Test func everyFieldAndColumnHasASlotInTheFixedVector() {
        #expect(RecordSchema.slotCount <= FieldPositions.capacity)
        #expect(CSVRowConverter.Field.allCases.count <= FieldPositions.capacity)
    }
}
