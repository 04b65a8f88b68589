import AlmanacModel
import AlmanacRecords
import ArgumentParser
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make records from activity news, spreadsheets or calendars.",
        discussion: """
            Each importer writes one record per activity to <project>/events/<year>/<id>.yml, \
            as `almanac new` does (events/undated/ for a draft without a date), or to \
            DIR/<id>.yml with --into DIR. It never replaces a file or an id that exists, so \
            importing the same input twice writes nothing new. --dry-run shows what would be \
            written.

            Exits with 1 when an item could not be imported (the others are still written), \
            and when nothing at all could be.

            Examples:
              almanac import news activity-news.txt
              almanac import csv activity-log.csv --map "Partner=organisations"
              almanac import ics outlook-export.ics --dry-run

            \(ExitStatus.documentation)
            """,
        subcommands: [ImportNewsCommand.self, ImportCSVCommand.self, ImportICSCommand.self]
    )
}

/// The options every importer takes.
struct ImportOptions: ParsableArguments {
    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder for the new records (default: <project>/events/<year>; created when missing).", valueName: "dir"))
    var into: String?

    @Flag(name: .long, help: "Show what would be written, and write nothing.")
    var dryRun = false

    var console: Console { output.console }

    /// Loads the project without reporting its records' own problems (they are `check`'s
    /// business); exits with status 1 when almanac.yml cannot be used.
    func loadProject() throws -> Project {
        try project.load(console, reporting: false)
    }

    /// Reads the input file, or throws what is wrong with it.
    func readInput(_ path: String) throws -> (text: String, file: String) {
        var diagnostics: [Diagnostic] = []
        let file = path == "-" ? "<stdin>" : URL(fileURLWithPath: path).standardizedFileURL.path
        guard let text = ImportInput.text(at: path == "-" ? "-" : file, diagnostics: &diagnostics) else {
            throw AlmanacFailure(.badInput, nil, "nothing was imported", details: diagnostics)
        }
        // Warnings about the input as a whole (control characters left out).
        console.report(diagnostics)
        return (text, file)
    }

    /// Writes the records, prints what happened and a summary line such as "12 items: 11
    /// records written (2 tentative: …), 1 draft needs a date", and exits with 1 when any
    /// item failed.
    /// Runs `importer` over the input read by ``readInput(_:)`` and writes its records.
    func run(_ importer: some Importer, on input: (text: String, file: String), project: Project) throws {
        try finish(
            importer.records(from: input.text, file: input.file), project: project, noun: type(of: importer).itemNoun)
    }

    func finish(_ result: ImportResult, project: Project, noun: String) throws {
        console.report(result.diagnostics)
        let destination =
            into.map { RecordWriter.Destination.folder(URL(fileURLWithPath: $0).standardizedFileURL.path) }
            ?? .project(project.directory)
        let existing = Dictionary(
            project.records.map { ($0.id, $0.origin.file) }, uniquingKeysWith: { first, _ in first })
        let outcomes = try RecordWriter(config: project.config, gazetteer: project.gazetteer).write(
            result.records, to: destination, existing: existing, dryRun: dryRun)
        let directory = FileManager.default.currentDirectoryPath
        var written = 0
        var drafts = 0
        var present = 0
        var assumed = 0
        for (record, outcome) in zip(result.records, outcomes) {
            let isDraft = record.timing == nil
            let isAssumed = !isDraft && record.sourceNote != nil
            switch outcome {
            case .written(let path), .wouldWrite(let path):
                if isDraft { drafts += 1 } else { written += 1 }
                if isAssumed { assumed += 1 }
                let verb = dryRun ? "Would write" : "Wrote"
                let flag = isDraft ? " (draft: no date)" : isAssumed ? " (tentative: see its source-note)" : ""
                console.note("\(verb) \(RelativePath.display(path, from: directory))\(flag)")
            case .exists:
                present += 1
            }
        }
        let failed = result.diagnostics.filter { $0.severity == .error }.count
        var parts = [
            "\(Console.plural(written, "record")) \(dryRun ? "would be written" : "written")"
                + (assumed > 0 ? " (\(assumed) tentative: what was assumed is in their source-note)" : "")
        ]
        if drafts > 0 { parts.append("\(Console.plural(drafts, "draft")) \(drafts == 1 ? "needs" : "need") a date") }
        if present > 0 { parts.append("\(present) already imported") }
        if failed > 0 { parts.append("\(Console.plural(failed, "error"))") }
        let summary = """
            \(Console.plural(result.itemCount, noun)): \
            \(parts.joined(separator: ", "))\(dryRun ? " (dry run: nothing written)" : "")
            """
        guard failed == 0 else { throw AlmanacFailure(.badInput, nil, summary) }
        console.note(summary + ".")
    }
}
