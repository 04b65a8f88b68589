import Testing

@testable import AlmanacModel
@testable import AlmanacRecords

/// The CSV reader: RFC 4180 quoting, every line-end style, and the line each row starts on.
@Suite struct CSVSheetTests {
    private func sheet(_ text: String) -> (CSVSheet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let sheet = CSVSheet.read(text, file: "log.csv", diagnostics: &diagnostics)
        return (sheet, diagnostics)
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
}
