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
