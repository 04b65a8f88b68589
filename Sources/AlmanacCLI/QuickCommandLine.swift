/// The plainest command lines of the commands run most often, read without
/// swift-argument-parser: `almanac feed` and `almanac check` with nothing but their own
/// options, each given once and written `--name value` (`--project DIR`, `--out DIR`,
/// `--verify`, `-q`/`--quiet`, `-v`/`--verbose`).
///
/// Why: swift-argument-parser reflects every command and option group of the command line
/// (Mirror, Decodable) and parses it twice more to look for `--generate-completion-script`;
/// in the static binary each new (type, protocol) question that asks walks all of its 8,000
/// conformance records. That was 18 M of the 47 M instructions of `almanac feed` on the
/// bundled example.
///
/// Any other command line — another command, help, `--version`, `--name=value`, `-qv`, an
/// option twice, a value that starts with `-`, `--quiet` with `--verbose`, anything unknown —
/// is nil here and goes to swift-argument-parser, so its help, errors and suggestions stay
/// its own. A line read here runs the command with the values swift-argument-parser would
/// give it (a test holds the two to the same values), through the same `run` and without
/// making swift-argument-parser's property wrappers (their first use costs look-ups too).
struct QuickCommandLine: Equatable {
    /// `feed` or `check`.
    var command: String
    var project: String?
    var out: String?
    var verify = false
    var quiet = false
    var verbose = false
}

extension QuickCommandLine {
    /// The command line of `arguments` (the program's name left out), or nil when
    /// swift-argument-parser must read them.
    init?(_ arguments: [String]) {
        guard let command = arguments.first, command == "feed" || command == "check" else { return nil }
        self.command = command
        var rest = arguments.dropFirst()
        while let word = rest.popFirst() {
            switch word {
            case "--project", "--out":
                guard let value = rest.popFirst(), Self.isValue(value) else { return nil }
                if word == "--project" {
                    guard project == nil else { return nil }
                    project = value
                } else {
                    guard command == "feed", out == nil else { return nil }
                    out = value
                }
            case "--verify":
                guard command == "feed", !verify else { return nil }
                verify = true
            case "-q", "--quiet":
                guard !quiet else { return nil }
                quiet = true
            case "-v", "--verbose":
                guard !verbose else { return nil }
                verbose = true
            default:
                return nil
            }
        }
        // OutputOptions.validate refuses the two together, in swift-argument-parser's words.
        if quiet && verbose { return nil }
    }

    /// Runs the command, as its `ParsableCommand.run` does.
    func run() throws {
        let console = OutputOptions.console(quiet: quiet, verbose: verbose)
        let folder = ProjectFolder(project: project)
        if command == "feed" {
            try FeedCommand.run(out: out, verify: verify, project: folder, console: console)
        } else {
            try CheckCommand.run(project: folder, console: console)
        }
    }

    /// A word swift-argument-parser takes as an option's value without a doubt: not empty,
    /// and not starting with `-` (which it would read as an option).
    private static func isValue(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        return first != UInt8(ascii: "-")
    }
}
