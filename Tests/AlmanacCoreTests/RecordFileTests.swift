import Foundation
import Testing

@testable import AlmanacModel
@testable import AlmanacRecords

/// Record files as Almanac writes them, for `almanac new` and the importers alike.
@Suite struct RecordFileTests {
    @Test func newAndImportWriteTheSameFileForTheSameValues() throws {
        let project = try TestProject()
        // Values in the form a record reads back in (a full end date-time, no city from the
        // gazetteer, which would bring `geo`), so that both writers have the same to write.
        var new = NewRecord(title: "7th IISG Board meeting")
        new.start = "2024-03-05T10:00"
        new.end = "2024-03-05T16:00"
        new.venue = "RCC premises"
        new.country = "Bosnia and Herzegovina"
        new.category = "board-meeting"
        new.tags = ["board", "governance"]
        new.partners = ["DG NEAR", "RCC"]
        new.participants = "25"
        new.role = "organised"
        new.format = "hybrid"
        new.status = "tentative"
        new.visibility = "internal"
        new.url = "https://example.org/news/7th-board-meeting"
        new.summary = "The Board met.\nIt agreed the plan."
        guard case .written(let path, let record, let warnings) = try new.add(to: project.load()) else {
            Issue.record("not written")
            return
        }
        #expect(warnings.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            written == """
                id: 2024-03-05-7th-iisg-board-meeting
                title: 7th IISG Board meeting
                start: 2024-03-05T10:00
                end: 2024-03-05T16:00
                location:
                  venue: RCC premises
                  country: Bosnia and Herzegovina
                category: board-meeting
                tags: [board, governance]
                organisations: [DG NEAR, RCC]
                participants: 25
                role: organised
                format: hybrid
                status: tentative
                visibility: internal
                url: https://example.org/news/7th-board-meeting
                summary: |-
                  The Board met.
                  It agreed the plan.

                """)
        #expect(try RecordWriter(config: project.load().config, gazetteer: .bundled).yaml(for: record) == written)
    }

    @Test func datesTimesAndCountsArePlainUnlessYAMLWouldReadThemAsNothingOrTrueOrFalse() throws {
        let cases = [
            ("2024-03-05", "2024-03-05"), ("2024-03-05T10:00", "2024-03-05T10:00"), ("10:00", "10:00"), ("12", "12"),
            ("", "''"), ("~", "'~'"), ("null", "'null'"), ("NULL", "'NULL'"), ("yes", "'yes'"), ("Off", "'Off'"),
            ("a: b", "'a: b'"),
        ]
        for (value, written) in cases {
            var file = RecordFile(id: "x", title: "X")
            file.start = value
            #expect(try file.text() == "id: x\ntitle: X\nstart: \(written)\n")
        }
        var series = RecordFile(id: "x", title: "X")
        series.exceptions = ["2024-03-05", "2024-03-12", "yes"]
        #expect(try series.text() == "id: x\ntitle: X\nexcept: [2024-03-05, 2024-03-12, 'yes']\n")
    }

    @Test func textsThatYAMLWouldReadAsSomethingElseReadBackAsTheirText() throws {
        var file = RecordFile(id: "odd", title: "yes")
        file.start = "2024-03-05"
        file.location = .parts(venue: "null", city: "~", country: "NO")
        file.tags = ["true", "12", "3.5", "2024-03-05", "Off"]
        file.organisations = ["a: b", "#hash", "'quoted'"]
        file.summary = "null"
        let text = try file.text()
        #expect(
            text == """
                id: odd
                title: 'yes'
                start: 2024-03-05
                location:
                  venue: 'null'
                  city: '~'
                  country: 'NO'
                tags: ['true', '12', '3.5', '2024-03-05', 'Off']
                organisations: ['a: b', '#hash', '''quoted''']
                summary: |-
                  null

                """)
        var diagnostics: [Diagnostic] = []
        let checker = RecordChecker(config: NewsCorpusTests.config(), gazetteer: .bundled)
        let record = try #require(
            YAMLRecordSource(fallbackID: "odd").record(
                text: text, path: "odd.yml", checker: checker, diagnostics: &diagnostics), "\(diagnostics)")
        #expect(record.title == "yes")
        #expect(record.place == Place(venue: "null", city: "~", country: "NO"))
        #expect(record.tags == file.tags)
        #expect(record.organisations == file.organisations)
        #expect(record.summary == "null")
    }
}
