import AlmanacModel
import ArgumentParser
import Foundation

/// "Did you mean …?" for a mistyped command or option, worked out from the commands'
/// own definitions, so it never falls behind them. It suggests only a name that is close:
/// one that the typed word begins (`--pub` → `--public`) or a likely typo of it
/// (`reprot` → `report`).
enum CommandSuggestions {
    private struct ToolInfo: Decodable { let command: CommandInfo }

    private struct CommandInfo: Decodable {
        let commandName: String
        let arguments: [ArgumentInfo]?
        let subcommands: [CommandInfo]?

        var longNames: [String] {
            (arguments ?? []).flatMap { $0.names ?? [] }.filter { $0.kind == "long" }.map(\.name)
        }
    }

    private struct ArgumentInfo: Decodable { let names: [NameInfo]? }
    private struct NameInfo: Decodable {
        let kind: String
        let name: String
    }

    /// Options every command answers to without declaring them.
    private static let builtInOptions = ["help", "version", "generate-completion-script", "experimental-dump-help"]

    /// The message for the first unknown command or option among `arguments` (the command
    /// line without the program's name), or nil when every command and option is known.
    static func message(for arguments: [String]) -> String? {
        guard let info = try? JSONDecoder().decode(ToolInfo.self, from: Data(Almanac._dumpHelp().utf8)) else {
            return nil
        }
        var command = info.command
        var path = [command.commandName]
        var rest = arguments[...]
        while let word = rest.first, !word.hasPrefix("-"), let subcommands = command.subcommands, !subcommands.isEmpty {
            guard let next = subcommands.first(where: { $0.commandName == word }) else {
                let names = subcommands.map(\.commandName)
                var text = "'\(word)' is not a command of \(path.joined(separator: " "))"
                if let guess = nearest(word, among: names) { text += ". Did you mean '\(guess)'?" }
                return text + "\nThe commands are: \(names.joined(separator: ", "))."
            }
            command = next
            path.append(word)
            rest = rest.dropFirst()
        }
        let known = command.longNames + builtInOptions
        for argument in rest {
            if argument == "--" { break }
            guard argument.hasPrefix("--") else { continue }
            let name = String(argument.dropFirst(2).prefix { $0 != "=" })
            guard !known.contains(name) else { continue }
            var text = "Unknown option '--\(name)'"
            if let guess = nearest(name, among: command.longNames) { text += ". Did you mean '--\(guess)'?" }
            return text
        }
        return nil
    }

    /// The one name `word` begins, else a likely typo's correction; nil when none is close.
    static func nearest(_ word: String, among names: [String]) -> String? {
        let lowered = word.lowercased()
        let extended = names.filter { $0.hasPrefix(lowered) }
        if lowered.count >= 2, extended.count == 1 { return extended[0] }
        return Spelling.suggestion(for: lowered, among: names)
    }
}
