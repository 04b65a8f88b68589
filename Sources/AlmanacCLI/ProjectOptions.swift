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

    /// Loads the project, printing every diagnostic. Exits with status 1 when almanac.yml
    /// cannot be used.
    func load() throws -> Project {
        switch Project.load(from: directory) {
        case let .success(project):
            Console.report(project.diagnostics)
            return project
        case let .failure(failure):
            Console.report(failure.diagnostics)
            throw ExitCode(ExitStatus.dataErrors)
        }
    }
}
