import Foundation
import Testing

@testable import AlmanacImport
@testable import AlmanacModel

/// The broader corpus of news items written the way secretariats write them, with the
/// values a person reads in each: `Fixtures/news-corpus/news.txt` and `expected.json`.
@Suite struct NewsCorpusTests {
    struct Expected: Decodable {
        var title: String
        var start: String?
        var end: String?
        var city: String?
        var country: String?
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/news-corpus")

    static func config() -> ProjectConfig {
        var config = ProjectConfig(
            name: "Corpus", domain: "corpus.example.org", timezone: "Europe/Sarajevo",
            origin: SourceLocation(file: "almanac.yml"))
        config.categories = [
            "workshop", "meeting", "conference", "board-meeting", "consultations", "training", "forum",
        ]
        config.organisation = "IISG Secretariat"
        return config
    }

    /// What the importer made of one item, in the expected form.
    static func found(_ record: EventRecord) -> Expected {
        var start: String?
        var end: String?
        if case .allDay(let first, let last)? = record.timing {
            start = first.description
            end = last.description
        }
        return Expected(
            title: record.title, start: start, end: end, city: record.place?.city, country: record.place?.country)
    }

    /// Measured: 123 of 123. The first 64 items were written before the importer was run on
    /// them (63 exact then), the next 14 after (13 exact then); the two misses were fixed.
    /// The next 21 put the phrasings a blind run missed in other words (signings, relative
    /// times, seats and organisation names, visits and origins, unknown towns, online
    /// activities) and were written with the rules that read them; the next 20 do the same
    /// for a second blind run (titles with "Mr.", dotted day ranges, misspelt months, years
    /// stated in the item, "the capital Tirana", online items, countries covered whole), and
    /// the last 4 for a third (this year's edition of a series beside earlier ones, cities
    /// in the names of initiatives and instruments).
    static let measuredExact = 123

    @Test func extractsStartEndCityAndCountryAsMeasured() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("news.txt"), encoding: .utf8)
        let expected = try JSONDecoder().decode(
            [Expected].self, from: Data(contentsOf: Self.folder.appendingPathComponent("expected.json")))
        let result = NewsImporter(config: Self.config(), gazetteer: .bundled).importNews(text, file: "news.txt")
        #expect(result.records.count == expected.count)
        var exact = 0
        for (record, want) in zip(result.records, expected) {
            let got = Self.found(record)
            let same =
                got.title == want.title && got.start == want.start && got.end == want.end && got.city == want.city
                && got.country == want.country
            if same {
                exact += 1
            } else {
                print(
                    """
                    corpus miss: \(want.title): got \(got.start ?? "-")…\(got.end ?? "-") \
                    \(got.city ?? "-"), \(got.country ?? "-"); want \
                    \(want.start ?? "-")…\(want.end ?? "-") \(want.city ?? "-"), \(want.country ?? "-")
                    """
                )
            }
        }
        let share = Double(exact) / Double(expected.count)
        print("news corpus: \(exact) of \(expected.count) items exact (\(Int((share * 100).rounded()))%)")
        #expect(exact >= Self.measuredExact)
    }

    @Test func anActivityTimedOnlyRelativelyIsADraftThatSaysSo() {
        let text = """
            Coordinators meet in Budva

            Last week, the coordinators met in Budva to review the \
            plan adopted at the conference held on 18 March 2025.\n
            """
        let result = NewsImporter(config: Self.config(), gazetteer: .bundled).importNews(text, file: "news.txt")
        #expect(result.records.first?.status == .draft)
        #expect(
            result.diagnostics.map(\.message).contains(
                """
                'Coordinators meet in Budva': it dates the activity only \
                as 'last week', so it is written as a draft to review
                """
            ))
    }
}
