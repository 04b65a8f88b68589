import Ink
import Testing

@testable import AlmanacModel
@testable import AlmanacReports

/// The HTML layer on its own: Ink's output for hostile Markdown, rewritten by
/// ``HTMLText/sanitized(_:)``.
@Suite struct HTMLTextTests {
    @Test func attributeBreakoutInALinkLosesItsHandler() {
        let ink = MarkdownParser().html(from: #"[x](https://ok.example/"autofocus/onfocus="alert(1))"#)
        #expect(ink.contains("onfocus=\"alert(1)\""), "Ink itself is expected to leave this open: \(ink)")
        let safe = HTMLText.sanitized(ink)
        #expect(!safe.contains("onfocus") && !safe.contains("autofocus"))
        #expect(safe.contains(#"<a href="https://ok.example/">x</a>"#))
    }

    @Test func scriptsFramesCommentsAndForeignSchemesBecomeText() {
        let safe = HTMLText.sanitized(
            #"""
            <p>a<script>alert(1)</script><iframe src="x"></iframe><a href="javascript:alert(2)">j</a>\#
            <a href="JaVaScRiPt&#58;alert(3)">k</a><img src="data:image/png;base64,AA" alt="ok" onerror="alert(4)">\#
            <!-- <script> --></p>
            """#
        )
        #expect(
            safe
                == #"""
                <p>a&lt;script&gt;alert(1)&lt;/script&gt;&lt;iframe src=&quot;x&quot;&gt;&lt;/iframe&gt;\#
                <a>j</a><a>k</a><img src="data:image/png;base64,AA" alt="ok">&lt;!-- &lt;script&gt; --&gt;</p>
                """#
        )
    }

    @Test func attributeValuesAreEscapedOnce() {
        #expect(
            HTMLText.sanitized(#"<a href="https://x.example/?a=1&amp;b=2" title='say "hi" &lt;b&gt;'>t</a>"#)
                == #"<a href="https://x.example/?a=1&amp;b=2" title="say &quot;hi&quot; &lt;b&gt;">t</a>"#)
        #expect(HTMLText.escapeAttribute("a\"b'c<d>&e\u{1B}") == "a&quot;b&#39;c&lt;d&gt;&amp;e")
    }

    @Test func aLoneLessThanIsText() {
        #expect(HTMLText.sanitized("<p>1 < 2 and <3</p>") == "<p>1 &lt; 2 and &lt;3</p>")
    }

    @Test func everyPageGetsThePolicyOnce() {
        let page = "<html><head><title>t</title></head><body></body></html>"
        let once = HTMLText.withContentSecurityPolicy(page)
        #expect(once.hasPrefix("<html><head>\n<meta http-equiv=\"Content-Security-Policy\""))
        #expect(HTMLText.withContentSecurityPolicy(once) == once)
        #expect(HTMLText.withContentSecurityPolicy("<p>x</p>").hasPrefix("<meta http-equiv"))
    }
}

@Suite struct ControlCharacterTests {
    @Test func terminalCommandsAreFoundWithTheirPlaceAndShownVisibly() {
        let (found, count) = ControlCharacters.scan("ok\r\nab\u{1B}[31m\tc\u{07}\n\u{9B}2J")
        #expect(count == 3)
        #expect(found.map { "\($0.line):\($0.column)" } == ["2:3", "2:10", "3:1"])
        #expect(ControlCharacters.visible("a\u{1B}[2Jb\u{7F}\u{9B}") == "a\u{241B}[2Jb\u{2421}\\u{9B}")
        #expect(ControlCharacters.removed(from: "a\u{1B}b\r\nc\u{07}") == "ab\nc")
    }

    @Test func floodsOfOneKindAreCounted() {
        let diagnostics =
            (1...25).map {
                Diagnostic.warning(
                    SourceLocation(file: "/f.csv", line: $0 + 1),
                    "row \($0 + 1) has 3 cells but the header names 2 columns")
            }
            + [Diagnostic.error(SourceLocation(file: "/f.csv", line: 30), "the start 'x' is not a date")]
        let condensed = diagnostics.condensed()
        #expect(condensed.count == 12)
        #expect(
            condensed.contains {
                $0.message == "15 more like this, from here on: row 12 has 3 cells but the header names 2 columns"
                    && $0.location.line == 12
            })
    }
}
