import AlmanacCore
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
        Drafts without a date come last, when no dates are asked for. Series without an end \
        are listed up to a year ahead. Records with errors are left out: `almanac check` \
        shows them.

        Examples:
          almanac list --upcoming
          almanac list --from 2023-10-01 --to 2023-12-31 --category meeting
          almanac list --partner "DG NEAR" --json

        \(ExitStatus.documentation)
        """
    )

    @Option(help: ArgumentHelp("Only activities on or after this day (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only activities on or before this day (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Flag(help: "Only activities from today on (SOURCE_DATE_EPOCH sets today).")
    var upcoming = false

    @Option(name: .customLong("category"), help: ArgumentHelp("Only this category; repeat for several.", valueName: "category"))
    var categories: [String] = []

    @Option(name: .customLong("partner"), help: ArgumentHelp("Only activities with this partner organisation; repeat for several.", valueName: "name"))
    var partners: [String] = []

    @Flag(help: "Print JSON: an array with one object per occurrence.")
    var json = false

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        for (option, value) in [("--from", from), ("--to", to)] {
            if let value, LocalDate(iso: value) == nil {
                throw ValidationError("\(option) '\(value)' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-05")
            }
        }
    }

    func run() throws {
        let console = output.console
        let today: LocalDate
        do {
            today = try Clock.fromEnvironment().todayUTC
        } catch {
            console.error("error: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
        let project = try options.load(console, reporting: false)
        let first = [from.flatMap { LocalDate(iso: $0) }, upcoming ? today : nil].compactMap { $0 }.max()
        let last = to.flatMap { LocalDate(iso: $0) }
        let agenda = Agenda(
            records: project.records,
            from: first,
            through: last,
            filter: FeedFilter(categories: categories, organisations: partners),
            horizon: today.adding(days: 365)
        )
        if json {
            console.result(try AgendaJSON.text(agenda, projectDirectory: project.directory))
        } else if agenda.entries.isEmpty {
            console.note("No activities match.")
        } else {
            AgendaText(agenda: agenda).lines.forEach(console.result)
        }
        let broken = Set(project.diagnostics.filter { $0.severity == .error }.map(\.location.file)).count
        if broken > 0 {
            console.error("warning: \(Console.plural(broken, "file")) with errors left out; `almanac check` shows why")
        }
    }
}

/// The agenda as JSON for scripts: one object per occurrence, keys named as in the records,
/// absent values left out.
enum AgendaJSON {
    private struct Entry: Encodable {
        var id: String
        var title: String
        var start: String?
        var end: String?
        var timezone: String?
        var venue: String?
        var city: String?
        var country: String?
        var category: String?
        var tags: [String]
        var organisations: [String]
        var participants: Int?
        var role: String?
        var format: String?
        var status: String
        var visibility: String
        var url: String?
        /// The record's file, relative to the project.
        var file: String
    }

    static func text(_ agenda: Agenda, projectDirectory: String) throws -> String {
        let entries = agenda.entries.map { entry in
            let record = entry.record
            var start: String?, end: String?, timezone: String?
            switch entry.timing {
            case let .allDay(first, last)?:
                start = first.description
                end = last.description
            case let .timed(first, last)?:
                start = first.description
                end = last?.description
                timezone = record.timezone
            case nil:
                break
            }
            return Entry(
                id: record.id, title: record.title, start: start, end: end, timezone: timezone,
                venue: record.place?.venue, city: record.place?.city ?? record.place?.text, country: record.place?.country,
                category: record.category, tags: record.tags, organisations: record.organisations,
                participants: record.participants, role: record.role?.rawValue, format: record.format?.rawValue,
                status: record.status.rawValue, visibility: record.visibility.rawValue, url: record.url,
                file: RelativePath.display(record.origin.file, from: projectDirectory)
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }
}
