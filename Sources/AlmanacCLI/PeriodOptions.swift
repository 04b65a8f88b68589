import AlmanacModel
import AlmanacRecords
import ArgumentParser

/// `PERIOD` or `--from DATE --to DATE`, shared by the commands that cover a period.
struct PeriodOptions: ParsableArguments {
    /// The words of the period, as typed: `2023-Q4`, or unquoted `last quarter`, `Q4 2023`.
    @Argument(
        help: ArgumentHelp(
            """
            The period: 2023-Q4, Q4 2023, October 2023, 2023-11, 2023, 2023-H2, 2023-W45, \
            FY2024, FY 2024, last quarter, this month, last year; quotes are not needed.
            """,
            valueName: "period"))
    var periodWords: [String] = []

    /// The period as one text: the words joined by spaces.
    var period: String? { periodWords.isEmpty ? nil : periodWords.joined(separator: " ") }

    @Option(
        name: .long,
        help: ArgumentHelp("First day of a custom period (YYYY-MM-DD, inclusive); needs --to.", valueName: "date"))
    var from: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Last day of a custom period (YYYY-MM-DD, inclusive); needs --from.", valueName: "date"))
    var to: String?

    func validate() throws {
        if period != nil && (from != nil || to != nil) {
            throw ValidationError("give either PERIOD or --from and --to, not both")
        }
        if (from == nil) != (to == nil) {
            throw ValidationError("a custom period needs both --from and --to, e.g. --from 2023-10-01 --to 2023-12-31")
        }
    }

    /// Whether a period was given at all.
    var isGiven: Bool { period != nil || from != nil }

    /// The period asked for, resolved against the clock's today in the project's time zone;
    /// nil when none was given. A period that cannot be read is a usage error (a
    /// ``PeriodError``, of kind `usage`).
    func resolve(in project: Project, clock: Clock) throws -> ReportPeriod? {
        try resolve(for: project.config, clock: clock)
    }

    /// ``resolve(in:clock:)`` with the project's almanac.yml, before its records are read.
    func resolve(for config: ProjectConfig, clock: Clock) throws -> ReportPeriod? {
        if let from, let to {
            guard let start = LocalDate(iso: from) else { throw Self.notADay("--from", from, example: "2023-10-01") }
            guard let end = LocalDate(iso: to) else { throw Self.notADay("--to", to, example: "2023-12-31") }
            return try ReportPeriod.range(from: start, to: end)
        }
        guard let period else { return nil }
        let today = clock.today(in: config.timezone)
        return try ReportPeriod.parse(period, today: today, fiscalYearStartMonth: config.fiscalYearStartMonth)
    }

    /// `--from` or `--to` that is not a day, explained as a record's date is ("November has
    /// 30 days", "write it year first: 2024-11-05").
    private static func notADay(_ option: String, _ text: String, example: String) -> ValidationError {
        let general = "write YYYY-MM-DD, e.g. \(example)"
        let advice = DateAdvice.explain(text, otherwise: general)
        // A day, not a time: the advice "2024-11-05T10:00" does not fit here.
        let hint = advice.hint.contains("T") ? general : advice.hint
        return ValidationError("\(option) \(advice.message); \(hint)")
    }
}

/// `--excel` and `--delimiter`, over almanac.yml's `report:` settings.
struct CSVOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help: """
            Start CSV files with the UTF-8 byte order mark that Excel \
            needs (default: almanac.yml's report: excel, else no).
            """
    )
    var excel: Bool?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "CSV field separator: ',' (default), ';' for Excel in locales with a decimal comma, 'tab' or '|'.",
            valueName: "char"))
    var delimiter: String?

    func validate() throws {
        if let delimiter, CSVDelimiter.parse(delimiter) == nil {
            throw ValidationError("--delimiter '\(delimiter)' cannot separate CSV fields: \(CSVDelimiter.hint)")
        }
    }

    /// The settings with the command line's choices applied.
    func applied(to settings: ReportSettings) -> ReportSettings {
        var settings = settings
        if let excel { settings.excel = excel }
        if let delimiter, let character = CSVDelimiter.parse(delimiter) { settings.delimiter = character }
        return settings
    }
}
