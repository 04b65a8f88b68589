import Foundation
import PropertyBased
import Testing

@testable import AlmanacFeeds
@testable import AlmanacModel
@testable import AlmanacRecords

/// The byte-level shortcuts taken for big CSV logs give exactly what the general code gives.
@Suite struct FastPathTests {
    /// Pieces of dates, times and text around them.
    static let pieces = [
        "2023", "0999", "12", "02", "29", "30", "1", "-", ":", "T", " ", "00", "23", "59", "60", "24", "+1", "ș",
        "\r\n",
        "\t", "a", "Z", "\u{85}", "\u{A0}", "\u{1B}", "\u{9B}", "\r", "\n", "\u{7F}", "é",
    ]
    static let text = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...9).map { picks in
        picks.map { pieces[$0] }.joined()
    }

    /// `LocalDate(iso:)` as it was before its shortcut.
    static func referenceDate(_ text: String) -> LocalDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// `LocalDateTime(iso:)` as it was before its shortcut.
    static func referenceDateTime(_ text: String) -> LocalDateTime? {
        guard text.count >= 16 else { return nil }
        let separator = text[text.index(text.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == " ", let date = referenceDate(String(text.prefix(10))),
            let time = LocalDateTime.timeOfDayInParts(text.dropFirst(11))
        else { return nil }
        return LocalDateTime(date: date, hour: time / 60, minute: time % 60)
    }

    @Test(arguments: [
        "2023-09-05", "2024-02-29", "2023-02-29", "2023-13-01", "2023-00-10", "0000-01-01", "2023-9-05", "+202-01-01",
        "2023-+1-05", "2023-09-05T10:00", "2023-09-05 23:59", "2023-09-05T24:00", "2023-09-05T10:60",
        "2023-09-05T10:00:00", "2023-09-05T10:00:30", "2023-09-05t10:00", "2023-09-05T10:00Z", "10:00", "10:00:00",
        "9:00", "23:59", "24:00", "10:0a", "",
    ])
    func datesAndTimesAreReadAsBefore(_ text: String) {
        #expect(LocalDate(iso: text) == Self.referenceDate(text))
        #expect(LocalDate(iso: Substring(text)) == Self.referenceDate(text))
        #expect(LocalDateTime(iso: text) == Self.referenceDateTime(text))
        #expect(LocalDateTime.timeOfDay(text) == LocalDateTime.timeOfDayInParts(text))
    }

    @Test func anyTextIsReadAsBefore() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            #expect(LocalDate(iso: text) == Self.referenceDate(text), "\(text.debugDescription)")
            #expect(LocalDateTime(iso: text) == Self.referenceDateTime(text), "\(text.debugDescription)")
            #expect(LocalDateTime.timeOfDay(text) == LocalDateTime.timeOfDayInParts(text), "\(text.debugDescription)")
            // Trimming is what Foundation's is.
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmedSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            // The control-character scan finds what a scalar-by-scalar look finds.
            let forbidden = text.unicodeScalars.filter { ControlCharacters.isForbidden($0) && $0 != "\r" }.count
            #expect(ControlCharacters.scan(text).count == forbidden, "\(text.debugDescription)")
        }
    }

    @Test(arguments: [-10_000, -1, 0, 1, 59, 60, 365, 10_956, 19_000, 2_932_896, 2_932_897, 3_000_000])
    func datesAreWrittenAsBefore(_ dayNumber: Int) {
        for offset in 0..<400 {
            let date = LocalDate(dayNumber: dayNumber + offset)
            let (y, m, d) = date.components
            #expect(date.description == "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))")
        }
    }

    @Test(arguments: [
        "https://news.example.org/items/0", "http://a.b", "https://example.org", "https://example.org/",
        "https://example.org?q=1", "https://example.org#top", "https://ex-ample.org/a_b~c/d.e?x=1&y=2;z#f/g?h",
        "https://example.org/a%20b", "https://example.org/a%2", "https://example.org/a%zz", "https://example.org/%",
        "https://example.org/a#b#c", "https://user@example.org/", "https://user:pw@example.org/",
        "https://example.org:8080/", "https://example.org:port/", "https://-example.org/", "https://example-/",
        "https://.example.org/", "https://example.org./", "https://", "https:///path", "http:/example.org",
        "HTTPS://example.org/", "ftp://example.org/", "mailto:a@example.org", "https://exa mple.org/",
        "https://example.org/a b", "https://example.org/\"q\"", "https://example.org/<a>",
        "https://example.org/[1]", "https://[::1]/", "https://example.org/{x}|^", "https://sr.example/вести",
        "https://пример.рф/", "https://example.org/path/@user:1/!$&'()*+,;=", "https://example.org/a\\b",
        "https://example.org/`", "https://1.2.3.4/", "https://example.org/\u{7F}", "", "not a url",
        "https://example.org/?a=%41%62", "https://b@", "https://example.org@evil.example/",
    ])
    func webAddressesAreJudgedAsBefore(_ url: String) {
        #expect(RecordLimits.problem(withWebAddress: url) == RecordLimits.problemInParts(withWebAddress: url))
        if RecordLimits.isPlainWebAddress(url) { #expect(RecordLimits.problemInParts(withWebAddress: url) == nil) }
    }

    @Test(arguments: [
        "10:00", "10:00:00", "10:00:30", "9:30", "09:30", "23:59", "24:00", "12:60", "+1:30", "-1:30", "10:00 AM",
        "12:00:00 PM", "12:00 am", "1:5", "10::00", ":10:00", "10:00:", "10:00:00:00", "", "10", "１０:００", "10:0٠",
    ])
    func clockCellsAreReadAsBefore(_ text: String) {
        #expect(CSVRowConverter.timeOfDay(text) == CSVRowConverter.clockTime(text))
    }

    @Test func anyClockCellIsReadAsBefore() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            #expect(CSVRowConverter.timeOfDay(text) == CSVRowConverter.clockTime(text), "\(text.debugDescription)")
            #expect(CSVRowConverter.Field(name: text) == nil || CSVColumns.fields.contains(text))
        }
        for field in CSVRowConverter.Field.allCases { #expect(CSVRowConverter.Field(name: field.name) == field) }
        #expect(CSVRowConverter.Field(name: "ignore") == nil && CSVRowConverter.Field(name: "source-note") == nil)
    }

    /// `NameKey.of` as it was before it wrote its key directly, for ASCII names.
    static func referenceNameKey(_ name: String) -> String {
        var ascii: [UInt8] = []
        for byte in name.utf8 { ascii.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        var trimmed = ascii.drop(while: isSpace)
        while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
        if trimmed.starts(with: "the ".utf8) { trimmed.removeFirst(4) }
        return String(decoding: trimmed, as: UTF8.self)
    }

    @Test(arguments: [
        "Sarajevo", "The Hague", "  the  Hague ", "THE HAGUE", "the", "the ", " the x", "thex", "", " ", "\t\n",
        "Bosnia and Herzegovina", "Theresienstadt", "North\tMacedonia\r\n",
    ])
    func asciiNameKeysAreAsBefore(_ name: String) {
        #expect(Gazetteer.key(name) == Self.referenceNameKey(name))
    }

    @Test func permutingInPlaceGivesTheSortedOrder() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...50).array(of: 0...40)) { values in
            var items = values
            let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
            items.permute(into: order)
            #expect(items == order.map { values[$0] })
        }
    }
}

extension FastPathTests {
    @Test(arguments: [
        "RCC; DCAF", "RCC, DCAF", "a;b,c", " a ;; b ; ", ",,,", "", "one", "Ministry of Interior, Serbia; EU",
        "a\r\n;b", "ș; b", "a,\tb", "a;\u{0301}b",
    ])
    func listCellsSplitAsBefore(_ text: String) {
        let before = text.split(separator: text.contains(";") ? ";" : ",").map { $0.trimmedSpaces }.filter {
            !$0.isEmpty
        }
        #expect(CSVRowConverter.listItems(text) == before)
    }

    /// Bytes that make up text, and bytes that break it: NUL, controls, C1 in UTF-8, a lone
    /// continuation byte, a cut sequence, an overlong form, a surrogate.
    static let bytePieces: [[UInt8]] = [
        Array("Skopje, ".utf8), Array("2023-09-05".utf8), [0x0A], [0x0D, 0x0A], [0x09], [0x00], [0x1B], [0x7F],
        Array("ș".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xC2, 0x85], [0xC2, 0xA0], [0x80],
        [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], Array("abcdefgh".utf8),
    ]

    /// `ControlCharacters.isPlainText` says yes exactly when the general checks of a file's
    /// text find nothing: valid UTF-8, no NUL, no forbidden control character.
    @Test func plainTextIsToldAsTheGeneralChecksTellIt() async {
        let bytes = Gen.int(in: 0...(Self.bytePieces.count - 1)).array(of: 0...24).map { picks in
            picks.flatMap { Self.bytePieces[$0] }
        }
        await propertyCheck(count: 1000, input: bytes) { bytes in
            let text = String(validating: bytes, as: UTF8.self)
            let general = text.map { !$0.utf8.contains(0) && ControlCharacters.scan($0).count == 0 } ?? false
            // The same by the definition of a forbidden character, scalar by scalar (line ends
            // aside), independent of the byte scans both use.
            let byDefinition =
                text.map { !$0.unicodeScalars.contains { $0 != "\r" && ControlCharacters.isForbidden($0) } } ?? false
            let fast = bytes.withUnsafeBufferPointer(ControlCharacters.isPlainText)
            #expect(fast == general, "\(bytes)")
            #expect(fast == byDefinition, "\(bytes)")
        }
    }
}
