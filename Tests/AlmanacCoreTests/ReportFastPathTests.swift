import Foundation
import ICal
import PropertyBased
import Testing

@testable import AlmanacModel
@testable import AlmanacRecords
@testable import AlmanacReports

/// The shortcuts `report` and `export csv` take for big logs give exactly what the general
/// code gives: CSV rows written as bytes, Markdown values without anything to escape, the
/// HTML page's sections split by bytes, a series expanded once for every period a report asks about.
@Suite struct ReportFastPathTests {
    /// Pieces of text: the characters that call for quotes or escapes, and characters that join
    /// the one before (a combining accent) or after (an Arabic prepended mark) into one.
    static let pieces = [
        ",", ";", "\t", "|", "\"", "'", "\u{301}", "\u{600}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{3000}",
        "\n", "\r\n", "\r", "=", "+", "-", "@", "#", "1", "12", ".", ")", "*", "_", "[", "`", "<", ">", "~", "\\",
        "&", "&amp;", "&#38;", "é", "ü", "a", "Word", " ", "  ", "\u{1F600}", "<h2>", "</h2>", "Look-ahead",
        "1–2 Jan", "\u{1FEF}", "\u{2003}", "\u{200B}", "\u{1680}", "…",
    ]
    static let text = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...8).map { picks in
        picks.map { pieces[$0] }.joined()
    }

    @Test func csvRowsAreWrittenAsBefore() async {
        await propertyCheck(count: 1000, input: Self.text, Self.text) { first, second in
            let row: [CSVCell] = [.text(first), .number(-3), .text(second), .signed(2), .signed(-1), .text("")]
            for delimiter: Character in [",", ";", "\t", "|", "é"] {
                var bytes: [UInt8] = [1]
                CSVTable.appendLine(row, delimiter: delimiter, to: &bytes)
                #expect(
                    bytes == [1] + Array(CSVTable.line(row, delimiter: delimiter).utf8),
                    "\(first.debugDescription) \(second.debugDescription) \(delimiter)")
            }
        }
    }

    /// Long cells, whose plain runs of sixteen bytes are skipped at once: the characters that
    /// matter anywhere in them, at the edges of those runs too.
    @Test func longCSVCellsAreWrittenAsBefore() async {
        let plain = ["abcdefghijklmnopq", "Representatives of the ", "x", "ministries", "0123456789abcde"]
        let long = Gen.int(in: 0...(Self.pieces.count + plain.count - 1)).array(of: 0...40).map { picks in
            picks.map { $0 < Self.pieces.count ? Self.pieces[$0] : plain[$0 - Self.pieces.count] }.joined()
        }
        await propertyCheck(count: 2000, input: long) { text in
            let row: [CSVCell] = [.text(text), .text("plain " + text), .text(text + text)]
            for delimiter: Character in [",", ";", "\t", "|", "é"] {
                var bytes: [UInt8] = []
                CSVTable.appendLine(row, delimiter: delimiter, to: &bytes)
                #expect(bytes == Array(CSVTable.line(row, delimiter: delimiter).utf8), "\(text.debugDescription)")
            }
        }
    }

    /// Export's lines, written cell by cell for the full profile, are the lines of its rows.
    @Test func exportLinesAreTheLinesOfTheirRows() async {
        let start = LocalDateTime(iso: "2024-03-05T10:00")!
        let timings: [EventTiming?] = [
            nil, .timed(start: start, end: LocalDateTime(iso: "2024-03-06T00:00")), .timed(start: start, end: nil),
            .allDay(start: start.date, end: LocalDate(iso: "2024-03-07")!),
        ]
        await propertyCheck(count: 300, input: Self.text, Self.text) { first, second in
            var record = EventRecord(
                id: "id-" + first, title: second, timing: timings[1], timezone: "Europe/Skopje",
                origin: SourceLocation(file: "log.csv"))
            record.summary = first
            record.tags = [first, second]
            record.organisations = [second]
            record.category = first.isEmpty ? nil : first
            record.place = Place(venue: first, city: "Skopje", country: second)
            for participants in [nil, 3] {
                record.participants = participants
                for timing in timings {
                    for profile in [CalendarExport.Profile.full, .google, .outlook] {
                        let export = CalendarExport(records: [], period: nil, profile: profile, publicOnly: false)
                        for delimiter: Character in [",", ";", "\t", "é"] {
                            var bytes: [UInt8] = [1]
                            export.appendLine(record, timing, delimiter: delimiter, to: &bytes)
                            var expected: [UInt8] = [1]
                            CSVTable.appendLine(export.row(record, timing), delimiter: delimiter, to: &expected)
                            #expect(bytes == expected, "\(first.debugDescription) \(second.debugDescription)")
                        }
                    }
                }
            }
        }
    }

    /// Export's tie-break compares titles and ids by their bytes where that tells: always as
    /// the strings compare (accents precomposed or combining, marks that join the character
    /// before, a shared start).
    @Test func tieBreakComparesAsStrings() async {
        let prefixed = Self.text.map { "Activity 1" + $0 }
        await propertyCheck(count: 3000, input: prefixed, prefixed) { first, second in
            let expected = first < second ? -1 : second < first ? 1 : 0
            let got = Array(first.utf8).withUnsafeBufferPointer { left in
                Array(second.utf8).withUnsafeBufferPointer { right in TieBreak.compare(left, right) }
            }
            #expect(got == expected, "\(first.debugDescription) \(second.debugDescription)")
        }
    }

    @Test func categoryWordsAreSpacedAsBefore() async {
        let words = ["board", "-", "_", "--", "meeting", "Ünï", "-\u{301}", "_\u{301}"]
        let category = Gen.int(in: 0...(Self.pieces.count + words.count - 1)).array(of: 0...8).map { picks in
            picks.map { $0 < Self.pieces.count ? Self.pieces[$0] : words[$0 - Self.pieces.count] }.joined()
        }
        await propertyCheck(count: 1000, input: category) { category in
            #expect(
                ProjectConfig.spacedWords(category) == ProjectConfig.spacedWordsByFoundation(category),
                "\(category.debugDescription)")
        }
        for category in ["board-meeting", "field_visit", "-", "", "a-b_c"] {
            #expect(ProjectConfig.spacedWords(category) == ProjectConfig.spacedWordsByFoundation(category))
        }
    }

    @Test func markdownValuesAreEscapedAsBefore() async {
        await propertyCheck(count: 1000, input: Self.text) { text in
            #expect(MarkdownText.escape(text) == MarkdownText.escapeByCharacters(text), "\(text.debugDescription)")
        }
        for text in ["", "Plain title", "ünïcödé", "a \u{301}", " a", "a ", "1. a", "# a", "a\u{A0}", "a\u{301}"] {
            #expect(MarkdownText.escape(text) == MarkdownText.escapeByCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func firstSentencesAreFoundAsBefore() async {
        let sentences = [
            "Mr. Sojati met. Then", "e.g. This", "A. B", "Done! 2 more", "Why? \"Quoted\"", "\u{1C}", "x.\u{301} Y",
        ]
        let text = Gen.int(in: 0...(Self.pieces.count + sentences.count - 1)).array(of: 0...10).map { picks in
            picks.map { $0 < Self.pieces.count ? Self.pieces[$0] : sentences[$0 - Self.pieces.count] }.joined()
        }
        await propertyCheck(count: 2000, input: text) { text in
            #expect(FirstSentence.of(text) == FirstSentence.byCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func htmlIsSanitizedAsBefore() async {
        let tags = [
            "<td>", "</td>", "<a href=\"x\">", "<b x=1>", "<!-- c -->", "<script>", "<br/>", "<p", ">", "<",
            "<a href=\"", "\">", "https://e.org/a?b=1#c", "javascript:x", "HTTP:", "mailto:", "x:y/z", "/p:q", "%20",
            "&amp;", "\"", "'",
        ]
        let html = Gen.int(in: 0...(Self.pieces.count + tags.count - 1)).array(of: 0...12).map { picks in
            picks.map { $0 < Self.pieces.count ? Self.pieces[$0] : tags[$0 - Self.pieces.count] }.joined()
        }
        await propertyCheck(count: 2000, input: html) { html in
            #expect(HTMLText.sanitized(html) == HTMLText.sanitizedByCharacters(html), "\(html.debugDescription)")
        }
    }

    @Test func pageSectionsAreSplitAsBefore() async {
        await propertyCheck(count: 1000, input: Self.text.array(of: 0...4)) { texts in
            let html = texts.joined(separator: "<h2>")
            #expect(HTMLPage.sections(html) == HTMLPage.sectionsByCharacters(html), "\(html.debugDescription)")
        }
    }

    /// Series that end, that do not, that are cut at the occurrence limit, whole days and
    /// timed ones, with an exception.
    static let series = [
        "start: 2023-01-02\nrepeat: FREQ=WEEKLY;COUNT=30",
        "start: 2023-11-30\nend: 2023-12-02\nrepeat: FREQ=MONTHLY",
        "start: 2020-02-29T10:00\nend: 2020-02-29T12:00\ntimezone: Europe/Sarajevo\nrepeat: FREQ=YEARLY",
        "start: 2023-09-05\nrepeat: FREQ=DAILY;INTERVAL=3;UNTIL=20240110\nexcept: [2023-12-31, 2024-01-03]",
        "start: 1700-01-01\nrepeat: FREQ=DAILY",
        "start: 1750-03-01\nrepeat: FREQ=DAILY",
    ]

    @Test(arguments: series) func aSeriesExpandedOnceHasEachPeriodsOccurrences(_ timing: String) throws {
        let project = try TestProject(records: ["2023/series.yml": "id: series\ntitle: Series\n" + timing + "\n"])
        let loaded = try project.load()
        let record = try #require(loaded.records.first, "\(loaded.diagnostics)")
        let today = LocalDate(iso: "2024-02-15")!
        let periods =
            try ["2024-Q1", "2023-Q4", "2023", "2024-01", "2023-11", "1973", "2024", "2025-Q2"].map {
                try ReportPeriod.parse($0, today: today)
            } + [ReportPeriod(rangeFrom: LocalDate(iso: "2023-12-31")!, to: LocalDate(iso: "2024-01-01")!)]
        let expected = periods.map { record.expansion(touching: $0) }
        let got = record.expansions(touching: periods)
        #expect(got.map(\.occurrences) == expected.map(\.occurrences))
        #expect(got.map(\.isCut) == expected.map(\.isCut))
        if timing.hasPrefix("start: 17") { #expect(expected.contains { $0.isCut }) }
    }

    /// A series' last start read from its rule without libical is never before one libical
    /// finds, and the series has no more starts than the occurrence limit through it; rules
    /// it cannot read plainly (BY parts, months, years) get none.
    @Test func aSeriesBoundIsNeverBeforeALastStart() throws {
        let rules = [
            "FREQ=WEEKLY;COUNT=5", "FREQ=DAILY;INTERVAL=3;COUNT=10", "FREQ=DAILY;UNTIL=20240110",
            "FREQ=WEEKLY;UNTIL=20240110T235959Z", "FREQ=WEEKLY;INTERVAL=2;WKST=MO;COUNT=4", "FREQ=DAILY;UNTIL=20000101",
            "FREQ=WEEKLY;UNTIL=20231231T230000Z", "FREQ=DAILY;COUNT=100000", "FREQ=DAILY;COUNT=100001",
            "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5", "FREQ=MONTHLY;COUNT=3", "FREQ=YEARLY;UNTIL=20300101", "FREQ=DAILY",
        ]
        let starts = [
            ICalTime(year: 2023, month: 12, day: 31), ICalTime(year: 2024, month: 1, day: 10, hour: 23, minute: 30),
            ICalTime(year: 2001, month: 5, day: 5, hour: 0, minute: 0),
        ]
        var bounded = 0
        for text in rules {
            let rule = try #require(ICalRecurrence(text))
            for start in starts {
                let first = try #require(LocalDate(year: start.year, month: start.month, day: start.day)).dayNumber
                guard let bound = SeriesBound.lastStart(of: rule.description, from: first) else {
                    let plain = ["BY", "MONTHLY", "YEARLY", "COUNT=100001"].allSatisfy { !text.contains($0) }
                    #expect(!plain || text == "FREQ=DAILY", "\(text)")
                    continue
                }
                bounded += 1
                let all = rule.occurrences(
                    startingAt: start, through: ICalTime(year: 2400, month: 1, day: 1), limit: 100_002)
                let days = all.compactMap { LocalDate(year: $0.year, month: $0.month, day: $0.day)?.dayNumber }
                #expect((days.max() ?? first) <= bound, "\(text) from \(start)")
                #expect(days.filter { $0 <= bound }.count <= 100_000, "\(text) from \(start)")
            }
        }
        #expect(bounded >= 20)
    }
}

/// Ink reads a long report on two cores, split at a heading: the HTML is the one of the
/// whole text read at once.
@Suite struct MarkdownHTMLTests {
    /// Lines of Markdown, among them those that make a block run past a blank line (a line
    /// break at the end of a paragraph's line, HTML, code blocks, link definitions).
    static let lines = [
        "# Title", "## Section", "### Sub", "#NoSpace", "#\u{301} accent", "Text of a paragraph", "**bold** and *it",
        "_x_ ~~y~~", "- item", "- item  ", "  - nested", "1. one", "2) two", "| a | b |", "|---|---|", "| 1 | 2 |",
        "[link](https://x.example)", "[ref]: https://y.example", "see [ref][ref]", "![chart](a.svg)", "`code`",
        "```", "<b>bold</b>", "<p>", "> quote", "---", "***", "line break\\", "trailing  ", "é ü", "\u{301}", "",
        "", "", "\t tab", "[open", "close]", "(url)", "* star item", "+ plus",
    ]
    static let document = Gen.int(in: 0...(lines.count - 1)).array(of: 0...40).map { picks in
        picks.map { lines[$0] }.joined(separator: "\n")
    }

    /// Lines that leave a text splittable: blocks that end at a blank line, and lines that
    /// end a paragraph's line with a line break (two spaces, a backslash) before one.
    static let splittableLines = [
        "# Title", "## Section", "### Sub", "#NoSpace", "#\u{301} accent", "Text of a paragraph", "**bold** and *it",
        "_x_ ~~y~~", "- item", "- item  ", "  - nested", "1. one", "2) two", "| a | b |", "|---|---|", "| 1 | 2 |",
        "see [link](https://x.example)", "see [ref][ref]", "![chart](a.svg)", "an `inline` code", "---", "***",
        "line break\\", "trailing  ", "trailing tab\t", "é ü", "\u{301}", "", "", "", "\t tab", "a [open",
        "close] b", "(url)", "* star item", "+ plus", "## Heading *open", "text **open",
    ]
    static let splittable = Gen.int(in: 0...(splittableLines.count - 1)).array(of: 0...60).map { picks in
        "Intro\n\n" + picks.map { splittableLines[$0] }.joined(separator: "\n")
    }

    @Test func aSplittableTextIsReadAsAWhole() async {
        await propertyCheck(count: 3000, input: Self.splittable) { markdown in
            #expect(MarkdownHTML.html(from: markdown, splitSize: 0) == MarkdownHTML.whole(markdown), "\(markdown)")
        }
    }

    /// Many such texts are split (about half), so the property above compares halves with the whole.
    @Test func mostSplittableTextsAreSplit() {
        var state: UInt64 = 2024
        var split = 0
        for _ in 0..<500 {
            let picks = (0..<40).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(state >> 33) % Self.splittableLines.count
            }
            let markdown = "Intro\n\n" + picks.map { Self.splittableLines[$0] }.joined(separator: "\n")
            if MarkdownHTML.splitPoint(of: markdown) != nil { split += 1 }
            #expect(MarkdownHTML.html(from: markdown, splitSize: 0) == MarkdownHTML.whole(markdown), "\(markdown)")
        }
        #expect(split > 150, "\(split) of 500 texts split")
    }

    /// A text that Ink reads whole without failing: Ink stops on some that start with `-`
    /// (metadata it cannot finish), which are never split.
    static let readable = document.map { "Intro\n\n" + $0 }

    @Test func aSplitReportIsReadAsAWhole() async {
        await propertyCheck(count: 2000, input: Self.readable) { markdown in
            #expect(MarkdownHTML.html(from: markdown, splitSize: 0) == MarkdownHTML.whole(markdown), "\(markdown)")
        }
    }

    /// Pieces of a list item's or a table cell's text: plain words, the markup Almanac's
    /// templates write, and what Ink reads as more than itself.
    static let inlinePieces = [
        "Word", "ünïcödé", " ", "  ", ", ", ": ", "(1–2 Jan 2024)", "**", "*", "_", "~~", "`", "[", "]", "](",
        "(", ")", "https://x.example/a_b?c=1&d=2", "!", "![", "&", "& ", "&amp;", "&#92;", "\\", "\\|", "|", "<", ">",
        "\t", "\u{A0}", "\u{301}", "\u{600}", "#", "1. ", "- ", "---", ":", "'", "\"", "\u{2028}", "\u{1F600}",
    ]
    /// Lines of lists and tables, with plain text, bold text and links, and with any piece:
    /// the first pick chooses the shape, the others the pieces of up to four texts.
    static let reportLine = Gen.int(in: 0...999).array(of: 1...16).map { picks -> String in
        let pieces = picks.dropFirst().map { inlinePieces[$0 % inlinePieces.count] }
        let texts = stride(from: 0, to: max(pieces.count, 1), by: 4).map { pieces.dropFirst($0).prefix(4).joined() }
        let text = texts.joined()
        switch picks[0] % 10 {
        case 0: return "- **\(texts[0])** (\(texts.last!)): \(text)"
        case 1: return "- " + text
        case 2: return "| " + texts.joined(separator: " | ") + " |"
        case 3: return "| [\(texts[0])](https://x.example/\(texts.count)) | " + texts.joined(separator: "|") + "|"
        case 4: return "| --- | ---: |" + (texts.count > 2 ? " :-: |" : "")
        case 5: return "|" + text + "|"
        case 6: return "- [\(texts[0])](u\(texts.last!)) " + text
        case 7: return "| **\(texts[0])** | \(text) |"
        case 8: return "## " + text
        default: return ""
        }
    }
    static let reportLike = reportLine.array(of: 0...30).map { "Intro\n\n" + $0.joined(separator: "\n") }

    @Test func plainListsAndTablesAreWrittenAsInkWrites() async {
        await propertyCheck(count: 3000, input: Self.reportLike) { markdown in
            #expect(MarkdownHTML.html(from: markdown, splitSize: 0) == MarkdownHTML.whole(markdown), "\(markdown)")
        }
    }

    /// Report-like blocks are written without Ink, so the property above compares them with Ink.
    @Test func reportBlocksAreWrittenWithoutInk() {
        let blocks = [
            "- **Activity 3, with commas; and ünïcödé** (1–2 Jan 2024): Met to review the plan; O'Brien & Partners.\n"
                + "- **B** (3 Jan 2024): text",
            "| Dates | Activity | Place |\n| --- | --- | ---: |\n"
                + "| 1–2 Jan 2024 | [Activity 3024, ünïcödé](https://news.example.org/items/3024) | Tirana, Albania |\n"
                + "| 3 Jan 2024, 10:00–16:00 | Title (internal) |  |\n",
            "| a | b |\n| --- |\n| 1 |",
        ]
        for block in blocks {
            #expect(PlainMarkdown.html(block[...]) != nil, "\(block)")
            let markdown = "Intro\n\n" + block
            #expect(MarkdownHTML.html(from: markdown, splitSize: 0) == MarkdownHTML.whole(markdown), "\(markdown)")
        }
        // Ink reads a text that starts with `-` as one that may start with metadata.
        for markdown in ["Intro\n\n- item\n\n---\n---", "Intro\n\n| a |\n\n- x\n\n---\nk: v\n---\n"] {
            #expect(MarkdownHTML.html(from: markdown, splitSize: 0) == MarkdownHTML.whole(markdown), "\(markdown)")
        }
        for block in ["- a  b", "- *a*", "| a \\| b |", "- ![x](y)", "- a &amp; b", "| a | b", "- a\n* b", "-a"] {
            #expect(PlainMarkdown.html(block[...]) == nil, "\(block)")
        }
    }

    @Test func theBenchmarkReportIsSplit() throws {
        let markdown = (0..<50).map {
            "## Month \($0)\n\n- **A**: text\n- **B**: more text\n\n| a | b |\n| --- | --- |\n"
        }
        .joined(separator: "\n")
        let split = try #require(MarkdownHTML.splitPoint(of: markdown))
        #expect(markdown[split...].hasPrefix("## Month 2"))
        #expect(MarkdownHTML.html(from: markdown, splitSize: 0) == MarkdownHTML.whole(markdown))
        // Metadata may span blank lines; HTML may too.
        #expect(MarkdownHTML.splitPoint(of: "---\nkey: a\n\n## Heading\n\n---\n") == nil)
        #expect(MarkdownHTML.splitPoint(of: " - item\n\n## Heading\n") == nil)
        #expect(MarkdownHTML.splitPoint(of: "<div>\n\n## Heading\n\n</div>\n") == nil)
        #expect(MarkdownHTML.splitPoint(of: "Text\n\n## Heading\n") != nil)
    }
}
