import AlmanacModel
import AlmanacRecords
import AlmanacReports
import ArgumentParser
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: """
            Write the activity report of a period: HTML and PDF for the board, Markdown, CSV, a chart and \
            a staff checklist.
            """,
        discussion: """
            Writes report.md, report.html, checklist.md, activities.csv, summary.csv and \
            activities-by-month.svg into <project>/reports/<label>/ (or --out DIR), where the \
            label is the period's canonical name: 2023-Q4, FY2024-Q1, 2023-10-01_2023-12-31. \
            The same records give byte-identical files. report.html is one self-contained file \
            (chart, trend and map inline) to send as it is; checklist.md lists, for staff, the \
            records to complete. With --pdf, report.pdf too, printed by headless Chromium.

            Counting: an activity that straddles the period's edge counts in each period it \
            touches; days of activity add up each activity's days inside the period; each \
            occurrence of a repeating activity counts; cancelled activities are listed apart \
            and not counted; internal activities are counted unless --public; drafts are not \
            counted and are listed under data quality in checklist.md. Records with errors are \
            left out of every figure, as is a record whose id an earlier file (by path) already \
            uses; the report then says at its top how many were left out, and the command exits \
            with 1.

            PERIOD may be typed in words, without quotes: last quarter, Q4 2023, October 2023, \
            FY 2024.

            Fiscal years: with `fiscal-year-start: july` in almanac.yml, FY2024 is \
            2023-07-01 to 2024-06-30 and FY2024-Q1 is July to September 2023. Relative words \
            (last-quarter) count from today in the project's time zone, or from \
            SOURCE_DATE_EPOCH when set.

            The report is rendered from a Mustache template: `almanac templates` writes the \
            built-in ones into templates/; edit report.md.mustache and pass --template FILE (or \
            set `report: template:` in almanac.yml). The README lists every variable.

            Examples:
              almanac report 2023-Q4 --project examples/iisg
              almanac report last-quarter --public --out board-pack
              almanac report --from 2023-10-01 --to 2023-12-31 --excel --delimiter ';'

            \(ExitStatus.documentation)
            """
    )

    @OptionGroup var periodOptions: PeriodOptions
    @OptionGroup var csvOptions: CSVOptions

    @Option(
        name: .long,
        help: ArgumentHelp("Folder for the report's files (default: <project>/reports/<label>).", valueName: "dir"))
    var out: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The Markdown template (default: almanac.yml's report: template, else the one that ships with Almanac).",
            valueName: "file"))
    var template: String?

    @Option(
        name: .customLong("html-template"),
        help: ArgumentHelp(
            "The HTML page that holds the rendered report (default: the one that ships with Almanac).",
            valueName: "file"))
    var htmlTemplate: String?

    @Flag(
        name: .customLong("public"),
        help: "Leave internal activities out (they are counted by default: reports are for the board).")
    var publicOnly = false

    @Flag(name: .long, help: "Also print report.html to report.pdf (A4, page numbers), with headless Chromium.")
    var pdf = false

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard periodOptions.isGiven else {
            throw ValidationError("name the period, e.g. `almanac report 2023-Q4`, or give --from and --to")
        }
    }

    func run() throws {
        let console = output.console
        // The period first: a period that cannot be read is the error to show, before the
        // records' warnings.
        let started = Date()
        let stream = try options.stream()
        guard let period = try periodOptions.resolve(for: stream.config, clock: Clock.fromEnvironment()) else { return }
        // Read as a stream: of a log of a million activities, the report keeps the records of
        // the period (and the next one) and figures of the others.
        var gatherer = ReportGatherer(config: stream.config, period: period, publicOnly: publicOnly)
        let read = stream.read(progress: console.progress()) { gatherer.add($0) }
        options.report(read, from: stream, since: started, console)
        var settings = csvOptions.applied(to: stream.config.report)
        if let template { settings.template = Self.absolute(template) }
        if let htmlTemplate { settings.htmlTemplate = Self.absolute(htmlTemplate) }
        let builder = ReportBuilder(
            gathered: gatherer, projectDirectory: stream.directory, gazetteer: stream.gazetteer,
            leftOut: read.leftOut)
        let output = try ReportOutput(builder: builder, options: ReportOutput.Options(settings: settings))
        let directory = out.map(Self.absolute) ?? stream.directory + "/reports/" + period.label
        let written = try output.write(to: directory)
        let figures = output.figures
        console.note(
            "Report \(period.label): \(period.start) to \(period.end)\(publicOnly ? ", public activities only" : "")")
        console.note(
            output.context.noRecordsNote
                ?? [
                    Console.plural(figures[.activities], "activity", plural: "activities"),
                    Console.plural(figures[.daysOfActivity], "day") + " of activity",
                    Console.plural(figures[.cities], "city", plural: "cities"),
                    Console.plural(figures[.countries], "country", plural: "countries"),
                ].joined(separator: ", "))
        let current = FileManager.default.currentDirectoryPath
        for path in written { console.note("Wrote \(RelativePath.display(path, from: current))") }
        // The other files are written and named before the PDF, so a missing Chromium still
        // tells which files there are.
        if pdf {
            let pdfPath = directory + "/report.pdf"
            try PDFRenderer.render(html: directory + "/" + ReportFile.page.name, to: pdfPath)
            console.note("Wrote \(RelativePath.display(pdfPath, from: current))")
        }
        console.warnAboutCutSeries(
            output.context.cutSeries.map { stream.directory + "/" + $0 }, through: period, counted: true)
        if read.diagnostics.hasErrors {
            throw AlmanacFailure(
                .badInput, nil, Project.leftOutNotice(read.leftOut) ?? "some records have errors",
                hint: "the report says so; fix them before handing it out")
        }
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
            .standardizedFileURL.path
    }
}
