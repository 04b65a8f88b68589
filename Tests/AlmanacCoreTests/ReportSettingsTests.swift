import AlmanacModel
import AlmanacRecords
import Foundation
import Testing

/// almanac.yml's report settings: fiscal year, report, indicators, footnotes.
@Suite struct ReportSettingsTests {
    private func load(_ settings: String) throws -> Result<Project, ProjectLoadError> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "almanac-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("events"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "# {{title}}\n".write(
            to: folder.appendingPathComponent("templates/board.md.mustache"), atomically: true, encoding: .utf8)
        let text =
            "name: Settings\ndomain: settings.example.org\ntimezone: Europe/Sarajevo\ncategories: [workshop, meeting]\n"
            + settings
        try text.write(to: folder.appendingPathComponent("almanac.yml"), atomically: true, encoding: .utf8)
        return Project.load(from: folder.path)
    }

    private func messages(_ settings: String) throws -> [String] {
        switch try load(settings) {
        case .success(let project):
            return project.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line): \($0.message)" }
        case .failure(let failure):
            return failure.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line): \($0.message)" }
        }
    }

    @Test func defaultsAreJanuaryCommasAndTheKosovoFootnote() throws {
        let config = try load("").get().config
        #expect(config.fiscalYearStartMonth == 1)
        #expect(config.report.delimiter == "," && !config.report.excel && config.report.template == nil)
        #expect(config.footnotes == [ProjectConfig.kosovoFootnote])
        #expect(config.indicators.isEmpty)
    }

    @Test func footnotesWithTheirSubjectAndCategoryLabels() throws {
        let config = try load(
            """
            category-labels:
              meeting: Meeting with partners
            footnotes:
              - Always printed.
              - text: '*Kosovo note.'
                when: [Kosovo, Kosova]
            """
        ).get().config
        #expect(
            config.footnotes == [
                Footnote(text: "Always printed."), Footnote(text: "*Kosovo note.", when: ["Kosovo", "Kosova"]),
            ])
        #expect(
            config.label(ofCategory: "meeting") == "Meeting with partners"
                && config.label(ofCategory: "workshop") == "Workshop")
        #expect(
            config.footnotes[1].applies(to: "Pristina, Kosovo*")
                && !config.footnotes[1].applies(to: "Skopje, North Macedonia"))
        #expect(config.footnotes[0].applies(to: "anything"))
        #expect(
            try messages("category-labels:\n  meting: Meeting\n") == [
                "6: 'meting' in 'category-labels' is not one of the project's categories; did you mean 'meeting'?"
            ])
        #expect(try messages("footnotes:\n  - when: [Kosovo]\n") == ["6: a footnote needs a 'text'"])
    }

    /// A country a footnote is about is printed with the footnote's mark, so the mark at the
    /// foot refers to it: by default the marks the text starts with, or `marker:`.
    @Test func footnoteMarkFollowsTheCountryItIsAbout() throws {
        let kosovo = ProjectConfig.kosovoFootnote
        #expect(kosovo.marker == "*" && Footnote(text: "Always printed.").marker.isEmpty)
        #expect(Footnote(text: "† Hosted by the RCC.").marker == "†")
        for name in ["Kosovo", "Kosovo*", "kosovo", "Kosova"] {
            #expect(Footnote.designated(name, by: [kosovo]) == Countries.withoutMarker(name) + "*", "\(name)")
        }
        #expect(Footnote.designated("North Macedonia", by: [kosovo]) == "North Macedonia")
        // A place written as one line: the country, in any spelling, gets the mark once.
        #expect(
            Footnote.designated(
                text: "Police Academy, Vushtrri (Republic of Kosovo); Kosova, kosovo* and Kosovar", by: [kosovo])
                == "Police Academy, Vushtrri (Republic of Kosovo*); Kosova*, kosovo* and Kosovar")
        #expect(Footnote.designated(text: "Skopje, North Macedonia", by: [kosovo]) == "Skopje, North Macedonia")
        #expect(Footnote.designated(text: "Pristina, Kosovo", by: []) == "Pristina, Kosovo")
        // Without a footnote about it, no mark: it would refer to nothing.
        #expect(Footnote.designated("Kosovo*", by: []) == "Kosovo")
        #expect(Footnote.designated("Kosovo*", by: [Footnote(text: "Note.", when: ["Kosovo"])]) == "Kosovo")
        let config = try load(
            """
            footnotes:
              - text: '† Without prejudice to status.'
                when: [Kosovo]
              - text: '*Always printed.'
                marker: ''
            """
        ).get().config
        #expect(config.footnotes.map(\.marker) == ["†", ""])
        #expect(Footnote.designated("Kosovo*", by: config.footnotes) == "Kosovo†")
        let custom = try load("footnotes:\n  - text: 'Note on Kosovo.'\n    when: [Kosovo]\n    marker: '**'\n").get()
        #expect(Footnote.designated("Kosovo", by: custom.config.footnotes) == "Kosovo**")
    }

    @Test func readsEverySetting() throws {
        let config = try load(
            """
            fiscal-year-start: July
            report:
              template: templates/board.md.mustache
              excel: yes
              delimiter: ';'
            indicators:
              - name: Workshops
                category: workshop
                target: 8
              - name: Meetings in Serbia
                country: Serbia
                target: 2
                per: quarter
            footnotes: []
            """
        ).get().config
        #expect(config.fiscalYearStartMonth == 7)
        #expect(config.report.template?.hasSuffix("/templates/board.md.mustache") == true)
        #expect(config.report.excel && config.report.delimiter == ";")
        #expect(
            config.indicators == [
                Indicator(name: "Workshops", filter: FeedFilter(categories: ["workshop"]), target: 8, per: .year),
                Indicator(
                    name: "Meetings in Serbia", filter: FeedFilter(countries: ["Serbia"]), target: 2, per: .quarter),
            ])
        #expect(config.footnotes.isEmpty)
        #expect(try load("fiscal-year-start: 4").get().config.fiscalYearStartMonth == 4)
        #expect(try load("fiscal-year-start: oct").get().config.fiscalYearStartMonth == 10)
    }

    @Test func badValuesAreReportedWhereTheyAre() throws {
        #expect(try messages("fiscal-year-start: jully") == ["5: 'jully' is not a month; did you mean 'july'?"])
        #expect(try messages("report:\n  delimiter: '::'") == ["6: '::' cannot separate CSV fields"])
        #expect(try messages("report:\n  excel: maybe") == ["6: 'excel' must be true or false"])
        #expect(
            try messages("report:\n  template: missing.mustache") == [
                "6: the template 'missing.mustache' does not exist"
            ])
        #expect(
            try messages("report:\n  templat: x") == ["6: 'templat' is not a report setting; did you mean 'template'?"])
        #expect(
            try messages("indicators:\n  - name: Workshops\n    target: many") == [
                "7: the indicator 'Workshops' needs a 'target' that is a whole number above 0"
            ])
        #expect(
            try messages("indicators:\n  - name: Trainings\n    category: training\n    target: 2") == [
                "7: the indicator 'Trainings' filters on 'training', which is not one of the project's categories"
            ])
        #expect(
            try messages("indicators:\n  - name: X\n    target: 2\n    per: decade") == [
                "8: 'decade' is not a valid per"
            ])
    }
}
