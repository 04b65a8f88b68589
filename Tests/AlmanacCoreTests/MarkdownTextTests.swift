import AlmanacModel
import AlmanacReports
import Testing

@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("O'Brien & Partners", "O'Brien & Partners"),
        ("A | B", "A \\| B"),
        ("first line\nsecond line\r\nthird", "first line second line third"),
        ("*bold* _it_ `code` [link](x) <b> ~x~", "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> \\~x\\~"),
        ("back\\slash", "back&#92;slash"),
        ("&amp; and &#38; and & alone", "&amp;amp; and &amp;#38; and & alone"),
        ("# not a heading", "\\# not a heading"),
        ("#hashtag", "#hashtag"),
        ("- not a list", "\\- not a list"),
        ("-5", "-5"),
        ("+3", "+3"),
        ("---", "\\---"),
        ("2023. A year", "2023\\. A year"),
        ("1.5 days", "1.5 days"),
        ("Kosovo*", "Kosovo\\*"),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }
}
