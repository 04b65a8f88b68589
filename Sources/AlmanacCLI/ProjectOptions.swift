import AlmanacModel
import AlmanacRecords
import ArgumentParser
import Foundation

/// `--project DIR`, shared by the commands that work on a project.
struct ProjectOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            """
            The project folder (the one holding almanac.yml); default: the \
            current folder or the nearest one above it that holds almanac.yml.
            """,
            valueName: "dir"))
    var project: String?

    /// The folder `--project` names, for the commands to work on.
    var folder: ProjectFolder { ProjectFolder(project: project) }

    /// The project folder, absolute (``ProjectFolder/directory``).
    var directory: String { folder.directory }

    /// Loads the project (``ProjectFolder/load(_:reporting:)``).
    func load(_ console: Console, reporting: Bool = true) throws -> Project {
        try folder.load(console, reporting: reporting)
    }

    /// Opens the project for its records to be read as a stream (``ProjectFolder/stream()``).
    func stream() throws -> RecordStream { try folder.stream() }

    /// What a stream's reading found (``ProjectFolder/report(_:from:since:_:)``).
    func report(_ summary: RecordStream.Summary, from stream: RecordStream, since started: Date, _ console: Console) {
        folder.report(summary, from: stream, since: started, console)
    }
}

/// The project a command works on: the value of `--project` (nil when not given), as a plain
/// value that `QuickCommandLine` makes without swift-argument-parser's property wrappers.
struct ProjectFolder {
    var project: String?

    /// The project folder, absolute: `--project`, else the current folder or the nearest
    /// folder above it with almanac.yml (so commands work from `events/2024/`), else the
    /// current folder (whose missing almanac.yml is then reported).
    var directory: String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let project { return URL(fileURLWithPath: project, relativeTo: current).standardizedFileURL.path }
        var folder = current.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Project.configFileName).path) {
                return folder.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return current.standardizedFileURL.path }
            folder = parent
        }
    }

    /// Loads the project, printing its diagnostics unless `reporting` is false, with a
    /// progress bar for big projects. Throws when the folder or almanac.yml cannot be used.
    func load(_ console: Console, reporting: Bool = true) throws -> Project {
        let started = Date()
        let project = try Project.load(from: try checkedDirectory(), progress: console.progress()).get()
        reportLoaded(project.records.count, from: project.directory, since: started, console)
        if reporting { console.report(project.diagnostics) }
        return project
    }

    /// Opens the project for its records to be read as a stream (``RecordStream``). Throws
    /// when the folder or almanac.yml cannot be used.
    func stream() throws -> RecordStream {
        try RecordStream.open(try checkedDirectory()).get()
    }

    /// What a stream's reading found, as ``load(_:reporting:)`` shows it.
    func report(_ summary: RecordStream.Summary, from stream: RecordStream, since started: Date, _ console: Console) {
        reportLoaded(summary.recordCount, from: stream.directory, since: started, console)
        console.report(summary.diagnostics)
    }

    private func reportLoaded(_ count: Int, from directory: String, since started: Date, _ console: Console) {
        console.detail(
            """
            Loaded \(RelativePath.display(directory, from: FileManager.default.currentDirectoryPath)): \
            \(Console.plural(count, "valid record")) in \(Console.seconds(since: started)).
            """
        )
    }

    /// The project folder, once it is known to be a folder.
    private func checkedDirectory() throws -> String {
        let directory = directory
        var isFolder: ObjCBool = false
        if let project,
            !(FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) && isFolder.boolValue)
        {
            let exists = FileManager.default.fileExists(atPath: directory)
            throw AlmanacFailure(
                .usage, .option("--project \(project)"),
                exists ? "this is a file, not a folder" : "there is no such folder",
                hint: "name the folder that holds almanac.yml, e.g. --project examples/iisg")
        }
        return directory
    }
}
