import AlmanacModel
import AlmanacReports
import Testing

@Suite struct CSVTableTests {
    @Test func quotesOnlyWhatNeedsQuotingWithCRLFLineEnds() {
        var table = CSVTable(header: ["text", "count"])
        table.append([.text("plain"), .number(1)])
        table.append([.text("a, b"), .number(2)])
        table.append([.text("say \"hi\""), .number(3)])
        table.append([.text("two\nlines"), .number(4)])
        table.append([.text("O'Brien & Partners"), .signed(-2)])
        #expect(
            table.text()
                == """
                text,count\r\n\
                plain,1\r\n\
                "a, b",2\r\n\
                "say ""hi""\",3\r\n\
                "two\nlines",4\r\n\
                O'Brien & Partners,-2\r\n
                """
        )
    }

    @Test func neutralisesFormulaTextButNeverNumbers() {
        var table = CSVTable(header: ["cell"])
        for text in ["=1+1", "+49 30", "-5", "@SUM(A1)", "\tx", "\rx", "\nx", "a=b"] { table.append([.text(text)]) }
        table.append([.number(-5)])
        table.append([.signed(3)])
        table.append([.signed(0)])
        let lines = table.text().components(separatedBy: "\r\n")
        #expect(
            Array(lines[1...8]) == [
                "\"'=1+1\"", "\"'+49 30\"", "\"'-5\"", "\"'@SUM(A1)\"", "\"'\tx\"", "\"'\rx\"", "\"'\nx\"", "a=b",
            ])
        #expect(Array(lines[9...11]) == ["-5", "+3", "0"])
    }

    @Test func byteOrderMarkAndSemicolons() {
        var table = CSVTable(header: ["a", "b"])
        table.append([.text("x;y"), .text("1,5")])
        let text = table.text(delimiter: ";", byteOrderMark: true)
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text == "\u{FEFF}a;b\r\n\"x;y\";1,5\r\n")
    }

    @Test func delimiterNames() {
        #expect(CSVDelimiter.parse(",") == ",")
        #expect(CSVDelimiter.parse(";") == ";")
        #expect(CSVDelimiter.parse("tab") == "\t")
        #expect(CSVDelimiter.parse("\"") == nil)
        #expect(CSVDelimiter.parse(",,") == nil)
    }
}
