import Foundation
import PropertyBased
import Testing

@testable import AlmanacModel
@testable import AlmanacRecords

/// A record file read without YAML (`PlainRecordText`) gives the draft that YAML's reading
/// gives, or is left to it: the same values, origins and order, for any text.
@Suite struct PlainRecordYAMLTests {
    /// The draft as YAML reads it, nil when YAML's reading reports anything.
    static func generalDraft(_ text: String) -> RecordDraft? {
        var diagnostics: [Diagnostic] = []
        guard let file = YAMLFile.parse(text, path: "/p/events/a.yml", diagnostics: &diagnostics),
            let draft = YAMLRecordSource(fallbackID: "derived").draft(of: file, diagnostics: &diagnostics),
            diagnostics.isEmpty
        else { return nil }
        return draft
    }

    static func plainDraft(_ text: String) -> RecordDraft? {
        PlainRecordText.draft(of: text, path: "/p/events/a.yml", fallbackID: { "derived" })
    }

    /// Everything a draft holds, as text; the fallback id only when the record has no id
    /// (the checker reads it only then).
    static func describe(_ draft: RecordDraft) -> String {
        func describe(_ value: DraftValue) -> String {
            let content: String
            switch value.content {
            case .text(let text): content = "text(\(text.debugDescription))"
            case .date(let date): content = "date(\(date))"
            case .list(let items): content = "list(\(items.map(\.debugDescription).joined(separator: ",")))"
            case .parts(let parts):
                let given = RecordSchema.locationParts.compactMap { field in
                    parts[field].map { "\(field.key)=text(\($0.text.debugDescription)) at \($0.origin)" }
                }
                content = "parts(\(given))"
            }
            return "\(content) at \(value.origin) value at \(value.valueOrigin) label \(value.label ?? "-")"
        }
        var lines = ["origin \(draft.origin) path \(draft.path) policy \(draft.policy)"]
        if !draft.has(RecordSchema.id) { lines.append("fallback \(draft.fallbackID)") }
        for field in RecordSchema.fields + RecordSchema.locationParts {
            if let entry = draft[field] { lines.append("\(field.key): \(describe(entry))") }
        }
        return lines.joined(separator: "\n")
    }

    /// Lines of record files, right and wrong: keys known and unknown, every way of writing a
    /// value, the lines below a key, and what YAML reads differently.
    static let keys = [
        "id", "title", "start", "end", "timezone", "location", "geo", "category", "tags", "organisations",
        "participants", "summary", "source", "url", "repeat", "except", "status", "bogus", "Title", "city",
    ]
    static let values = [
        "Board meeting", "2024-03-05", "2024-03-05T10:00", "https://x.org/a#b", "a: b", "a:b", "a #b", "a#b", "null",
        "Null", "~", "-5", "- x", "-x", "C'est", "x  y", "x ", " x", "", "ünïcödé", "'quoted'", "'it''s'", "''",
        "'''", "'unterminated", "'a' ", "'a' # c", "'a'b", "\"dq\"", "[a, b]", "[a,b]", "[ a, b]", "[ a ]", "[]",
        "['x', y]", "['x' , y]", "[a, [b]]", "[a: b]", "[a:b]", "[a, b", "[a, ]", "[a,,b]", "[a #b]", "[44.8, -20.5]",
        "[a, b] ", "[a, b]x", "|", "|-", "|+", "|2", ">", "| # c", "&a x", "*a", "!tag x", "!!str x", "{a: b}",
        "@x", "`x", "%x", "?x", "? x", ":x", "10:00", "Tirana", "x # c", "x\ty", "a\u{85}b", "a\u{2028}b",
        "\u{FEFF}x", "a\u{FFFE}", "a\u{1B}b", "a\u{9B}b", "a\u{7F}", "(x)", ".x", "...", "/x", "_x", "+1", "$x",
        "x\\y", "'x\\y'", "é'x'", "a, b", "a [b]", "a {b}", "\"a\\tb\"",
        // What YAML 1.1 and 1.2 resolve to other types: read as written, or left to YAML.
        "yes", "No", "on", "OFF", "true", "False", "y", "1e3", "0x1F", "0o17", "017", ".inf", "-.Inf", ".NaN",
        "1_000", "12:30:00", "2024-03-05 10:00:00 +01:00", "=", "<<",
    ]
    static let usualValues = [
        "Board meeting", "2024-03-05", "2024-03-05T10:00", "https://x.org/a#b", "a:b", "a#b", "-5", "C'est", "x  y",
        "ünïcödé", "'quoted'", "'it''s'", "''", "10:00", "Tirana", "(x)", ".x", "/x", "_x", "+1", "x\\y", "a, b",
        "a [b]", "'a: b # c'",
    ]
    static let below = [
        "  city: Tirana", "  country: 'Albania'", "  venue: A: b", "  venue: x y", "   city: x", " city: x",
        "  text line", "    more text", "  # not a comment", "  'quoted' line", "  line:  with: colons", "", "  ",
        "   ", "# comment", "---", "...", "\tx: y", " x: y", "  - item", "  bogus: x", "  city:", "  city: [a]",
        "  city: |", "  city: null", "  country: ~", "x: y", "  a\u{2028}b", "  a\u{85}b",
    ]

    /// A line: mostly a known key with a usual value, often a tricky value, a key alone, or
    /// a line that belongs below a key (or does not); a known key is rarely used twice.
    static func line(_ pick: [Int]) -> String {
        let key = keys[pick[1] % (pick[0] % 10 == 0 ? keys.count : 17)]
        switch pick[0] % 8 {
        case 0, 1, 2: return key + ": " + usualValues[pick[2] % usualValues.count]
        case 3, 4: return key + ": " + values[pick[2] % values.count]
        case 5: return key + ":" + (pick[2] % 4 == 0 ? " " : "")
        default: return below[pick[2] % below.count]
        }
    }

    static let anyText = Gen.int(in: 0...999).array(of: 3...3).array(of: 0...8).map { picks in
        var used: Set<Int> = []
        let lines = picks.filter { $0[0] % 8 > 4 || $0[0] % 10 == 0 || used.insert($0[1] % 17).inserted }
        return lines.map(line).joined(separator: "\n") + (picks.count % 2 == 0 ? "\n" : "")
    }

    /// Files such as people and Almanac write: known keys once each, in any order, with
    /// values mostly plain, lines below `location` and the prose fields.
    static let likelyText = Gen.int(in: 0...999).array(of: 4...4).array(of: 1...12).map { picks in
        var lines: [String] = []
        var used: Set<String> = []
        for pick in picks {
            let key = keys[pick[0] % 17]
            guard used.insert(key).inserted else { continue }
            switch key {
            case "location" where pick[1] % 2 == 0:
                lines.append("location:")
                lines += below[0..<5].shuffled().prefix(1 + pick[2] % 3).map { $0 }
            case "summary", "source":
                lines.append(key + ": |")
                let indentation = String(repeating: " ", count: 1 + pick[1] % 4)
                for index in 0...(pick[2] % 4) {
                    lines.append(
                        index == 2 ? "" : indentation + ["Text # with: all", "  more", "'q'"][(pick[3] + index) % 3])
                }
            case "tags", "organisations", "except", "geo":
                lines.append(key + ": " + ["[RCC, DCAF]", "['a''b', c d]", "[]", "[44.8, -20.5]", "x"][pick[1] % 5])
            default:
                lines.append(key + ": " + usualValues[pick[1] % usualValues.count])
            }
            if pick[3] % 5 == 0 { lines.append("") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func compare(_ text: String) -> Bool {
        guard let plain = plainDraft(text) else { return false }
        let general = generalDraft(text)
        #expect(general != nil, "YAML reports something in \(text.debugDescription)")
        if let general { #expect(describe(plain) == describe(general), "\(text.debugDescription)") }
        return true
    }

    @Test func anyTextIsReadAsYAMLReadsIt() async {
        var read = 0
        await propertyCheck(count: 5000, input: Self.anyText) { text in
            if Self.compare(text) { read += 1 }
        }
        // Some are in the plain layout (most are not, and are left to YAML).
        #expect(read > 300)
    }

    @Test func usualRecordsAreReadWithoutYAML() async {
        var read = 0
        var all = 0
        await propertyCheck(count: 1000, input: Self.likelyText) { text in
            all += 1
            if Self.compare(text) { read += 1 }
        }
        // Most of them are in the plain layout; the property above holds for those.
        #expect(read * 2 > all)
    }

    @Test(arguments: [
        // The benchmark's layout.
        """
        id: a3776
        title: 'Activity 3776, with commas; and ünïcödé'
        category: meeting
        location:
          city: Tirana
          country: Albania
        organisations: [RCC, DCAF]
        url: https://news.example.org/items/3776
        summary: 'Representatives met; they agreed'
        start: 2001-03-25
        end: 2001-03-26

        """,
        // As Almanac writes a record.
        """
        id: board-7
        title: 7th IISG Board meeting
        start: 2024-03-05T10:00
        end: '16:00'
        location: Hotel Europe, Sarajevo
        tags: [board, 'yes']
        summary: |
          The board met.

            Indented: kept.
          Last line.


        status: confirmed

        """,
        "\n\ntitle: x\nstart: 2024-01-01",
    ])
    func writtenRecordsAreReadWithoutYAML(_ text: String) {
        #expect(Self.compare(text))
    }

    @Test(arguments: [
        "title: x # y\nstart: 2024-01-01\n", "title: x\nstart: 2024-01-01\ntitle: y\n", "title: x\nbogus: 1\n",
        "title: x\n# comment\n", "title: x\nstart:\n", "title: 'x'\r\nstart: 2024-01-01\r\n", "", "\n",
        "title: \"x\"\n", "title: x\n  y\n", "title: |\n  x", "tags:\n  - a\n",
    ])
    func otherFilesAreLeftToYAML(_ text: String) {
        #expect(Self.plainDraft(text) == nil)
    }
}
