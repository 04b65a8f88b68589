import Testing

@testable import AlmanacModel
@testable import AlmanacRecords

/// The schema is the one list of fields: every other list is derived from it or checked
/// against it here.
struct RecordSchemaTests {
    @Test func everyCSVColumnFillsAFieldOfTheSchemaOrHelpsFillOne() {
        let known = Set(RecordSchema.keys + RecordSchema.locationParts.map(\.key) + CSVColumns.helpers)
        #expect(CSVColumns.fields.filter { !known.contains($0) } == [])
        // Every field a spreadsheet can hold has its column (geo comes as latitude/longitude;
        // source-note is written by importers only).
        let missing = (RecordSchema.keys + RecordSchema.locationParts.map(\.key)).filter {
            !CSVColumns.fields.contains($0)
        }
        #expect(missing == ["geo", "source-note"])
    }

    @Test func everyFieldHasItsOwnSlotOfADraft() {
        let fields = RecordSchema.fields + RecordSchema.locationParts
        #expect(fields.map(\.slot) == Array(0..<RecordSchema.slotCount))
        // A row's cells are kept by the fields of `csv-columns.tsv`, numbered.
        #expect(
            CSVRowConverter.Field.allCases.map(\.name) == CSVColumns.fields.filter { $0 != "ignore" })
    }

    @Test func aDraftKeepsWhatIsSetAndForgetsWhatIsRemoved() {
        let origin = ValueOrigin.option("the values", file: "a.yml")
        var draft = RecordDraft(origin: origin, path: "a.yml", fallbackID: "a")
        draft.set(RecordSchema.title, "Title", at: origin)
        draft.set(RecordSchema.city, "Skopje", at: origin)
        draft.set(RecordSchema.recurrence, "FREQ=WEEKLY", at: origin)
        draft.set(RecordSchema.start, nil, at: origin)
        draft.set(RecordSchema.tags, list: [], at: origin)
        #expect(draft.values.keys.sorted() == ["city", "repeat", "title"])
        draft[RecordSchema.title] = nil
        draft.set(RecordSchema.recurrence, "FREQ=DAILY", at: origin)
        #expect(draft[RecordSchema.title] == nil)
        #expect(draft.text(of: RecordSchema.city) == "Skopje")
        #expect(draft.text(of: RecordSchema.recurrence) == "FREQ=DAILY")
        #expect(draft.values.keys.sorted() == ["city", "repeat"])
        #expect(!draft.has(RecordSchema.title) && draft.has(RecordSchema.city))
    }

    @Test func recordFilesAreWrittenInSchemaOrder() throws {
        var file = RecordFile(id: "x", title: "X")
        file.recurrence = "FREQ=WEEKLY;COUNT=2"
        file.start = "2024-03-05"
        file.summary = "About it."
        file.location = .parts(venue: nil, city: "Skopje", country: nil)
        let keys = try file.text().split(separator: "\n").compactMap { line -> String? in
            guard !line.hasPrefix(" "), let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        }
        #expect(keys == RecordSchema.keys.filter(keys.contains))
        #expect(keys == ["id", "title", "start", "location", "summary", "repeat"])
    }

    @Test func theInitExampleShowsEveryFieldInSchemaOrder() {
        let template = ProjectTemplate(
            name: "N", organisation: "O", timezone: "UTC", domain: "o.example",
            today: LocalDate(iso: "2024-03-05")!)
        let keys = template.exampleRecordText.split(separator: "\n").compactMap { line -> String? in
            let code = line.hasPrefix("# ") ? line.dropFirst(2) : line[...]
            guard let colon = code.firstIndex(of: ":"), code[..<colon].allSatisfy({ $0.isLetter || $0 == "-" }),
                !code.hasPrefix(" ")
            else { return nil }
            return String(code[..<colon])
        }
        #expect(keys == RecordSchema.keys)
    }

    /// The same activity from a record file and from a spreadsheet row is the same record,
    /// and a problem points at the value's origin in each.
    @Test func yamlAndCSVDraftsGoThroughTheSameChecker() throws {
        let config = NewsCorpusTests.config()
        let checker = RecordChecker(config: config, gazetteer: .bundled)
        var diagnostics: [Diagnostic] = []
        let bad = YAMLRecordSource(fallbackID: "x").record(
            text: "id: x\ntitle: Forum\nstart: 2024-03-05\nend: 2024-03-04\n", path: "/p/x.yml", checker: checker,
            diagnostics: &diagnostics)
        #expect(bad == nil)
        let yaml = diagnostics
        #expect(yaml.map(\.message) == ["the end (2024-03-04) is before the start (2024-03-05)"])
        #expect(yaml.first?.location == SourceLocation(file: "/p/x.yml", line: 4, column: 1))

        let csv = CSVRecords(config: config, gazetteer: .bundled).records(
            from: "id,Title,From,Until\nx,Forum,2024-03-05,2024-03-04\n", file: "/p/log.csv")
        #expect(csv.records.isEmpty)
        #expect(
            csv.diagnostics.map(\.message) == [
                "row 2, column \"Until\": the end (2024-03-04) is before the start (2024-03-05)"
            ])

        let good = CSVRecords(config: config, gazetteer: .bundled).records(
            from: "id,Title,From,Until,Repeat\nx,Forum,2024-03-05,2024-03-06,FREQ=WEEKLY;COUNT=2\n", file: "/p/log.csv")
        diagnostics = []
        let fromYAML = YAMLRecordSource(fallbackID: "x").record(
            text: "id: x\ntitle: Forum\nstart: 2024-03-05\nend: 2024-03-06\nrepeat: FREQ=WEEKLY;COUNT=2\n",
            path: "/p/log.csv", checker: checker, diagnostics: &diagnostics)
        #expect(good.records.first == fromYAML)
        #expect(fromYAML?.repeatRule?.description == "FREQ=WEEKLY;COUNT=2")
    }

    /// A spreadsheet's dates reach the checker as read (``DraftDate``): it judges and
    /// reports them exactly as the same dates written as text.
    @Test func datesAsReadAreCheckedAsTheirText() throws {
        let checker = RecordChecker(config: NewsCorpusTests.config(), gazetteer: .bundled)
        let pairs: [(String, String?)] = [
            ("2024-03-05", nil), ("2024-03-05", "2024-03-07"), ("2024-03-05", "2024-03-04"),
            ("2024-03-05", "2024-03-05T10:00"), ("2024-03-05T10:00", nil), ("2024-03-05T10:00", "2024-03-05T12:00"),
            ("2024-03-05T10:00", "2024-03-05T09:00"), ("2024-03-05T10:00", "2024-03-06"),
            ("2024-03-05T10:00", "2024-03-06T09:00"), ("2024-03-05 10:00", "2024-03-05 12:00:00"),
        ]
        for (start, end) in pairs {
            func outcome(asRead: Bool) throws -> RecordChecker.Outcome {
                let origin = ValueOrigin.option("the values", file: "/p/a.yml")
                var draft = RecordDraft(origin: origin, path: "/p/a.yml", fallbackID: "a")
                draft.set(RecordSchema.title, "Meeting", at: origin)
                for (field, text) in [(RecordSchema.start, start), (RecordSchema.end, end)] {
                    guard let text else { continue }
                    let date = try #require(DraftDate(iso: text))
                    if asRead {
                        draft.set(field, date: date, at: .option("--\(field.key)", file: "/p/a.yml"))
                    } else {
                        draft.set(field, date.description, at: .option("--\(field.key)", file: "/p/a.yml"))
                    }
                }
                return checker.check(draft)
            }
            let text = try outcome(asRead: false)
            let read = try outcome(asRead: true)
            #expect(read.record == text.record, "\(start) \(end ?? "-")")
            #expect(read.diagnostics == text.diagnostics, "\(start) \(end ?? "-")")
            #expect(read.fieldsWithErrors == text.fieldsWithErrors)
        }
    }

    @Test func optionValuesAreReportedAtTheirOption() {
        var draft = RecordDraft(origin: .option("the values", file: "/p/a.yml"), path: "/p/a.yml", fallbackID: "a")
        draft.set(RecordSchema.title, "Meeting", at: .option("the title", file: "/p/a.yml"))
        draft.set(RecordSchema.start, "2024-13-01", at: .option("--start", file: "/p/a.yml"))
        let outcome = RecordChecker(config: NewsCorpusTests.config(), gazetteer: .bundled).check(draft)
        #expect(outcome.record == nil)
        #expect(outcome.fieldsWithErrors == ["start"])
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("--start: ") })
    }
}
