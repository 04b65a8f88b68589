import AlmanacModel

/// Problems with the settings `almanac init` writes into `almanac.yml` from its options: the
/// settings are checked by reading the generated file with the same code as every project,
/// and each problem is shown against the option whose value is on its line. (Records need no
/// such mapping: their diagnostics name the value's origin, `--start`.)
struct OptionDiagnostics {
    /// The YAML that was checked.
    let text: String
    /// The option behind each YAML key, e.g. `city` → `--city`.
    let options: [String: String]

    /// `error: --start: '2024-13-01' is not a date`, with the hint on the next line.
    func messages(for diagnostics: [Diagnostic]) -> [String] {
        diagnostics.sorted().map { diagnostic in
            let key = key(atLine: diagnostic.location.line)
            let option = key.flatMap { options[$0] } ?? key.map { "'\($0)'" } ?? "the values"
            var message = "\(diagnostic.severity.rawValue): \(option): \(diagnostic.message)"
            if let hint = diagnostic.hint { message += "\n  hint: \(hint)" }
            return message
        }
    }

    /// The YAML key on `line` (1-based), or the nearest one above it.
    func key(atLine line: Int) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for candidate in lines.prefix(line).reversed() {
            let trimmed = candidate.drop { $0 == " " || $0 == "-" }
            if let colon = trimmed.firstIndex(of: ":"), !trimmed.hasPrefix("#"),
                trimmed[..<colon].allSatisfy({ $0.isLetter || $0 == "-" })
            {
                return String(trimmed[..<colon])
            }
        }
        return nil
    }
}
