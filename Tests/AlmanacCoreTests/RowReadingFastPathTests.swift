import Foundation
import PropertyBased
import Testing

@testable import AlmanacModel
@testable import AlmanacRecords
@testable import AlmanacReports

/// The shortcuts that every row of a CSV activity log takes give exactly what the general code
/// gives.
@Suite struct RowReadingFastPathTests {
    /// Bytes a CSV reader must tell apart, and bytes it must not stop at (a byte beyond ASCII,
    /// one just above or below a special byte, a NUL).
    static let pieces: [[UInt8]] = [
        Array("\"".utf8), Array(",".utf8), Array(";".utf8), Array("\t".utf8), Array("|".utf8), Array("\n".utf8),
        Array("\r".utf8), Array("\r\n".utf8), Array("a".utf8), Array("Plain text of a row".utf8), Array("é".utf8),
        Array("ü".utf8), [0x00], [0x21], [0x23], [0x0B], [0x0C], [0x0E], [0x2B], [0x2D], [0x7F], [0x80], [0xFF],
        [0xA2], [0x8A], [0x8D], [0xAC], Array("12345678".utf8), Array("\u{1F600}".utf8),
    ]
    static let bytes = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40).map { picks in
        picks.flatMap { pieces[$0] }
    }

    /// Eight bytes at a time, the CSV reader stops where it stopped a byte at a time: at every
    /// start, inside quotes and out, for each delimiter.
    @Test func nextSpecialByteIsFoundAsBefore() async {
        await propertyCheck(count: 2000, input: Self.bytes) { bytes in
            bytes.withUnsafeBufferPointer { buffer in
                for delimiter in [",", ";", "\t", "|"].map({ UInt8(ascii: Unicode.Scalar($0)!) }) {
                    let reader = CSVRecordReader(buffer, delimiter: delimiter)
                    for start in 0...bytes.count {
                        for quoted in [false, true] {
                            #expect(
                                reader.nextSpecial(from: start, quoted: quoted)
                                    == reader.nextSpecialByBytes(from: start, quoted: quoted),
                                "\(bytes) from \(start), quoted: \(quoted), delimiter \(delimiter)")
                        }
                    }
                }
            }
        }
    }

    /// Places named by the drafts below: known and unknown cities, known, misspelt and unknown
    /// countries, a city of two countries, text that folds to the same key, nothing.
    static let places: [(city: String?, country: String?)] = [
        ("Sarajevo", "Bosnia and Herzegovina"), ("Skopje", "North Macedonia"), ("Skopje", nil), ("Sarajvo", nil),
        ("Paris", "France"), ("Paris", "United States"), ("Paris", nil), ("Vienna", "Austira"), (nil, "Belgum"),
        (nil, "Kosovo*"), ("Pristina", "Kosovo*"), ("sarajevo", "bosnia and herzegovina"), ("Atlantis", "Atlantis"),
        ("Tirana", "Albania"), (nil, nil), ("Zürich", "Switzerland"), ("Zurich", "Switzerland"), ("Zagreb", "croatia"),
        ("Zu\u{308}rich", "Switzerland"), ("Sarajevo", "Bosnia and Herzegovina "), ("Brussels", "Belgum"),
        ("Paris", "france"), ("Belgrade", "Serbia"), ("Chisinau", "Moldova"), ("Rome", "Italy"), ("Bonn", "Germany"),
        ("Graz", "Austria"), ("Split", "Croatia"), ("Budva", "Montenegro"),
    ]

    /// Checked one after another with their place lookups remembered, drafts come to the same
    /// records and problems as each checked on its own, whatever the order of their places.
    @Test func rememberedPlaceLookupsGiveWhatFreshOnesGive() async {
        var gazetteer = Gazetteer.bundled
        gazetteer.add(
            GazetteerPlace(
                name: "Atlantis", alternatives: ["Atlantida"], country: "Atlantis", timezone: "Europe/Athens",
                coordinates: Coordinates(latitude: 36, longitude: 25)))
        let checkers = [Gazetteer.bundled, gazetteer].map {
            RecordChecker(config: NewsCorpusTests.config(), gazetteer: $0)
        }
        let order = Gen.int(in: 0...(Self.places.count - 1)).array(of: 1...60)
        await propertyCheck(count: 200, input: order) { picks in
            for checker in checkers {
                let places = PlaceLookups()
                for (row, pick) in picks.enumerated() {
                    let (city, country) = Self.places[pick]
                    let at = ValueOrigin.cell(
                        SourceLocation(file: "/p/log.csv", line: row + 2), row: row + 2, column: nil)
                    var draft = RecordDraft(origin: at, path: "/p/log.csv", fallbackID: "row-\(row)")
                    draft.set(RecordSchema.title, "Forum \(row)", at: at)
                    draft.set(RecordSchema.start, date: DraftDate(iso: "2024-03-05"), at: at)
                    let parts = LocationParts(
                        city: city.map { LocationParts.Part($0, at: at) },
                        country: country.map { LocationParts.Part($0, at: at) })
                    if !parts.isEmpty { draft.set(RecordSchema.location, .parts(parts), at: at) }
                    var remembered: [Diagnostic] = []
                    var fresh: [Diagnostic] = []
                    let first = checker.check(draft, places: places, diagnostics: &remembered)
                    let second = checker.check(draft, diagnostics: &fresh)
                    #expect(first == second, "\(picks) at \(row)")
                    #expect(remembered == fresh, "\(picks) at \(row)")
                }
            }
        }
    }

    /// Eight bytes at a time, `export csv` decides a field's quotes as it did a byte at a time.
    @Test func exportQuotingIsDecidedAsBefore() async {
        let notable = (0..<256).map { [0x0A, 0x0B, 0x0C, 0x0D, 0x22, 0x27, 0xC2, 0xE2].contains($0) }
        let pieces =
            Self.pieces + [
                Array("'".utf8), Array("\u{85}".utf8), Array("\u{2028}".utf8), Array("\u{2029}".utf8), [0xE2, 0x80],
                [0xE2], [0xC2], Array("\u{301}".utf8), Array("\u{600}".utf8), [0x0B], [0x09], [0x0D],
            ]
        let bytes = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40).map { picks in picks.flatMap { pieces[$0] } }
        await propertyCheck(count: 3000, input: bytes) { bytes in
            bytes.withUnsafeBufferPointer { text in
                notable.withUnsafeBufferPointer { notable in
                    for separator in [",", ";", "\t", "|"].map({ UInt8(ascii: Unicode.Scalar($0)!) }) {
                        #expect(
                            CSVTable.quoting(of: text, separator, notable: notable, byWords: true)
                                == CSVTable.quoting(of: text, separator, notable: notable, byWords: false),
                            "\(bytes) \(separator)")
                    }
                }
            }
        }
    }
}
