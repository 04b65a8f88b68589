import AlmanacModel

/// Problems with the settings `almanac init` writes into `almanac.yml` from its options: the
/// settings are checked by reading the generated file with the same code as every project,
/// and each problem is shown against the option whose setting is on its line. (Records need no
/// such mapping: their diagnostics name the value's origin, `--start`.)
struct OptionDiagnostics {
    /// The setting on each line of the checked file (line → key), from the parsed file.
    let settings: [Int: String]
    /// The option behind each setting, e.g. `timezone` → `--timezone`.
    let options: [String: String]

    /// `error: --timezone: 'Mars/Base' is not a known time zone`, with the hint on the next line.
    func messages(for diagnostics: [Diagnostic]) -> [String] {
        diagnostics.sorted().map { diagnostic in
            let key = settings[diagnostic.location.line]
            let option = key.flatMap { options[$0] } ?? key.map { "'\($0)'" } ?? "the values"
            var message = "\(diagnostic.severity.rawValue): \(option): \(diagnostic.message)"
            if let hint = diagnostic.hint { message += "\n  hint: \(hint)" }
            return message
        }
    }
}
