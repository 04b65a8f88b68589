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
}
