import AlmanacCore
import Foundation

/// Output for people: results on standard output, diagnostics on standard error, colour only
/// on a terminal and never when `NO_COLOR` is set.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var colourOnStandardError: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(2) == 1
    }

    /// Prints diagnostics in `file:line:col: severity: message` form, sorted by place.
    static func report(_ diagnostics: [Diagnostic]) {
        let directory = FileManager.default.currentDirectoryPath
        let colour = colourOnStandardError
        for diagnostic in diagnostics.sorted() {
            var line = diagnostic.formatted(relativeTo: directory)
            if colour {
                let code = diagnostic.severity == .error ? "31" : "33"
                line = line.replacingOccurrences(of: ": \(diagnostic.severity.rawValue): ", with: ": \u{1B}[1;\(code)m\(diagnostic.severity.rawValue)\u{1B}[0m: ")
            }
            error(line)
        }
    }

    /// "2 errors and 1 warning".
    static func tally(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "\(plural(errors, "error")) and \(plural(warnings, "warning"))"
    }

    static func plural(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
