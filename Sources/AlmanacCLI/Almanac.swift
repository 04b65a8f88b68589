import AlmanacCore
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
            ImportCommand.self, ReportCommand.self, ExportCommand.self, SiteCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command, mapping swift-argument-parser's usage errors to exit status 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let arguments = Array(CommandLine.arguments.dropFirst())
                Console().error(
                    CommandSuggestions.message(for: arguments).map { "Error: \($0)" } ?? fullMessage(for: error))
                Console().error("Run `almanac help` for the commands and their options.")
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// The exit statuses of every command.
enum ExitStatus {
    static let dataErrors: Int32 = 1
    static let usage: Int32 = 2

    /// The paragraph that closes every command's help.
    static let documentation = """
        Exit status: 0 when all went well (warnings allowed), 1 when the records or \
        settings have errors, 2 when the command line is wrong.
        """
}
