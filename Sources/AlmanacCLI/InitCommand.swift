import AlmanacModel
import AlmanacRecords
import ArgumentParser
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a project: almanac.yml, an example record and a .gitignore.",
        discussion: """
            Writes, in DIR (default: the current folder, created if needed):
              almanac.yml    every setting, each explained in a comment
              events/        one example record with every field (internal: never in a feed)
              .gitignore     leaves out public/, where `almanac feed` writes the feeds

            Refuses, changing nothing, when DIR already holds almanac.yml. An existing \
            .gitignore only gets the lines it lacks, and no example is added to an events/ \
            folder that already has records. The project passes `almanac check` as written.

            Without --domain, the domain is a placeholder under example.org: set `domain:` to a \
            domain you control before you publish, since calendar UIDs end with it.

            Example:
              almanac init iisg --organisation "IISG Secretariat" \\
                  --timezone Europe/Sarajevo --domain iisg.example.org

            \(ExitStatus.documentation)
            """
    )

    @Argument(help: ArgumentHelp("The project folder.", valueName: "dir"), completion: .directory)
    var directory: String = "."

    @Option(help: ArgumentHelp("The calendar's name (default: \"<organisation> activities\").", valueName: "text"))
    var name: String?

    @Option(help: ArgumentHelp("Who keeps the log (default: the folder's name).", valueName: "text"))
    var organisation: String?

    @Option(help: ArgumentHelp("The IANA time zone of timed activities (default: this machine's).", valueName: "zone"))
    var timezone: String?

    @Option(
        help: ArgumentHelp(
            "A domain you control; calendar UIDs end with it (default: a placeholder).", valueName: "domain"))
    var domain: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let console = output.console
        let folder = URL(
            fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        ).standardizedFileURL
        let organisation = organisation ?? Self.words(of: folder.lastPathComponent)
        let zone = timezone ?? ProjectTemplate.systemTimezone
        let today = try Clock.fromEnvironment().today(in: zone)
        let template = ProjectTemplate(
            name: name ?? "\(organisation) activities",
            organisation: organisation,
            timezone: zone,
            domain: domain ?? "\(Identifier.slug(organisation)).example.org",
            today: today
        )
        switch try template.create(in: folder.path) {
        case .alreadyAProject(let path):
            throw AlmanacFailure(
                .configuration, .file(path),
                """
                this file already exists, so \(display(folder.path)) \
                is already an Almanac project; init changed nothing
                """,
                hint:
                    "edit almanac.yml to change its settings, or run `almanac init NEW-FOLDER` to start another project"
            )
        case .invalid(let diagnostics, let settings):
            let options = [
                "name": "--name", "organisation": "--organisation", "timezone": "--timezone", "domain": "--domain",
            ]
            OptionDiagnostics(settings: settings, options: options).messages(for: diagnostics).forEach(console.error)
            throw AlmanacFailure(.usage, nil, "init changed nothing: fix the values above")
        case .created(let files):
            console.note("Created an Almanac project in \(display(folder.path)):")
            for file in files { console.note("  " + display(file)) }
            if domain == nil {
                console.note(
                    """
                    \nThe domain \(template.domain) is a placeholder: set \
                    `domain:` in almanac.yml to one you control before you publish.
                    """
                )
            }
            console.note("\nNext:")
            if folder.path != FileManager.default.currentDirectoryPath {
                console.note("  cd \(Self.shellWord(display(folder.path)))")
            }
            let steps = [
                (
                    """
                    almanac new "Team meeting" --start \
                    \(template.exampleDay.adding(days: 1))T10:00 --end 11:00 --category meeting
                    """,
                    "add an activity"
                ),
                ("almanac list --upcoming", "see what is coming"),
                ("almanac feed", "write public/all.ics, the feed to publish"),
            ]
            let width = steps.map(\.0.count).max() ?? 0
            for (command, purpose) in steps {
                console.note("  " + command.padding(toLength: width, withPad: " ", startingAt: 0) + "   # " + purpose)
            }
        }
    }

    /// The path as the user would type it; the current folder is "this folder".
    private func display(_ path: String) -> String {
        let relative = RelativePath.display(path, from: FileManager.default.currentDirectoryPath)
        return relative == "." ? "this folder" : relative
    }

    /// `path` as one word for a POSIX shell: as it is when it is plain, else in single
    /// quotes (`'Mon projet'`, `'O'\''Brien'`), so that a printed `cd` line works when pasted;
    /// a path that starts with `-` starts with `./`, so that `cd` does not take it for an option.
    static func shellWord(_ path: String) -> String {
        let path = path.hasPrefix("-") ? "./" + path : path
        let plain =
            !path.isEmpty
            && path.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._-+,:@%".unicodeScalars.contains($0))
            }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// "iisg-secretariat" → "iisg secretariat".
    static func words(of folderName: String) -> String {
        let words = folderName.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ")
        return words.isEmpty || words == "." ? "My organisation" : words
    }
}
