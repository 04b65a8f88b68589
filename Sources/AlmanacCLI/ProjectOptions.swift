import AlmanacCore
import ArgumentParser
import Foundation

/// `--project DIR`, shared by the commands that work on a project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project folder (the one holding almanac.yml).", valueName: "dir"))
    var project: String = "."

    /// The project folder, absolute.
    var directory: String {
        URL(fileURLWithPath: project, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
    }

    /// Loads the project, printing its diagnostics unless `reporting` is false, with a
    /// progress bar for big projects. Exits with status 1 when almanac.yml cannot be used.
    func load(_ console: Console, reporting: Bool = true) throws -> Project {
        let started = Date()
        switch Project.load(from: directory, progress: console.progress()) {
        case let .success(project):
            console.detail("Loaded \(RelativePath.display(project.directory, from: FileManager.default.currentDirectoryPath)): \(Console.plural(project.records.count, "valid record")) in \(Console.seconds(since: started)).")
            if reporting { console.report(project.diagnostics) }
            return project
        case let .failure(failure):
            console.report(failure.diagnostics)
            throw ExitCode(ExitStatus.dataErrors)
        }
    }
}
