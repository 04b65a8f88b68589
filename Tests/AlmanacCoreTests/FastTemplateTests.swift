import Testing

@testable import AlmanacModel
@testable import AlmanacReports

/// ``FastTemplate`` renders what swift-mustache renders: on random templates of text,
/// variables, sections, inverted sections, comments, dotted names, transforms and missing
/// names, with and without the Markdown content type, over values of every kind a report has.
@Suite struct FastTemplateTests {
    /// A value with fields by name, as a report's values are.
    struct Probe: TemplateFields {
        var values: [String: TemplateField]
        func field(_ key: String) -> TemplateField? { values[key] }
    }

    static var inner: Probe {
        Probe(values: [
            "s": .text("in <b> & 'q'"), "n": .number(7), "t": .flag(true),
            "o": .fields(Probe(values: ["s": .text("deep *x*"), "f": .flag(false)])),
        ])
    }
    static var root: Probe {
        Probe(values: [
            "s": .text("A & <b> \"q\" 'q' *x* | [l](u)"), "e": .text(""), "n": .number(3), "z": .number(0),
            "t": .flag(true), "f": .flag(false), "o": .fields(inner),
            "l": .list([
                Probe(values: ["s": .text("one"), "n": .number(1), "t": .flag(false)]),
                Probe(values: ["s": .text("# two"), "u": .text("x_y")]), inner,
            ]),
            "el": .list([]), "ts": .texts(["x", "y & z"]), "ets": .texts([]), "oth": .other(Figure.activities),
            "lead": .text(" 1. lead"), "accent": .text("'\u{301} é"),
        ])
    }

    static let names = [
        "s", "e", "n", "z", "t", "f", "o", "l", "el", "ts", "ets", "missing", "o.s", "o.n", "o.o.s", "o.o.f", "l.s",
        ".", "s.x", ".s", ".o.s", "o.missing", "empty(l)", "empty(el)", "count(l)", "empty(s)", "empty(e)",
        "equalzero(n)", "equalzero(z)", "odd(n)", "even(n)", "empty(ts)", "count(ets)", "empty(t)", "empty(o)",
        "oth", "first(l)", "lowercased(s)", "u", "lead", "accent", "empty(count(l))", "nosuch(l)", "plusone(n)",
    ]
    static let texts = ["a", " ", "  ", "\n", "\n", "\r\n", "\t", "|", "<", "&", "'", "x y", "é", "\u{301}", "# "]

    /// A random template of at most `depth` nested sections.
    static func template(_ random: inout some RandomNumberGenerator, depth: Int) -> String {
        var result = ""
        for _ in 0..<Int.random(in: 0...7, using: &random) {
            let name = names.randomElement(using: &random)!
            switch Int.random(in: 0...9, using: &random) {
            case 0...2: result += texts.randomElement(using: &random)!
            case 3: result += "{{\(name)}}"
            case 4: result += ["{{{\(name)}}}", "{{& \(name)}}", "{{ \(name) }}"].randomElement(using: &random)!
            case 5...6 where depth > 0:
                let open = Bool.random(using: &random) ? "#" : "^"
                let newline = Bool.random(using: &random) ? "\n" : ""
                result += "{{\(open)\(name)}}\(newline)" + template(&random, depth: depth - 1)
                result += "\(newline){{/\(name)}}\(Bool.random(using: &random) ? "\n" : "")"
            case 7: result += Bool.random(using: &random) ? "{{! a comment }}" : "\n{{! a comment }}\n"
            default: result += texts.randomElement(using: &random)!
            }
        }
        return result
    }

    @Test func randomTemplatesRenderAsSwiftMustacheRendersThem() throws {
        var random = SplitMix(seed: 13)
        var fast = 0
        let count = 4000
        for _ in 0..<count {
            let source = Self.template(&random, depth: 3)
            for isMarkdown in [false, true] {
                // swift-mustache refuses a few (a section inside one of the same name, closed on one line).
                guard let library = try? TemplateLibrary(source: source, isMarkdown: isMarkdown) else { continue }
                let expected = try library.renderWithMustache(Self.root)
                guard let template = library.fast else {
                    Issue.record("not in the subset: \(source.debugDescription)")
                    continue
                }
                if let text = template.render(Self.root) {
                    fast += 1
                    #expect(text == expected, "\(source.debugDescription), Markdown \(isMarkdown)")
                }
                #expect(try library.render(Self.root) == expected)
            }
        }
        // Most take the fast path; the others (values of another type, rarer transforms) fall back.
        #expect(fast > count)
    }

    @Test func partialsAreLeftToSwiftMustache() throws {
        let library = try TemplateLibrary(source: "a {{> other}} b", isMarkdown: true)
        #expect(library.fast == nil)
        #expect(try library.render(Self.root) == "a  b")
    }

    @Test func theBuiltInTemplatesAreInTheSubset() throws {
        for file in ["report.md.mustache", "report.html.mustache", "checklist.md.mustache"] {
            #expect(try TemplateLibrary.load(nil, orBundled: file).fast != nil, "\(file)")
        }
    }

    @Test func htmlIsEscapedAsSwiftMustacheEscapesIt() throws {
        let library = try TemplateLibrary(source: "{{s}}", isMarkdown: false)
        for text in ["", "plain", "<&>\"'", "'\u{301}", "<\u{338}", "a\r\nb", "&amp;", "é<"] {
            let context = Probe(values: ["s": .text(text)])
            #expect(
                library.fast?.render(context) == (try library.renderWithMustache(context)), "\(text.debugDescription)")
        }
    }

    /// A small seeded generator, so that every run tries the same templates.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

/// A report is searched for a footnote's words by bytes first: what that rules out,
/// Foundation's search does not find either.
@Suite struct FootnoteSearchTests {
    static let pieces = [
        "Kosovo", "kosovo", "KOSOVO", "Kosova", "Kosövo", "Ko\u{AD}sovo", "Koso\u{301}vo", "K", "o", "s", "v", "ß",
        "ﬃ", "ﬁ", "ﬀ", "ẞ", "é", "ü", "–", " ", "\n", "*", "Pristina", "Ko", "sovo", "\u{212A}", "ſ", "Ｋ", "İ",
        "ŉ", "\u{1F600}", "ǰ", "a", "x",
    ]
    static let words = ["Kosovo", "kosovo*", "ss", "ffi", "fi", "strasse", "Pristina", "j", "n", "ki", "a b", "ö"]

    @Test func whatTheBytesRuleOutIsNotThere() {
        var random = FastTemplateTests.SplitMix(seed: 5)
        var ruledOut = 0
        for _ in 0..<20000 {
            let report = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                Self.pieces.randomElement(using: &random)!
            }.joined()
            let word = Self.words.randomElement(using: &random)!
            let mentions = Footnote.mentions(report, word)
            if !Footnote.mayMention(report, word) {
                ruledOut += 1
                #expect(!mentions, "\(report.debugDescription) \(word)")
            }
            let footnote = Footnote(text: "*Note.", when: [word])
            #expect(footnote.applies(to: report) == mentions, "\(report.debugDescription) \(word)")
        }
        #expect(ruledOut > 5000)
    }

    @Test func aLongReportWithoutTheWordIsRuledOut() {
        let line = "| 5–6 Sep 2024 | Activity 2, with commas; and ünïcödé | Tirana, Albania |\n"
        let report = String(repeating: line, count: 500)
        #expect(!Footnote.mayMention(report, "Kosovo"))
        #expect(Footnote.mayMention(report + "Kosövo", "Kosovo") == true)
    }
}
