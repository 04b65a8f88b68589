import AlmanacFeeds
import AlmanacModel
import AlmanacSite
import ArgumentParser
import Foundation

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write the published site: feeds, a subscribe page, an agenda and the reports.",
        discussion: """
            Writes a complete static site into <project>/site (or --out DIR), for any web \
            server, object store or CDN: the feeds (the same bytes `almanac feed` writes, and \
            the same almanac-state.txt), index.html with one-click subscribe links for every \
            feed and instructions per calendar app, upcoming and recent activities, \
            agenda.html with a single-event .ics per activity (events/<id>.ics, the UID of the \
            feeds), and a report of public activities for every quarter, year (and fiscal year) \
            that has any, in reports/<label>/ with its CSV files.

            The subscribe links must be full addresses: set `base-url:` in almanac.yml to where \
            the site is published. Pages carry a Content-Security-Policy, work without \
            JavaScript and print cleanly. Like `almanac feed`, nothing is written while a \
            record has errors. `almanac serve` serves the same site over HTTP.

            Example:
              almanac site --project examples/iisg --out site

            \(ExitStatus.documentation)
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder for the site (default: <project>/site).", valueName: "dir"))
    var out: String?

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let console = output.console
        let project = try options.load(console)
        try PublishGuard.check(project, publishing: .site)
        let builder = try SiteBuilder(project: project, clock: Clock.fromEnvironment())
        let directory = out.map(ReportCommand.absolute) ?? project.directory + "/site"
        let outcome = try builder.write(to: directory, progress: console.progress()) {
            console.error("Waiting for another `almanac feed` or `almanac site` on this project to finish…")
        }
        let shown = RelativePath.display(directory, from: FileManager.default.currentDirectoryPath)
        for feed in outcome.feeds {
            console.note(
                """
                Wrote \(RelativePath.display(feed.path, from: FileManager.default.currentDirectoryPath)) \
                (\(Console.plural(feed.events, "event")))
                """
            )
        }
        let reports = outcome.model.reports.count
        let eventFiles = outcome.files.filter { $0.hasPrefix(SiteBuilder.eventsFolder + "/") }.count
        console.note(
            """
            Wrote \(shown)/index.html, agenda.html, \(Console.plural(eventFiles, "event file")) \
            and \(Console.plural(reports, "report"))
            """
        )
        console.result(
            "Site in \(shown)/ (\(Console.plural(outcome.files.count, "file"))); publish it at \(builder.baseURL)/")
    }
}
