import Foundation
import PackagePlugin

/// Compiles the data files under a target's `Resources/` folder into the target as Swift
/// string literals (`EmbeddedResources`), so the executable needs no files beside it.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directoryURL.appending(path: "Resources")
        let files = try ResourceFolder.files(in: folder)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) data files of \(target.name)",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [folder.path, output.path] + files,
                inputFiles: files.map { folder.appending(path: $0) },
                outputFiles: [output]
            )
        ]
    }
}

/// The regular files of a folder, as sorted paths relative to it.
enum ResourceFolder {
    static func files(in folder: URL) throws -> [String] {
        let manager = FileManager.default
        return try manager.subpathsOfDirectory(atPath: folder.path).filter { path in
            var isDirectory: ObjCBool = false
            let name = (path as NSString).lastPathComponent
            return !name.hasPrefix(".")
                && manager.fileExists(atPath: folder.appending(path: path).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }
}
