import AlmanacModel
import ArgumentParser
import Foundation

@main
struct Almanac: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Turn an organisation's activity records into calendar feeds and reports.",
        discussion: """
            A project is a folder with almanac.yml and an events/ folder of YAML records, one \
            activity per file. Commands work on the current folder, or on --project DIR.

            Start a project with `almanac init`, add activities with `almanac new`, see what is \
            coming with `almanac list` and validate with `almanac check`. `almanac feed` writes \
            the iCalendar feeds that partners subscribe to, `almanac report 2023-Q4` the board \
            report of a quarter and `almanac export csv` a spreadsheet. `almanac import` makes \
            records from activity news, spreadsheets and calendar files.

            Every command takes --quiet and --verbose. Colour appears only on a terminal and \
            never when NO_COLOR is set; long work shows a progress bar on a terminal only.

            \(ExitStatus.documentation)
            """,
        version: AlmanacVersion.description,
        subcommands: [
            InitCommand.self, NewCommand.self, ListCommand.self, CheckCommand.self, FeedCommand.self,
            ImportCommand.self, ReportCommand.self, TemplatesCommand.self, ExportCommand.self, SiteCommand.self,
            ServeCommand.self,
        ]
    )

    /// Runs the command. This is the one place where errors end the program: an Almanac
    /// error is printed (`error: <origin>: <message>` and its hint) and exits with the status
    /// of its kind; swift-argument-parser's usage errors exit with 2; any other error is a bug.
    static func main() {
        if let quick = QuickCommandLine(Array(CommandLine.arguments.dropFirst())) {
            finish { try quick.run() }
            return
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(afterParsing: error)
        }
        finish { try command.run() }
    }

    /// Runs a command whose line was read, and ends the program on its error.
    private static func finish(_ run: () throws -> Void) {
        do {
            try run()
        } catch let error as any AlmanacError {
            fail(error)
        } catch let error where error is ExitCode || exitCode(for: error) != .failure {
            // swift-argument-parser's own (help, a `ValidationError`): any other error is
            // one it would only call a failure.
            exit(afterParsing: error)
        } catch {
            fail(AlmanacFailure.from(error))
        }
    }

    private static func fail(_ error: any AlmanacError) -> Never {
        Console().fail(error)
        Foundation.exit(ExitStatus.of(error.kind))
    }

    /// Help, the version, or a command line that is wrong (exit status 2, with a suggestion
    /// for a misspelt command or option).
    private static func exit(afterParsing error: any Error) -> Never {
        guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
        let arguments = Array(CommandLine.arguments.dropFirst())
        Console().error(CommandSuggestions.message(for: arguments).map { "Error: \($0)" } ?? fullMessage(for: error))
        Console().error("Run `almanac help` for the commands and their options.")
        Foundation.exit(ExitStatus.of(.usage))
    }
}

/// The exit status of every command: the one place where an error's kind becomes a number.
enum ExitStatus {
    static func of(_ kind: ErrorKind) -> Int32 {
        switch kind {
        case .badInput, .notFound, .configuration: 1
        case .usage: 2
        case .cannotWrite: 3
        case .unavailable: 4
        case .internalError: 5
        }
    }

    /// What each status means, in order; each fits on a line of the help.
    static let meanings: [(status: Int32, meaning: String)] = [
        (0, "all went well (warnings allowed)"),
        (of(.badInput), "errors in the records, almanac.yml, a template or an input file"),
        (of(.usage), "the command line (or SOURCE_DATE_EPOCH) is wrong"),
        (of(.cannotWrite), "an output could not be written"),
        (of(.unavailable), "a program it needs is missing or failed (Chromium, tzdata, the port)"),
        (of(.internalError), "an internal error: a bug in Almanac, please report it"),
    ]

    /// The paragraph that closes every command's help.
    static let documentation =
        "Exit status:\n" + meanings.map { "  \($0.status)  \($0.meaning)" }.joined(separator: "\n")
}
