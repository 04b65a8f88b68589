import Foundation
import Testing

@testable import AlmanacModel
@testable import AlmanacRecords
@testable import AlmanacReports

/// `report` and `export csv` read a project's records as a stream, a batch at a time: what
/// they write does not depend on how the records come in batches, and is what the records
/// read at once give.
@Suite struct StreamedReportTests {
    static let labels = ["2023-Q4", "2023", "2024-Q1", "2023-11", "2022"]

    private func period(_ label: String) throws -> ReportPeriod {
        try ReportPeriod.parse(label, today: LocalDate(iso: "2024-02-15")!)
    }

    /// Every file of the report, gathered one record at a time, is the one of all records
    /// at once; the builder keeps only the records the report lists.
    @Test(arguments: labels) func aReportGatheredRecordByRecordIsTheSame(label: String) throws {
        let project = ReportCountingTests.olderProject
        let period = try period(label)
        for publicOnly in [false, true] {
            let whole = ReportBuilder(project: project, period: period, publicOnly: publicOnly)
            var gatherer = ReportGatherer(config: project.config, period: period, publicOnly: publicOnly)
            for record in project.records { gatherer.add([record]) }
            let streamed = ReportBuilder(
                gathered: gatherer, projectDirectory: project.directory, gazetteer: project.gazetteer,
                leftOut: project.leftOut)
            let options = ReportOutput.Options(settings: ReportSettings())
            let expected = try ReportOutput(builder: whole, options: options).files
            let got = try ReportOutput(builder: streamed, options: options).files
            #expect(got.map(\.name) == expected.map(\.name))
            for (file, reference) in zip(got, expected) {
                #expect(file.content == reference.content, "\(label) \(file.name) public: \(publicOnly)")
            }
            #expect(streamed.records.count < project.records.count, "\(label): every record was kept")
        }
    }

    /// What the gatherer counts of every record (single activities read in place, series
    /// that end long before the periods left unexpanded) is what each period's activities
    /// give: the previous period's and last year's figures, the trend, the indicators, the
    /// earlier countries as printed (the footnote's mark on Kosovo) and the records kept.
    @Test(arguments: ["2024-Q1", "2023", "2023-11"]) func gatheredFiguresAreThoseOfEachPeriod(label: String) throws {
        let config =
            TestProject.config + """

                indicators:
                  - name: Workshops
                    category: workshop
                    target: 8
                    per: year
                footnotes:
                  - text: '*Kosovo note.'
                    when: [Kosovo]
                """
        var records: [String: String] = [:]
        let places = [
            "{city: Pristina, country: Kosovo}", "{city: Sarajevo, country: Bosnia and Herzegovina}", "Tirana",
        ]
        let repeats = [
            "", "", "", "FREQ=WEEKLY;COUNT=5", "FREQ=DAILY;INTERVAL=3;UNTIL=20231110",
            "FREQ=WEEKLY;UNTIL=20000101", "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6", "FREQ=MONTHLY", "",
        ]
        for index in 0..<90 {
            let year = 2019 + index % 6
            let month = 1 + (index * 5) % 12
            var text = """
                id: r\(index)
                title: Activity \(index)
                start: \(year)-\(month < 10 ? "0" : "")\(month)-\(10 + index % 15)
                category: \(index % 2 == 0 ? "workshop" : "meeting")
                organisations: [P\(index % 7)]
                location: \(places[index % places.count])

                """
            if index % 4 == 1 { text += "end: \(year)-\(month < 10 ? "0" : "")\(month)-\(12 + index % 15)\n" }
            if !repeats[index % repeats.count].isEmpty { text += "repeat: \(repeats[index % repeats.count])\n" }
            if index % 11 == 3 { text += "status: cancelled\n" } else if index % 17 == 2 { text += "status: draft\n" }
            if index % 13 == 5 { text += "visibility: internal\n" }
            records["r\(index).yml"] = text
        }
        let project = try TestProject(config: config, records: records).load()
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
        let period = try period(label)
        for publicOnly in [false, true] {
            var gatherer = ReportGatherer(config: project.config, period: period, publicOnly: publicOnly)
            gatherer.add(project.records)
            let designated = project.records.map { record in
                var record = record
                let country = record.place?.country.map { Footnote.designated($0, by: project.config.footnotes) }
                record.place?.country = country
                return record
            }
            func figures(_ period: ReportPeriod) -> Figures {
                Figures(ActivitySet(records: designated, period: period, publicOnly: publicOnly))
            }
            for figure in Figure.allCases {
                #expect(gatherer.previous[figure] == figures(period.previous())[figure], "\(figure) \(publicOnly)")
                #expect(gatherer.lastYear[figure] == figures(period.sameLastYear())[figure], "\(figure) \(publicOnly)")
            }
            for (row, quarter) in zip(gatherer.trend, gatherer.quarters) {
                let set = ActivitySet(records: designated, period: quarter, publicOnly: publicOnly)
                #expect(row.activities == set.counted.count && row.days == set.days, "\(quarter.name) \(publicOnly)")
            }
            let year = ReportPeriod(
                rangeFrom: ReportPeriod.enclosing(period.end, span: .year, fiscalYearStartMonth: 1).start,
                to: period.end)
            let workshops = ActivitySet(records: designated, period: year, publicOnly: publicOnly).counted.filter {
                $0.record.category == "workshop"
            }
            #expect(gatherer.indicatorsToDate == [workshops.count])
            let earlier = designated.filter {
                $0.status != .draft && $0.status != .cancelled && !(publicOnly && $0.visibility == .internal)
                    && ($0.timing.map { $0.firstDay < period.start } ?? false)
            }
            #expect(Set(gatherer.earlierCountries.names) == Set(earlier.compactMap(\.place?.country)))
            #expect(gatherer.earlierCountries.names.contains("Kosovo*"))
            let listed = designated.filter { record in
                record.status == .draft
                    ? !(publicOnly && record.visibility == .internal)
                        && (record.timing == nil || !record.occurrences(touching: period).isEmpty)
                    : record.timing != nil
                        && (record.expansion(touching: period).occurrences.count > 0
                            || record.expansion(touching: period).isCut
                            || !record.occurrences(touching: period.next()).isEmpty)
            }
            #expect(gatherer.kept == listed, "\(publicOnly)")
        }
    }

    /// The spooled export's text is the table of the records exported at once, for a period
    /// and for the whole log (series expanded to its end, undated drafts last), in every
    /// profile, whatever the batches.
    @Test func aSpooledExportIsTheTable() throws {
        let project = ReportCountingTests.olderProject
        let folder = FileManager.default.temporaryDirectory.path
        for period in try [nil] + Self.labels.map(period) {
            for profile in CalendarExport.Profile.allCases {
                for (publicOnly, delimiter, excel) in [(false, Character(","), false), (true, ";", true)] {
                    let export = CalendarExport(
                        records: project.records, period: period, profile: profile, publicOnly: publicOnly)
                    let table = export.table(of: export.agenda())
                    let spooled = try SpooledExport(
                        export, delimiter: delimiter, byteOrderMark: excel, scratchFolders: [folder],
                        target: "test.csv")
                    // Two records a batch, the last one alone.
                    var records = project.records[...]
                    while !records.isEmpty {
                        try spooled.add(Array(records.prefix(2)))
                        records = records.dropFirst(2)
                    }
                    var bytes: [UInt8] = []
                    try spooled.write { bytes += $0 }
                    let label = "\(period?.label ?? "whole log") \(profile)"
                    #expect(
                        String(decoding: bytes, as: UTF8.self)
                            == table.text(delimiter: delimiter, byteOrderMark: excel), "\(label)")
                    #expect(spooled.rowCount == table.rows.count, "\(label)")
                    #expect(spooled.cutSeries == export.agenda().cutSeries.map(\.origin.file), "\(label)")
                }
            }
        }
    }

    /// Rows of one day and start time are in title order, then id order, as the table has them:
    /// titles that differ in bytes yet are the same text (a precomposed accent and a
    /// combining one), titles that are equal, titles longer than a small string, and undated
    /// drafts, which stay in file order after the rest.
    @Test func spooledRowsOfOneDayAndStartAreInTitleAndIDOrder() throws {
        let titles = [
            "b", "a", "caf\u{E9}", "cafe\u{301}", "Z", "a", "\u{E4}rger",
            "A much longer title, with commas; and \u{FC}",
            "A much longer title, with commas; and u\u{308}", "\u{1F600}", "'quoted'", "=formula",
        ]
        var files: [String: String] = [:]
        for number in 0..<48 {
            let title = titles[number % titles.count]
            let day = ["2023-11-02", "2023-11-03"][number / 7 % 2]
            let start = number % 3 == 0 ? "\(day)T10:00" : day
            let dated = number % 11 == 5 ? "status: draft" : "start: \(start)"
            files["r\(47 - number).yml"] = """
                id: r\(47 - number)
                title: "\(title)"
                \(dated)
                """
        }
        let project = ReportCountingTests.makeProject(files)
        let folder = FileManager.default.temporaryDirectory.path
        for period in try [nil, period("2023-11")] {
            for profile in CalendarExport.Profile.allCases {
                let export = CalendarExport(
                    records: project.records, period: period, profile: profile, publicOnly: false)
                let spooled = try SpooledExport(
                    export, delimiter: ",", byteOrderMark: false, scratchFolders: [folder], target: "test.csv")
                for record in project.records { try spooled.add([record]) }
                var bytes: [UInt8] = []
                try spooled.write { bytes += $0 }
                let table = export.table(of: export.agenda())
                #expect(table.rows.count > 30)
                #expect(
                    String(decoding: bytes, as: UTF8.self) == table.text(delimiter: ",", byteOrderMark: false),
                    "\(period?.label ?? "whole log") \(profile)")
            }
        }
    }

    /// Templates read a report's values by name without reflection (``TemplateFields``): every
    /// field reflection shows has its name there, with the same value, so that a field added
    /// to a report value is not silently empty in templates.
    @Test func templatesSeeEveryFieldOfAReportValue() throws {
        let builder = ReportBuilder(
            project: ReportCountingTests.olderProject, period: try period("2023-Q4"), publicOnly: false)
        let context = builder.context()
        var checked = Set<String>()
        func check(_ value: Any) {
            if let list = value as? [Any] {
                list.forEach(check)
                return
            }
            guard let fields = value as? any TemplateFields else { return }
            checked.insert(String(describing: type(of: value)))
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else { continue }
                let reflected = Mirror(reflecting: child.value)
                let expected: Any? =
                    reflected.displayStyle == .optional ? reflected.children.first?.value : child.value
                let given = fields.field(label)?.reflected
                #expect(given != nil || expected == nil, "\(type(of: value)).\(label) is missing")
                #expect(
                    String(describing: given) == String(describing: expected), "\(type(of: value)).\(label)")
                check(child.value)
            }
        }
        check(context)
        #expect(checked.isSuperset(of: ["ReportContext", "ActivityRow", "FigureRow", "PeriodSummary"]))
    }
}

extension TemplateField {
    /// The value as reflection shows it.
    fileprivate var reflected: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .fields(let fields): fields
        case .list(let list): list
        case .texts(let texts): texts
        case .other(let value): value
        }
    }
}
