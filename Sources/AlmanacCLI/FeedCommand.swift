import AlmanacFeeds
import AlmanacModel
import ArgumentParser
import Foundation

struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Write the iCalendar feeds (.ics) that partners subscribe to.",
        discussion: """
            Writes <out>/<feed>.ics for every feed in almanac.yml, and updates \
            almanac-state.txt, which remembers what each feed published so that changes reach \
            subscribers (SEQUENCE and LAST-MODIFIED move) and cancelled or removed activities are \
            announced as cancelled for `cancelled-grace-days` before they disappear. Commit \
            almanac-state.txt together with the records.

            The feeds are byte-for-byte the same for the same records, state file and tzdata. \
            The clock only stamps changes seen for the first time; SOURCE_DATE_EPOCH replaces \
            it when set. While any record has errors nothing is written (a record that cannot \
            be read would look deleted and be cancelled for subscribers): fix them first, \
            with `almanac check`.

            Example:
              almanac feed --project examples/iisg --out public

            \(ExitStatus.documentation)
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder for the .ics files (default: <project>/public).", valueName: "dir"))
    var out: String?

    @Flag(help: "Parse every written event back with libical and compare it with the record (slower; for bug reports).")
    var verify = false

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try Self.run(out: out, verify: verify, project: options.folder, console: output.console)
    }

    /// The command, given its options' values (as `QuickCommandLine` reads them too).
    static func run(out: String?, verify: Bool, project options: ProjectFolder, console: Console) throws {
        let started = Date()
        let stream = try options.stream()
        let clock = try Clock.fromEnvironment()
        let outputDirectory =
            out.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? stream.directory + "/public"
        var publisher = FeedPublisher(stream: stream, clock: clock)
        publisher.verifiesEvents = verify
        publisher.keepsItems = false
        let isFirstRun = publisher.isFirstRun
        let outcomes = try publisher.publish(
            to: outputDirectory, progress: console.progress(),
            onWait: { console.error("Waiting for another `almanac feed` on this project to finish…") },
            onRead: { summary in
                options.report(summary, from: stream, since: started, console)
                guard isFirstRun, !summary.diagnostics.hasErrors else { return }
                let published = stream.config.feeds.map { outputDirectory + "/" + $0.fileName }.filter {
                    FileManager.default.fileExists(atPath: $0)
                }
                if let feed = published.first {
                    console.report([Self.lostState(publisher.statePath, feed: feed)])
                    return
                }
                console.note(
                    """
                    There is no \(FeedState.fileName) yet, so this is the project's first feed: \
                    every event starts at SEQUENCE 0. Commit \(FeedState.fileName) with the records.
                    """,
                    on: .error)
            })
        let directory = FileManager.default.currentDirectoryPath
        for outcome in outcomes {
            console.note(
                """
                Wrote \(RelativePath.display(outcome.path, from: directory)) \
                (\(Console.plural(outcome.events, "event")))
                """
            )
        }
    }

    /// The warning for a project whose feeds were published before, yet has no state file:
    /// every SEQUENCE starts again at 0, below what subscribers hold.
    static func lostState(_ statePath: String, feed: String) -> Diagnostic {
        .warning(
            SourceLocation(file: statePath),
            """
            there is no \(FeedState.fileName), yet \
            \(RelativePath.display(feed, from: FileManager.default.currentDirectoryPath)) was published \
            before: every event starts again at SEQUENCE 0, and calendar apps that hold a higher one may \
            ignore the changes
            """,
            hint: """
                if the file was deleted or never committed, restore it (git checkout -- \(FeedState.fileName)) \
                and run `almanac feed` again; otherwise commit the new one with the records
                """)
    }
}
