import Foundation
import Testing

/// The manual page and the command reference are generated from the binary's help by
/// `scripts/docs`; these tests regenerate them the same way and fail when the committed
/// files differ, so they cannot drift from the help.
@Suite struct DocsTests {
    static let docs = CLI.packageRoot.appendingPathComponent("docs")
    static let almanac = CLI.productsDirectory.appendingPathComponent("almanac")

    /// Every link and picture of README.md into the repository (`[x](templates/)`,
    /// `![x](docs/images/…)`) leads to something that exists: a moved folder, or a symlink
    /// left pointing at it, is caught here.
    @Test func readmeLinksIntoTheRepositoryResolve() throws {
        let readme = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let targets = readme.matches(of: /\]\(([^)\s#]+)(?:#[^)]*)?\)/).map { String($0.1) }.filter {
            !$0.contains(":")
        }
        #expect(targets.contains("templates/"))
        for target in Set(targets) {
            #expect(
                FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent(target).path),
                "README.md links to \(target), which does not exist")
        }
    }

    @Test func commandReferenceMatchesTheHelp() throws {
        guard let python = Interop.require(Interop.program("python3"), "python3") else { return }
        let out = try TemporaryFolder()
        let script = CLI.packageRoot.appendingPathComponent("scripts/command-reference.py").path
        let result = try CLI.runProgram(python, [script, Self.almanac.path, out.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = Self.docs.appendingPathComponent("commands")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.url.path).sorted()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted() == names, "run ./scripts/docs")
        #expect(names.contains("new.md") && names.contains("export-csv.md"))
        for name in names {
            let generated = try out.read(name)
            let current = try String(contentsOf: committed.appendingPathComponent(name), encoding: .utf8)
            #expect(generated == current, "docs/commands/\(name) is out of date: run ./scripts/docs")
        }
    }

    /// The generator's manual with each blank line a paragraph break (`.Pp`), as scripts/docs
    /// writes it: mdoc warns of every blank line.
    static func paragraphed(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let last = lines.removeLast()
        return (lines.map { $0.isEmpty ? ".Pp" : $0 } + [last]).joined(separator: "\n")
    }

    @Test func manualPageMatchesTheHelp() throws {
        let generator = CLI.productsDirectory.appendingPathComponent("generate-manual-tool")
        guard FileManager.default.isExecutableFile(atPath: generator.path) else {
            Issue.record(
                """
                the manual generator is not built: run ./scripts/test or ./scripts/docs \
                (both build it with `swift package plugin generate-manual`)
                """
            )
            return
        }
        let committed = try String(contentsOf: Self.docs.appendingPathComponent("man/almanac.1"), encoding: .utf8)
        // The manual is dated when its text last changed; render it with that date.
        let dateLine = try #require(committed.split(separator: "\n").first { $0.hasPrefix(".Dd ") })
        let reader = DateFormatter()
        reader.locale = Locale(identifier: "en_US_POSIX")
        reader.timeZone = TimeZone(identifier: "UTC")
        reader.dateFormat = "MMMM d, yyyy"
        let date = try #require(reader.date(from: String(dateLine.dropFirst(4))))
        reader.dateFormat = "yyyy-MM-dd"
        let result = try CLI.runProgram(
            generator, [Self.almanac.path, "--date", reader.string(from: date), "--output-directory", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.paragraphed(result.stdout) == committed, "docs/man/almanac.1 is out of date: run ./scripts/docs")
        #expect(!committed.contains("\n\n"), "a blank line in the manual is an mdoc warning")
        for command in ["init", "new", "list", "check", "feed", "report", "export"] {
            #expect(committed.contains("\n.It Em \(command)\n"), "the manual lacks \(command)")
        }
    }

    @Test func completionScriptsForBashZshAndFish() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try CLI.run(["--generate-completion-script", shell])
            #expect(result.status == 0)
            for word in ["init", "new", "list", "partner", "co-organised", "upcoming"] {
                #expect(result.stdout.contains(word), "the \(shell) script lacks \(word)")
            }
        }
        guard let bash = Interop.require(Interop.program("bash"), "bash") else { return }
        let folder = try TemporaryFolder()
        try folder.write("almanac.bash", try CLI.run(["--generate-completion-script", "bash"]).stdout)
        #expect(try CLI.runProgram(bash, ["-n", folder.url.appendingPathComponent("almanac.bash").path]).status == 0)
    }
}
