import AlmanacModel
import Foundation
internal import ICal

/// A new project as `almanac init` writes it: an `almanac.yml` with every setting present and
/// explained, one example record and a `.gitignore` for what Almanac generates.
public struct ProjectTemplate: Sendable {
    public var name: String
    public var organisation: String
    public var timezone: String
    public var domain: String
    /// The example activity is set on the first Monday after this day.
    public var today: LocalDate

    public init(name: String, organisation: String, timezone: String, domain: String, today: LocalDate) {
        self.name = name
        self.organisation = organisation
        self.timezone = timezone
        self.domain = domain
        self.today = today
    }

    /// This machine's time zone when libical knows it, else UTC.
    public static var systemTimezone: String {
        let zone = TimeZone.current.identifier
        return ICalTimezones.isKnown(zone) ? zone : "UTC"
    }

    /// The categories a new project starts with.
    public static let categories = ["meeting", "workshop", "conference", "training", "board-meeting"]

    /// What `init` did.
    public enum Outcome: Sendable {
        /// The files written or extended, absolute paths, in the order written.
        case created([String])
        /// Nothing was written: the folder already holds `almanac.yml`.
        case alreadyAProject(String)
        /// Nothing was written: the values break the rules of `almanac.yml` or of a record.
        /// `settings` names the setting of almanac.yml on each line the diagnostics may point
        /// at (line → key), as the parsed file places them.
        case invalid(diagnostics: [Diagnostic], settings: [Int: String])
    }

    /// Writes the project into `directory` (created if needed). Never replaces a file: an
    /// existing `almanac.yml` stops everything, an existing `.gitignore` gets the missing lines
    /// added, and no example is added to an `events/` folder that already has records.
    public func create(in directory: String) throws -> Outcome {
        let directory = URL(fileURLWithPath: directory).standardizedFileURL.path
        let configPath = directory + "/" + Project.configFileName
        if FileManager.default.fileExists(atPath: configPath) { return .alreadyAProject(configPath) }

        var diagnostics: [Diagnostic] = []
        guard let configFile = YAMLFile.parse(configText, path: configPath, diagnostics: &diagnostics) else {
            return .invalid(diagnostics: diagnostics, settings: [:])
        }
        guard let config = ConfigDecoder().decode(configFile, diagnostics: &diagnostics) else {
            return .invalid(diagnostics: diagnostics, settings: configFile.topLevelKeyLines)
        }
        let recordPath = directory + "/" + exampleRecordPath
        let checker = RecordChecker(config: config, gazetteer: .bundled)
        guard let recordFile = YAMLFile.parse(exampleRecordText, path: recordPath, diagnostics: &diagnostics),
            YAMLRecordSource(fallbackID: exampleID).record(of: recordFile, checker: checker, diagnostics: &diagnostics)
                != nil, !diagnostics.hasErrors
        else {
            return .invalid(diagnostics: diagnostics, settings: [:])
        }

        // almanac.yml goes last: a run cut short leaves no project, so it can simply be rerun.
        var written: [String] = []
        if Project.recordFiles(in: directory + "/" + Project.eventsFolder).isEmpty,
            try AtomicFile.create(exampleRecordText, at: recordPath)
        {
            written.append(recordPath)
        }
        if let gitignore = try updatedGitignore(in: directory) {
            written.append(gitignore)
        }
        guard try AtomicFile.create(configText, at: configPath) else { return .alreadyAProject(configPath) }
        written.append(configPath)
        return .created(written)
    }

    // MARK: almanac.yml

    /// The text of `almanac.yml`.
    public var configText: String {
        """
        # Almanac project settings. Every setting is here, with what it does; `almanac check`
        # validates this file and the records, `almanac help` lists the commands.

        # The calendar's name and description, as subscribers see them in their calendar app.
        name: \(YAMLText.scalar(name))
        description: \(YAMLText.scalar("Meetings, workshops and conferences of \(organisation)."))

        # Who keeps this log; shown in reports.
        organisation: \(YAMLText.scalar(organisation))

        # The IANA time zone of timed activities whose record names no zone and whose city is
        # not in Almanac's gazetteer.
        timezone: \(YAMLText.scalar(timezone))

        # Calendar UIDs are "<record id>@<domain>": use a domain you control, and never change
        # it once the feeds are published, or subscribers see every activity twice.
        domain: \(YAMLText.scalar(domain))

        # Where the feeds are published. When set, each feed carries its own address
        # "<base-url>/<feed name>.ics" (SOURCE and URL), which some calendar apps use.
        # base-url: https://\(domain)/calendar

        # How often calendar apps that honour it refetch a feed, as an ISO 8601 duration:
        # PT12H is 12 hours, P1D a day.
        refresh-interval: PT12H

        # How many days a cancelled or deleted activity stays in the feeds, marked cancelled,
        # before it disappears; calendar apps then remove it instead of keeping a stale copy.
        cancelled-grace-days: 30

        # The categories a record may use (lower-case words joined by '-'). Feeds and reports
        # group and filter by them.
        categories: [\(Self.categories.joined(separator: ", "))]

        # The feeds `almanac feed` writes, each to public/<name>.ics. A feed without a filter
        # holds every public, dated activity that is not a draft. Filter keys: category, tag,
        # organisation, country; each takes one value or a list. An activity must match every
        # key given, and any one value of a key.
        feeds:
          - name: all
            title: \(YAMLText.scalar(name))
            description: Every public activity.
          # - name: meetings
          #   title: \(name) — meetings
          #   filter:
          #     category: [meeting, board-meeting]

        # Reports (`almanac report 2024-Q1`) and fiscal periods: the month the fiscal year
        # starts in. With july, FY2025 runs from July 2024 to June 2025.
        fiscal-year-start: january

        # How reports and CSV files are written. template and html-template: your own Mustache
        # templates, relative to this file (`almanac templates` writes the built-in ones to start from).
        # excel: true starts CSV files with the byte order mark Excel needs to read UTF-8.
        # delimiter: ',' or ';' (Excel in locales with a decimal comma), 'tab' or '|'.
        report:
          # template: templates/report.md.mustache
          # html-template: templates/report.html.mustache
          excel: false
          delimiter: ','

        # Targets the board follows; every report shows how far each has come. Each takes the
        # filter keys of a feed (category, tag, organisation, country), a whole-number target
        # and the span it is for (per: year, quarter or month).
        # indicators:
        #   - name: Workshops organised
        #     category: workshop
        #     target: 8
        #     per: year

        # Notes printed at the foot of reports: a text is printed always; `{text: …, when: [words]}`
        # only when the report mentions one of the words; a country among the words is printed
        # with the note's mark (`marker:`, by default the marks the text starts with: Kosovo*).
        # Left out, reports carry this one, which documents that mention Kosovo* must carry;
        # `footnotes: []` prints none.
        # footnotes:
        #   - text: \(YAMLText.scalar(ProjectConfig.kosovoFootnoteText))
        #     when: [Kosovo]

        # How reports name categories; a category not listed here is named after itself,
        # with spaces for dashes and a capital: board-meeting is "Board meeting".
        # category-labels:
        #   board-meeting: Board meeting

        """
    }

    // MARK: The example record

    /// The day of the example activity: the first Monday after ``today``.
    public var exampleDay: LocalDate {
        today.adding(days: 8 - today.weekday)
    }

    var exampleID: String { "\(exampleDay)-kick-off-meeting" }

    /// `events/<year>/<date>-kick-off-meeting.yml`.
    public var exampleRecordPath: String {
        "\(Project.eventsFolder)/\(exampleDay.year)/\(exampleID).yml"
    }

    /// An example record with every field of ``RecordSchema``, in its order, the optional ones
    /// commented out. A field without an example here is still shown, commented out, with
    /// its help text.
    public var exampleRecordText: String {
        let examples: [String: [(String, String?)]] = [
            "id": [("id: \(exampleID)", "unique and stable: calendar UIDs are made from it")],
            "title": [("title: Kick-off meeting", "required")],
            "start": [("start: \(exampleDay)T10:00", "a day (\(exampleDay)) or a local time (\(exampleDay)T10:00)")],
            "end": [("end: 12:00", "the last day, the end time on the same day, or a date-time")],
            "timezone": [("# timezone: \(timezone)", "default: the city's zone, else almanac.yml's")],
            "location": [
                ("location:", "free text, or venue, city and country:"),
                ("  venue: Our office", nil),
                ("  # city: Sarajevo", "a known city also gives the country, zone and map position"),
                ("  # country: Bosnia and Herzegovina", nil),
            ],
            "geo": [("# geo: [43.8563, 18.4131]", "[latitude, longitude]")],
            "category": [("category: meeting", "one of almanac.yml's categories")],
            "tags": [("tags: [planning]", "free words, for filters")],
            "organisations": [("# organisations: [A partner]", "partner organisations involved")],
            "participants": [("# participants: 12", "a head count, or a list of names")],
            "role": [("role: organised", EventRole.allCases.map(\.rawValue).joined(separator: ", "))],
            "format": [("format: in-person", EventFormat.allCases.map(\.rawValue).joined(separator: ", "))],
            "status": [("status: tentative", "confirmed (the default), tentative, cancelled, draft")],
            "visibility": [("visibility: internal", "public (the default) or internal: never in a feed")],
            "url": [("# url: https://example.org/news/kick-off", "a page about it")],
            "summary": [
                ("summary: |", "the description calendar apps show; several lines allowed"),
                ("  Plans for the year: who does what, and when.", nil),
            ],
            "source": [
                ("# source: |", "the original text this record was made from (not published)"), ("#   …", nil),
            ],
            "source-note": [
                ("# source-note: the year is assumed", "what an importer assumed rather than read; review it")
            ],
            "repeat": [("# repeat: FREQ=WEEKLY;COUNT=6", "an RFC 5545 rule, for a series")],
            "except": [("# except: [\(exampleDay.adding(days: 7))]", "days left out of the series")],
        ]
        let lines: [(String, String?)] =
            [
                ("# An example activity, with every field a record can have. Edit it, or delete it once", nil),
                ("# you have added your own with `almanac new`. It is internal, so it never reaches a feed.", nil),
            ] + RecordSchema.fields.flatMap { examples[$0.key] ?? [("# \($0.key): …", $0.help)] }
        let column = lines.filter { $0.1 != nil }.map(\.0.count).max() ?? 0
        return lines.map { code, comment in
            comment.map { code.padding(toLength: column + 2, withPad: " ", startingAt: 0) + "# " + $0 } ?? code
        }.joined(separator: "\n") + "\n"
    }

    // MARK: .gitignore

    /// What a project's `.gitignore` holds, comments included.
    static let gitignoreLines = [
        "# Written by `almanac feed`: publish this folder, don't commit it.",
        "/public/",
        "# Written by `almanac site`: publish this folder, don't commit it.",
        "/site/",
        "# Held while `almanac feed` runs.",
        "/.almanac.lock",
        "# Commit the records, almanac.yml, almanac-state.txt (what each feed published) and",
        "# reports/ (the record of what was reported).",
    ]

    /// Writes `.gitignore`, or adds the entries it lacks to an existing one. Returns its path,
    /// or nil when it already had every entry.
    private func updatedGitignore(in directory: String) throws -> String? {
        let path = directory + "/.gitignore"
        guard let existing = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) })
        else {
            return try AtomicFile.create(Self.gitignoreLines.joined(separator: "\n") + "\n", at: path) ? path : nil
        }
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = Self.gitignoreLines.filter { !$0.hasPrefix("#") && !present.contains($0) }
        guard !missing.isEmpty else { return nil }
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        try AtomicFile.write(
            existing + separator + "\n# Added by `almanac init`.\n" + missing.joined(separator: "\n") + "\n", to: path)
        return path
    }
}
