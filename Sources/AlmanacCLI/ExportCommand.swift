import AlmanacModel
import AlmanacRecords
import AlmanacReports
import ArgumentParser
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the records for other programs.",
        discussion: ExitStatus.documentation,
        subcommands: [ExportCSVCommand.self]
    )
}

struct ExportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Export the activities of a period, or of the whole log, as CSV.",
        discussion: """
            Writes one row per activity (a repeating activity gives a row per occurrence), in \
            date order, to standard output or to --out FILE (written atomically). Without a \
            period: every record, undated drafts last (full profile).

            Profiles:
              full     every field: id, title, start, end, start_time, end_time, timezone, \
            category, tags, venue, city, country, organisations, participants, role, format, \
            status, visibility, url, repeat, summary; every status
              google   the columns Google Calendar imports (Subject, Start Date, … Private); \
            confirmed and tentative activities only, internal ones marked private
              outlook  the columns Outlook's English import expects (Subject, Start Date, … \
            Show time as); confirmed and tentative only, internal ones private

            RFC 4180 with CRLF line ends, UTF-8, ISO dates (US dates for the calendar profiles), \
            lists joined with "; ". Text cells that a spreadsheet would run as a formula \
            (starting with =, +, -, @, tab, CR or LF) get a leading ' .

            Examples:
              almanac export csv --project examples/iisg --out activities.csv
              almanac export csv 2023-Q4 --profile google --out q4-for-google.csv
              almanac export csv 2023 --excel --delimiter ';' > 2023.csv

            \(ExitStatus.documentation)
            """
    )

    @OptionGroup var periodOptions: PeriodOptions
    @OptionGroup var csvOptions: CSVOptions

    @Option(name: .long, help: ArgumentHelp("Column layout: full (default), google or outlook.", valueName: "profile"))
    var profile: CalendarExport.Profile = .full

    @Option(name: .long, help: ArgumentHelp("File to write (default: standard output).", valueName: "file"))
    var out: String?

    @Flag(name: .customLong("public"), help: "Leave internal activities out.")
    var publicOnly = false

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let console = output.console
        // The period first: a period that cannot be read is the error to show, before the
        // records' warnings.
        let started = Date()
        let stream = try options.stream()
        let period = try periodOptions.resolve(for: stream.config, clock: Clock.fromEnvironment())
        let settings = csvOptions.applied(to: stream.config.report)
        let path = out.map(ReportCommand.absolute)
        // Read as a stream: each row's text waits in a scratch file (in the project folder,
        // else beside --out, else the temporary folder), only its place in date order in memory.
        let export = try SpooledExport(
            CalendarExport(records: [], period: period, profile: profile, publicOnly: publicOnly),
            delimiter: settings.delimiter, byteOrderMark: settings.excel,
            scratchFolders: [stream.directory] + (path.map { [($0 as NSString).deletingLastPathComponent] } ?? [])
                + [NSTemporaryDirectory()],
            target: path ?? "standard output")
        let read = try stream.read(progress: console.progress()) { try export.add($0) }
        options.report(read, from: stream, since: started, console)
        try export.finish()
        let span = period.map { " for \($0.label) (\($0.start) to \($0.end))" } ?? ""
        let rows = Console.plural(export.rowCount, "row")
        if let path {
            let file = try AtomicFile(path: path)
            try export.write { bytes throws(FileWriteError) in try file.write(bytes) }
            try file.commit()
            console.note(
                "Wrote \(RelativePath.display(path, from: FileManager.default.currentDirectoryPath)) (\(rows))\(span)")
        } else {
            try export.write { bytes in FileHandle.standardOutput.write(Data(bytes)) }
            // Standard output is the data: the summary goes to standard error.
            console.note("Exported \(rows)\(span)", on: .error)
        }
        console.warnAboutCutSeries(export.cutSeries, through: period, counted: false)
        if read.diagnostics.hasErrors {
            throw AlmanacFailure(
                .badInput, nil,
                Project.leftOutNotice(read.leftOut) ?? "some records have errors: run almanac check to see them")
        }
    }
}

extension CalendarExport.Profile: ExpressibleByArgument {}
