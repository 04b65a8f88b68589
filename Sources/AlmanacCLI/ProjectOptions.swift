import AlmanacCore
import ArgumentParser
import Foundation

/// `--project DIR`, shared by the commands that work on a project.
struct ProjectOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The project folder (the one holding almanac.yml); default: the current folder or the nearest one above it that holds almanac.yml.",
            valueName: "dir"))
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
    /// progress bar for big projects. Exits with status 1 when almanac.yml cannot be used.
    /// Loads the project for a command that publishes (`feed`, `site`). While any record
    /// has errors nothing is published: a record that cannot be read would look deleted and
    /// be announced as cancelled to every subscriber. `command` is what it writes: a feed,
    /// a site.
    func loadForPublishing(_ console: Console, command: String) throws -> Project {
        let project = try load(console)
        guard !project.diagnostics.hasErrors else {
            console.error(
                "No \(command) was written: \(Console.tally(project.diagnostics)). Publishing now would cancel the broken activities in subscribers' calendars; fix the errors above (see `almanac check`) and run `almanac \(command)` again."
            )
            throw ExitCode(ExitStatus.dataErrors)
        }
        return project
    }

    func load(_ console: Console, reporting: Bool = true) throws -> Project {
        let started = Date()
        let directory = directory
        var isFolder: ObjCBool = false
        if let project,
            !(FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) && isFolder.boolValue)
        {
            let exists = FileManager.default.fileExists(atPath: directory)
            console.error(
                "error: --project \(project): \(exists ? "this is a file, not a folder" : "there is no such folder")")
            console.error("  hint: name the folder that holds almanac.yml, e.g. --project examples/iisg")
            throw ExitCode(ExitStatus.usage)
        }
        switch Project.load(from: directory, progress: console.progress()) {
        case .success(let project):
            console.detail(
                "Loaded \(RelativePath.display(project.directory, from: FileManager.default.currentDirectoryPath)): \(Console.plural(project.records.count, "valid record")) in \(Console.seconds(since: started))."
            )
            if reporting { console.report(project.diagnostics) }
            return project
        case .failure(let failure):
            console.report(failure.diagnostics)
            throw ExitCode(ExitStatus.dataErrors)
        }
    }
}
