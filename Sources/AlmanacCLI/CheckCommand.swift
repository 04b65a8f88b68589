import AlmanacModel
import ArgumentParser
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate almanac.yml and every record.",
        discussion: """
            Prints each problem as `file:line:col: error: message` with a hint, the form editors \
            and CI logs link to. Covers YAML syntax, unknown or misspelt fields, missing titles \
            and dates, unparseable dates, an end before the start, unknown time zones and \
            categories, duplicate ids, invalid repeat rules and endless hourly (or finer) ones.

            Warnings point at values that are valid but would quietly change a report's \
            figures: a city the gazetteer does not know (with the nearest known names; give \
            `country:` to keep it), partner organisations written as one value \
            (`organisations: RCC, DG NEAR` instead of a list) and a title cut short by a \
            ` #`, which YAML reads as the start of a comment. Warnings (these, a missing id, a \
            draft without a date) leave the exit status at 0.

            Run from any folder inside a project, it finds almanac.yml in a folder above.

            Example:
              almanac check --project examples/iisg

            \(ExitStatus.documentation)
            """
    )

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try Self.run(project: options.folder, console: output.console)
    }

    /// The command, given its options' values (as `QuickCommandLine` reads them too).
    static func run(project options: ProjectFolder, console: Console) throws {
        let started = Date()
        // Read as a stream: a log of a million activities is checked holding one batch.
        let stream = try options.stream()
        var drafts = 0
        let read = stream.read(progress: console.progress()) { records in
            // By index: `count(where:)` copied each record (a retain of every field) to look at it.
            for index in records.indices where records[index].status == .draft { drafts += 1 }
        }
        options.report(read, from: stream, since: started, console)
        let summary = """
            \(Console.plural(read.recordCount, "record")) read (\(drafts) \
            draft\(drafts == 1 ? "" : "s")): \(Console.tally(read.diagnostics))
            """
        guard !read.diagnostics.hasErrors else { throw AlmanacFailure(.badInput, nil, summary) }
        console.note(summary + ".")
    }
}
