import AlmanacCore
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

    @Argument(help: ArgumentHelp("What it is called, as calendars show it.", valueName: "title"))
    var title: String?

    @Option(help: ArgumentHelp("The day (2024-03-05) or the local start time (2024-03-05T10:00).", valueName: "when"))
    var start: String?

    @Option(
        help: ArgumentHelp(
            "The last day, the end time on the same day (16:00), or an end date-time.", valueName: "when"))
    var end: String?

    @Option(
        help: ArgumentHelp(
            "The IANA time zone of the times (default: the city's, else almanac.yml's).", valueName: "zone"))
    var timezone: String?

    @Option(help: ArgumentHelp("The building or room.", valueName: "text"))
    var venue: String?

    @Option(
        help: ArgumentHelp(
            "The city; a known city also gives the country, time zone and map position.", valueName: "name"))
    var city: String?

    @Option(help: ArgumentHelp("The country (default: the city's, when Almanac knows the city).", valueName: "name"))
    var country: String?

    @Option(help: ArgumentHelp("One of almanac.yml's categories.", valueName: "category"))
    var category: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag; repeat for several.", valueName: "tag"))
    var tags: [String] = []

    @Option(
        name: .customLong("partner"),
        help: ArgumentHelp("A partner organisation; repeat for several.", valueName: "name"))
    var partners: [String] = []

    @Option(help: ArgumentHelp("How many took part.", valueName: "count"))
    var participants: Int?

    @Option(
        help: ArgumentHelp("The organisation's part.", valueName: "role"),
        completion: .list(EventRole.allCases.map(\.rawValue)))
    var role: String?

    @Option(
        help: ArgumentHelp("How people take part.", valueName: "format"),
        completion: .list(EventFormat.allCases.map(\.rawValue)))
    var format: String?

    @Option(
        help: ArgumentHelp(
            "confirmed (default), tentative, cancelled or draft; a draft needs no --start.", valueName: "status"),
        completion: .list(EventStatus.allCases.map(\.rawValue)))
    var status: String?

    @Flag(help: "Keep it out of every feed (visibility: internal).")
    var `internal` = false

    @Option(help: ArgumentHelp("A web page about it.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("The description calendar apps show.", valueName: "text"))
    var summary: String?

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    /// The option behind each field of the record, for error messages.
    private static let optionForField = [
        "title": "the title", "start": "--start", "end": "--end", "timezone": "--timezone", "venue": "--venue",
        "city": "--city", "country": "--country", "category": "--category", "tags": "--tag",
        "organisations": "--partner", "participants": "--participants", "role": "--role", "format": "--format",
        "status": "--status", "visibility": "--internal", "url": "--url", "summary": "--summary",
    ]

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
                    "`almanac new` needs a title and --start, and cannot ask for them: standard input is not a terminal",
                    hint:
                        "pass them, e.g. almanac new \"Team meeting\" --start 2024-03-05T10:00 [--end 11:00] [--city …] [--category …]; a draft (--status draft) needs no --start"
                )
            }
            var asking = Prompter(categories: project.config.categories)
            try asking.ask(for: &record, fields: isBare ? Prompter.Field.allCases : asking.missingFields(of: record))
            prompter = asking
        }
        while true {
            switch try record.add(to: project) {
            case .written(let path, let written, let warnings):
                console.report(warnings)
                if let country = written.place?.country, record.country == nil {
                    console.note("The country, \(country), comes from the city.", on: .error)
                }
                console.result(RelativePath.display(path, from: FileManager.default.currentDirectoryPath))
                return
            case .invalid(let diagnostics, let text):
                let names = Self.optionForField.merging(prompter?.labels ?? [:]) { $1 }
                OptionDiagnostics(text: text, options: names).messages(for: diagnostics).forEach(console.error)
                // On a terminal, ask again for the answers that turned out wrong.
                let wrong = prompter?.fields(failing: diagnostics, in: text) ?? []
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
