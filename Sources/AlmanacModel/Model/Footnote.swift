import Foundation

/// A note at the foot of reports, shown always or only when the report mentions one of `when`.
public struct Footnote: Hashable, Sendable {
    public var text: String
    /// Words that call for the note ("Kosovo"); empty: always shown.
    public var when: [String]
    /// What reports print after a country that `when` names, so that the note's own mark
    /// refers to it: "*" makes "Kosovo*" of "Kosovo". By default the marks the text starts
    /// with ("*This designation …" gives "*"); empty: none.
    public var marker: String

    public init(text: String, when: [String] = [], marker: String? = nil) {
        self.text = text
        self.when = when
        self.marker = marker ?? Self.leadingMarker(of: text)
    }

    /// Whether `report` calls for the note: it mentions one of `when` (case ignored), or `when` is empty.
    public func applies(to report: String) -> Bool {
        when.isEmpty || when.contains { Self.mayMention(report, $0) && Self.mentions(report, $0) }
    }

    /// Whether `report` holds `word`, case and accents ignored (Foundation's search).
    static func mentions(_ report: String, _ word: String) -> Bool {
        report.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    /// False when `report` cannot hold `word` (printable ASCII), case and accents ignored, as
    /// told from its bytes; true when it may, or when `word` is not such a word. Foundation's
    /// search reads a report of 10^5 activities for ~170 M instructions when it does not
    /// mention the word (the usual case); this reads each byte once. An ASCII byte can stand
    /// only for itself, in either case; a character beyond ASCII is taken to stand for any
    /// letters, at most as many as its bytes (case folding makes at most three of one: "ﬃ"
    /// of three bytes), or for none (an accent), so that a word this rules out is not there.
    static func mayMention(_ report: String, _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard !needle.isEmpty, needle.count < 63, needle.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            return true
        }
        // For each byte, the positions of the word it may stand at.
        var positions = [UInt64](repeating: 0, count: 128)
        for (index, byte) in needle.enumerated() {
            positions[Int(lowercased(byte))] |= 1 << UInt64(index)
        }
        let found: UInt64 = 1 << UInt64(needle.count)
        let width: UInt64 = (found << 1) - 1
        // Bit i: the word's first i bytes may end here.
        var states: UInt64 = 1
        var pendingBeyondASCII = 0
        let reachedEnd = report.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes {
                if byte >= 0x80 {
                    pendingBeyondASCII += 1
                    continue
                }
                if pendingBeyondASCII > 0 {
                    for _ in 0..<min(pendingBeyondASCII, needle.count) { states |= (states << 1) & width }
                    if states & found != 0 { return false }
                    pendingBeyondASCII = 0
                }
                states = ((states & positions[Int(lowercased(byte))]) << 1) | 1
                if states & found != 0 { return false }
            }
            if pendingBeyondASCII > 0 {
                for _ in 0..<min(pendingBeyondASCII, needle.count) { states |= (states << 1) & width }
            }
            return states & found == 0
        }
        guard let reachedEnd else { return true }
        return !reachedEnd
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// The marks a note's text starts with: "*" of "*This designation …", "†" of "† Hosted …";
    /// empty when it starts with a word or a number.
    static func leadingMarker(of text: String) -> String {
        String(
            text.prefix {
                !$0.isLetter && !$0.isWhitespace && !($0.isASCII && $0.isNumber) && !"\"'([{«“‘-".contains($0)
            })
    }

    /// `country` as reports print it: with the marker of the first of `footnotes` whose
    /// `when` names it ("Kosovo", "Kosova" or "Kosovo*" → "Kosovo*" with the default
    /// footnote), and without a trailing "*" when none does, so that a mark never refers to
    /// a note that is not there.
    public static func designated(_ country: String, by footnotes: [Footnote]) -> String {
        let name = Countries.withoutMarker(country)
        guard !name.isEmpty else { return country }
        let key = Gazetteer.key(name)
        let known = Countries.bundled.country(named: name)
        for footnote in footnotes where !footnote.marker.isEmpty {
            let names = footnote.when.contains { word in
                let word = Countries.withoutMarker(word)
                return Gazetteer.key(word) == key
                    || (known != nil && Countries.bundled.country(named: word)?.iso == known?.iso)
            }
            if names { return name + footnote.marker }
        }
        return name
    }

    /// `text`, a place written as one line ("Pristina, Kosovo"), with the mark of each of
    /// `footnotes` after the countries among its `when` words, in any of their spellings:
    /// "Pristina, Kosovo*". Words that are not countries are left alone.
    public static func designated(text: String, by footnotes: [Footnote]) -> String {
        // Offsets (in UTF-16 units) after which a mark goes, and the mark.
        var marks: [Int: String] = [:]
        let utf16 = text.utf16
        for footnote in footnotes where !footnote.marker.isEmpty {
            for word in footnote.when {
                guard let country = Countries.bundled.country(named: Countries.withoutMarker(word)) else { continue }
                let spellings = Set(
                    ([word, country.name] + country.alternatives).map(Countries.withoutMarker).filter { !$0.isEmpty })
                for spelling in spellings {
                    var searchStart = text.startIndex
                    while let range = text.range(
                        of: spelling, options: [.caseInsensitive, .diacriticInsensitive],
                        range: searchStart..<text.endIndex)
                    {
                        searchStart = range.upperBound
                        let before =
                            range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                        let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                        guard before.map({ !$0.isLetter && !$0.isNumber }) ?? true,
                            after.map({
                                !$0.isLetter && !$0.isNumber && $0 != "*" && !footnote.marker.hasPrefix(String($0))
                            })
                                ?? true
                        else { continue }
                        let offset = utf16.distance(from: utf16.startIndex, to: range.upperBound)
                        if marks[offset] == nil { marks[offset] = footnote.marker }
                    }
                }
            }
        }
        guard !marks.isEmpty else { return text }
        var result = ""
        var previous = text.startIndex
        for (offset, mark) in marks.sorted(by: { $0.key < $1.key }) {
            let index = utf16.index(utf16.startIndex, offsetBy: offset)
            result += text[previous..<index] + mark
            previous = index
        }
        return result + text[previous...]
    }
}
