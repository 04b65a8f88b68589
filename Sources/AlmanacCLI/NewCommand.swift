import AlmanacModel
import AlmanacRecords
import ArgumentParser
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add an activity: write a new record file and print its path.",
        discussion: """
            Writes events/<year>/<date>-<title>.yml with an id no other record has (adding -2, \
            -3… when needed); it never replaces a file. The values are checked by the same rules \
            as `almanac check`, and nothing is written when one is wrong. A city Almanac knows \
            also fills in the country.

            Without a title or --start, on a terminal, it asks for the fields. When standard \
            input is not a terminal (a pipe, CI) it never waits: it stops with exit status 2.

            Examples:
              almanac new "Team meeting" --start 2024-03-05T10:00 --end 11:00
              almanac new "Regional workshop" --start 2024-04-16 --end 2024-04-17 \\
                  --city Skopje --category workshop --partner RCC --partner "DG NEAR"
              almanac new "Study visit" --status draft

            \(ExitStatus.documentation)
            """
    )

    // The help of each value is its field's in RecordSchema, as are the option names.
    @Argument(help: Self.help(Schema.title, valueName: "title"))
    var title: String?

    @Option(name: Self.name(Schema.start), help: Self.help(Schema.start))
    var start: String?

    @Option(name: Self.name(Schema.end), help: Self.help(Schema.end))
    var end: String?

    @Option(name: Self.name(Schema.timezone), help: Self.help(Schema.timezone))
    var timezone: String?

    @Option(name: Self.name(Schema.venue), help: Self.help(Schema.venue))
    var venue: String?

    @Option(name: Self.name(Schema.city), help: Self.help(Schema.city))
    var city: String?

    @Option(name: Self.name(Schema.country), help: Self.help(Schema.country))
    var country: String?

    @Option(name: Self.name(Schema.category), help: Self.help(Schema.category))
    var category: String?

    @Option(name: Self.name(Schema.tags), help: Self.help(Schema.tags))
    var tags: [String] = []

    @Option(name: Self.name(Schema.organisations), help: Self.help(Schema.organisations))
    var partners: [String] = []

    @Option(name: Self.name(Schema.participants), help: Self.help(Schema.participants))
    var participants: Int?

    @Option(
        name: Self.name(Schema.role), help: Self.help(Schema.role),
        completion: .list(EventRole.allCases.map(\.rawValue)))
    var role: String?

    @Option(
        name: Self.name(Schema.format), help: Self.help(Schema.format),
        completion: .list(EventFormat.allCases.map(\.rawValue)))
    var format: String?

    @Option(
        name: Self.name(Schema.status), help: Self.help(Schema.status),
        completion: .list(EventStatus.allCases.map(\.rawValue)))
    var status: String?

    @Flag(name: Self.name(Schema.visibility), help: Self.help(Schema.visibility))
    var `internal` = false

    @Option(name: Self.name(Schema.url), help: Self.help(Schema.url))
    var url: String?

    @Option(name: Self.name(Schema.summary), help: Self.help(Schema.summary))
    var summary: String?

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    private typealias Schema = RecordSchema

    /// The long option of `field`, as the schema names it.
    private static func name(_ field: RecordField) -> NameSpecification {
        .customLong(field.option?.name ?? field.key)
    }

    /// The help of `field`, as the schema words it.
    private static func help(_ field: RecordField, valueName: String? = nil) -> ArgumentHelp {
        let value = valueName ?? field.option?.valueName ?? field.key
        return ArgumentHelp(field.help, valueName: value.isEmpty ? nil : value)
    }

    func run() throws {
        let console = output.console
        let project = try options.load(console, reporting: false)
        var record = newRecord()
        let needsAnswers = title == nil || (start == nil && status != EventStatus.draft.rawValue)
        var prompter: Prompter?
        if needsAnswers {
            guard Prompter.canAsk else {
                throw AlmanacFailure(
                    .usage, nil,
                    """
                    `almanac new` needs a title and --start, and cannot \
                    ask for them: standard input is not a terminal
                    """,
                    hint: """
                        pass them, e.g. almanac new "Team meeting" --start 2024-03-05T10:00 [--end \
                        11:00] [--city …] [--category …]; a draft (--status draft) needs no --start
                        """
                )
            }
            var asking = Prompter(categories: project.config.categories)
            try asking.ask(for: &record, fields: isBare ? Prompter.Field.allCases : asking.missingFields(of: record))
            prompter = asking
        }
        while true {
            switch try record.add(to: project, labels: prompter?.labels ?? [:]) {
            case .written(let path, let written, let warnings):
                console.report(warnings)
                if let country = written.place?.country, record.country == nil {
                    console.note("The country, \(country), comes from the city.", on: .error)
                }
                console.result(RelativePath.display(path, from: FileManager.default.currentDirectoryPath))
                return
            case .invalid(let diagnostics, let fields):
                // Each message names the option (or the question) that gave the value.
                for diagnostic in diagnostics {
                    console.error(
                        "\(diagnostic.severity.rawValue): \(diagnostic.message)"
                            + (diagnostic.hint.map { "\n  hint: \($0)" } ?? ""))
                }
                // On a terminal, ask again for the answers that turned out wrong.
                let wrong = prompter?.fields(failing: fields) ?? []
                guard !wrong.isEmpty else {
                    throw AlmanacFailure(.usage, nil, "nothing was written: fix the values above")
                }
                try prompter?.ask(for: &record, fields: wrong)
            }
        }
    }

    /// True when no value of the record was given, only where and how to run.
    private var isBare: Bool {
        title == nil && newRecord() == NewRecord(title: "")
    }

    private func newRecord() -> NewRecord {
        var record = NewRecord(title: title ?? "")
        record.start = start
        record.end = end
        record.timezone = timezone
        record.venue = venue
        record.city = city
        record.country = country
        record.category = category
        record.tags = tags
        record.partners = partners
        record.participants = participants.map(String.init)
        record.role = role
        record.format = format
        record.status = status
        record.visibility = `internal` ? Visibility.internal.rawValue : nil
        record.url = url
        record.summary = summary
        return record
    }
}
