import Foundation
import Testing

@testable import AlmanacModel
@testable import AlmanacRecords

@Suite struct DiagnosticsTests {
    private func diagnostics(_ record: String, file: String = "2023/board.yml") throws -> [String] {
        try TestProject(records: [file: record]).diagnostics()
    }

    @Test func misspeltFieldGetsASuggestionAtItsLine() throws {
        let found = try diagnostics("id: board\ntitle: Board\nstrat: 2023-12-07\n")
        #expect(found.contains("events/2023/board.yml:3:1: error: 'strat' is not a field; did you mean 'start'?"))
    }

    @Test func yamlSyntaxErrorsPointAtTheProblem() throws {
        let found = try diagnostics("id: board\ntitle: [unclosed\nstart: 2023-12-07\n")
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("events/2023/board.yml:"))
        #expect(found[0].contains("error: YAML syntax error"))
    }

    @Test func missingTitleAndStartAreErrors() throws {
        let found = try diagnostics("id: board\nsummary: nothing else\n")
        #expect(found.contains { $0.contains("error: the record has no 'title'") })
        #expect(found.contains { $0.contains("error: the record has no 'start'") })
    }

    @Test func unparseableDatesAndEndBeforeStart() throws {
        #expect(
            try diagnostics("id: a\ntitle: A\nstart: 5th September\n") == [
                "events/2023/board.yml:3:1: error: '5th September' is not a date"
            ])
        #expect(
            try diagnostics("id: a\ntitle: A\nstart: 2023-02-29\n") == [
                "events/2023/board.yml:3:1: error: '2023-02-29' is not a date: February 2023 has 28 days"
            ])
        #expect(
            try diagnostics("id: a\ntitle: A\nstart: 2023-09-06\nend: 2023-09-05\n") == [
                "events/2023/board.yml:4:1: error: the end (2023-09-05) is before the start (2023-09-06)"
            ])
        #expect(
            try diagnostics("id: a\ntitle: A\nstart: 2023-09-06T10:00\nend: '09:00'\n") == [
                "events/2023/board.yml:4:1: error: the end (2023-09-06T09:00) is before the start (2023-09-06T10:00)"
            ])
    }

    @Test func unknownTimezoneCategoryAndEnumerations() throws {
        let found = try diagnostics(
            "id: a\ntitle: A\nstart: 2023-09-06T10:00\ntimezone: Europe/Atlantis\ncategory: workshp\nstatus: canceled\n"
        )
        #expect(found.contains("events/2023/board.yml:4:1: error: 'Europe/Atlantis' is not a known time zone"))
        #expect(
            found.contains(
                """
                events/2023/board.yml:5:1: error: 'workshp' is not one \
                of the project's categories; did you mean 'workshop'?
                """
            ))
        #expect(
            found.contains(
                "events/2023/board.yml:6:1: error: 'canceled' is not a valid status; did you mean 'cancelled'?"))
    }

    @Test func invalidRepeatRuleIsCheckedByLibical() throws {
        let found = try diagnostics("id: a\ntitle: A\nstart: 2023-09-06\nrepeat: FREQ=FORTNIGHTLY\n")
        #expect(found == ["events/2023/board.yml:4:1: error: 'FREQ=FORTNIGHTLY' is not a valid recurrence rule"])
    }

    @Test func duplicateIDsNameTheOtherFile() throws {
        let project = try TestProject(records: [
            "a.yml": "id: same\ntitle: A\nstart: 2023-09-06\n", "b.yml": "id: same\ntitle: B\nstart: 2023-09-07\n",
        ])
        let found = try project.diagnostics()
        #expect(
            found == [
                """
                events/b.yml:1:1: error: the id 'same' is already used by events/a.yml, so this record is left out
                """
            ])
    }

    @Test func missingIDIsDerivedFromThePathWithAWarning() throws {
        let project = try TestProject(records: ["2023/Board Meeting.yml": "title: A\nstart: 2023-09-06\n"])
        #expect(try project.diagnostics().first?.contains("warning: the record has no 'id'") == true)
        #expect(try project.load().records.first?.id == "2023-board-meeting")
    }

    @Test func draftWithoutDateIsAWarningNotAnError() throws {
        let found = try diagnostics("id: a\ntitle: A\nstatus: draft\n")
        #expect(
            found == [
                """
                events/2023/board.yml:3:1: warning: this draft has no date \
                yet; it stays out of feeds and reports until it gets a 'start'
                """
            ])
    }

    @Test func wrongShapesAreReported() throws {
        let found = try diagnostics(
            """
            id: a
            title: [A, B]
            start: 2023-09-06
            geo: [91, 10]
            location:
              town: Sarajevo
            tags: ['a,b']
            participants: many\n
            """
        )
        #expect(found.contains("events/2023/board.yml:2:8: error: 'title' must be a single value, not a list or a map"))
        #expect(found.contains("events/2023/board.yml:4:6: error: 'geo' must be [latitude, longitude]"))
        #expect(found.contains("events/2023/board.yml:6:3: error: 'town' is not a location field"))
        #expect(
            found.contains(
                "events/2023/board.yml:7:1: error: 'a,b' contains ',' or ';', which calendar apps read as separators"))
        #expect(found.contains("events/2023/board.yml:8:15: error: 'participants' must be a number or a list of names"))
    }

    @Test func binaryGarbageAndInvalidUTF8NeverCrash() throws {
        let project = try TestProject()
        try project.writeData("events/garbage.yml", Data((0..<4096).map { UInt8(($0 * 7919) % 256) }))
        try project.writeData(
            "events/latin1.yml", Data("title: Caf".utf8) + Data([0xE9]) + Data("\nstart: 2023-01-01\n".utf8))
        try project.writeData("events/empty.yml", Data())
        let found = try project.diagnostics()
        #expect(found.contains("events/latin1.yml:1:11: error: this file is not UTF-8 text"))
        #expect(found.contains("events/empty.yml:1:1: error: this record is empty"))
        #expect(found.contains { $0.hasPrefix("events/garbage.yml:") && $0.contains("error:") })
    }

    @Test func configProblemsAreReportedWithTheirLines() throws {
        let config = "name: X\ndomain: x.org\ntimezone: Mars/Olympus\nfeeds:\n  - name: all\n    filtr: {}\n"
        let project = try TestProject(config: config)
        let result = Project.load(from: project.directory.path)
        guard case .failure(let failure) = result else {
            Issue.record("a broken almanac.yml was accepted")
            return
        }
        let messages = failure.diagnostics.map(\.message)
        #expect(messages.contains("'Mars/Olympus' is not a known time zone"))
        #expect(messages.contains("'filtr' is not a feed setting; did you mean 'filter'?"))
    }

    @Test func noConfigSaysHowToStart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .failure(let failure) = Project.load(from: folder.path) else {
            Issue.record("a folder without almanac.yml loaded")
            return
        }
        #expect(failure.diagnostics.first?.hint?.contains("almanac init") == true)
    }

    @Test func spellingSuggestions() {
        #expect(Spelling.suggestion(for: "strat", among: RecordSchema.keys) == "start")
        #expect(Spelling.suggestion(for: "organizations", among: RecordSchema.keys) == "organisations")
        #expect(Spelling.suggestion(for: "colour", among: RecordSchema.keys) == nil)
    }
}
