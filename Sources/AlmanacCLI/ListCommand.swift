import AlmanacModel
import AlmanacRecords
import AlmanacReports
import ArgumentParser
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the activities as an agenda, or as JSON or CSV for scripts.",
        discussion: """
            Lists every occurrence in date order, grouped by month, with the days and times in \
            aligned columns. Cancelled activities are struck through on a terminal and marked \
            "(cancelled)" elsewhere; drafts, tentative and internal activities are flagged. \
            Without a period, drafts without a date come last. --upcoming starts today and, \
            without a period, reaches a year ahead or to the last activity, whichever is later. \
            Records with errors are left out: `almanac check` shows them.

            --csv writes the columns of `almanac export csv` (full profile); --json writes the \
            same columns as an array of objects, numbers as numbers and empty cells as null.

            Examples:
              almanac list --upcoming
              almanac list 2023-Q4 --category meeting
              almanac list 2023 --partner "DG NEAR" --json

            \(ExitStatus.documentation)
            """
    )

    @OptionGroup var periodOptions: PeriodOptions

    @Flag(help: "Only what is still to come: from today (SOURCE_DATE_EPOCH sets today).")
    var upcoming = false

    @Option(
        name: .customLong("category"),
        help: ArgumentHelp("Only this category; repeat for several.", valueName: "category"))
    var categories: [String] = []

    @Option(
        name: .customLong("partner"),
        help: ArgumentHelp("Only activities with this partner organisation; repeat for several.", valueName: "name"))
    var partners: [String] = []

    @Flag(help: "Print JSON: an array with one object per occurrence.")
    var json = false

    @Flag(help: "Print CSV: a row per occurrence.")
    var csv = false

    @OptionGroup var csvOptions: CSVOptions
    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together; pick one") }
    }

    func run() throws {
        let console = output.console
        let project = try options.load(console, reporting: false)
        var records = project.records.filter(FeedFilter(categories: categories, organisations: partners).matches)
        let clock = try Clock.fromEnvironment()
        let asked = try periodOptions.resolve(in: project, clock: clock)
        var period = asked
        if upcoming {
            let today = clock.today(in: project.config.timezone)
            period = Agenda.upcoming(from: today, within: period, of: records)
            // A period that is over has nothing to come.
            if period == nil { records = [] }
        }
        let cutSeries: [EventRecord]
        if json || csv {
            let export = CalendarExport(records: records, period: period, profile: .full, publicOnly: false)
            let agenda = export.agenda()
            cutSeries = agenda.cutSeries
            let table = export.table(of: agenda)
            if json {
                console.result(try TableJSON.text(table))
            } else {
                let settings = csvOptions.applied(to: project.config.report)
                StandardStream.output.write(table.text(delimiter: settings.delimiter, byteOrderMark: settings.excel))
            }
        } else {
            let agenda = Agenda(records: records, period: period)
            cutSeries = agenda.cutSeries
            if agenda.occurrences.isEmpty && agenda.undated.isEmpty {
                if upcoming {
                    let today = clock.today(in: project.config.timezone)
                    let filtered = categories.isEmpty && partners.isEmpty ? "" : " that matches the filters"
                    if let asked, asked.end < today {
                        console.note("Nothing is coming up: \(asked.label) ended before today (\(today)).", on: .error)
                    } else {
                        console.note(
                            """
                            Nothing is coming up: no activity\(filtered) from today \
                            (\(today))\(asked.map { " to the end of \($0.label)" } ?? " on").
                            """,
                            on: .error)
                    }
                } else {
                    console.note("No activities match.", on: .error)
                }
            }
            AgendaText(agenda: agenda).lines.forEach(console.result)
        }
        console.warnAboutCutSeries(cutSeries.map(\.origin.file), through: period, counted: false)
        if let notice = Project.leftOutNotice(project.leftOut) {
            console.error("warning: " + notice)
        }
    }
}

/// A CSV table as JSON for scripts: an array of objects keyed by the header, numbers as
/// numbers and empty cells as null, keys sorted so the same table gives the same text.
enum TableJSON {
    private enum Value: Encodable {
        case text(String)
        case number(Int)
        case null

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .null: try container.encodeNil()
            }
        }
    }

    static func text(_ table: CSVTable) throws -> String {
        let objects = table.rows.map { row in
            Dictionary(
                uniqueKeysWithValues: zip(
                    table.header,
                    row.map { cell -> Value in
                        switch cell {
                        case .text(let text): return text.isEmpty ? .null : .text(text)
                        case .number(let number), .signed(let number): return .number(number)
                        }
                    }))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(objects), as: UTF8.self)
    }
}
