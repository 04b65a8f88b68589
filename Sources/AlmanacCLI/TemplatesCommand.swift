import AlmanacModel
import AlmanacReports
import ArgumentParser
import Foundation

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Write the built-in report templates into a folder, to start your own from.",
        discussion: """
            Writes report.md.mustache (the report), report.html.mustache (its HTML page) and \
            checklist.md.mustache (the data checklist) into the folder. A file already there \
            is left as it is. Edit a copy, then point almanac.yml's `report: template:` (or \
            `almanac report --template FILE`) at it; the README lists every variable.

            Example:
              almanac templates --out templates

            \(ExitStatus.documentation)
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder to write the templates into.", valueName: "dir"))
    var out = "templates"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let console = output.console
        let folder = URL(fileURLWithPath: out).standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        for (name, text) in BuiltInTemplates.files {
            let path = folder + "/" + name
            let shown = RelativePath.display(path, from: current)
            if try AtomicFile.create(text, at: path) {
                console.note("Wrote \(shown)")
            } else {
                console.note("Left \(shown) as it is: the file is already there")
            }
        }
    }
}
