import AlmanacModel
import Foundation

/// Standard output or standard error, and what it is connected to.
enum StandardStream: Int32, Sendable {
    case output = 1
    case error = 2

    /// True when a person is watching: the stream is a terminal.
    var isTerminal: Bool { isatty(rawValue) == 1 }

    /// Colour and other ANSI styles: only on a terminal that understands them, and never when
    /// `NO_COLOR` is set to anything (https://no-color.org).
    var allowsStyles: Bool {
        isTerminal && !StandardStream.isSet("NO_COLOR") && !StandardStream.termIsDumb
    }

    /// True when `TERM=dumb`: a terminal that shows no styles and cannot redraw a line.
    static var termIsDumb: Bool { environmentVariable("TERM") == "dumb" }

    /// True when the environment variable is set to something.
    static func isSet(_ name: String) -> Bool { !(environmentVariable(name) ?? "").isEmpty }

    /// The terminal's width in columns, or nil when the stream is not a terminal.
    var columns: Int? {
        var size = winsize()
        guard isTerminal, ioctl(rawValue, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    func write(_ text: String) {
        let handle = self == .output ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(utf8Of: text))
    }
}

/// ANSI text styles, applied only where ``StandardStream/allowsStyles``.
enum TextStyle: String {
    case bold = "1"
    case dim = "2"
    case strikethrough = "9"
    case red = "31"
    case yellow = "33"
    case boldRed = "1;31"
    case boldYellow = "1;33"

    func apply(_ text: String, on stream: StandardStream) -> String {
        stream.allowsStyles ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// Output for people, at the verbosity of `--quiet`/`--verbose`: results on standard
/// output, messages and diagnostics on standard error, styles only on a terminal.
struct Console: Sendable {
    enum Verbosity: Comparable, Sendable {
        case quiet, normal, verbose
    }

    var verbosity: Verbosity = .normal

    /// What the command produces (an agenda, a path): printed even with `--quiet`.
    func result(_ text: String) {
        StandardStream.output.write(text + "\n")
    }

    /// A message about what was done ("Wrote public/all.ics"), left out with `--quiet`;
    /// on standard error when standard output carries the result.
    func note(_ text: String, on stream: StandardStream = .output) {
        if verbosity > .quiet { stream.write(ControlCharacters.visible(text) + "\n") }
    }

    /// Detail printed only with `--verbose`, on standard error.
    func detail(_ text: @autoclosure () -> String) {
        if verbosity == .verbose { StandardStream.error.write(text() + "\n") }
    }

    /// An error or warning, always printed on standard error. Control characters in it (from
    /// a file name or a value quoted from a record) are shown, never sent to the terminal.
    func error(_ text: String) {
        StandardStream.error.write(ControlCharacters.visible(text) + "\n")
    }

    /// Prints diagnostics in `file:line:col: severity: message` form, sorted by place, with
    /// more than ten of a kind in a file counted on one line; `--quiet` leaves out the warnings.
    func report(_ diagnostics: [Diagnostic]) {
        let directory = FileManager.default.currentDirectoryPath
        let styled = StandardStream.error.allowsStyles
        for diagnostic in diagnostics.condensed() where verbosity > .quiet || diagnostic.severity == .error {
            var line = ControlCharacters.visible(diagnostic.formatted(relativeTo: directory))
            if styled {
                let severity = diagnostic.severity.rawValue
                let style: TextStyle = diagnostic.severity == .error ? .boldRed : .boldYellow
                line = line.replacingOccurrences(
                    of: ": \(severity): ", with: ": \(style.apply(severity, on: .error)): ")
            }
            StandardStream.error.write(line + "\n")
        }
    }

    /// An error that stops the command, printed once in one form: its details (problems in
    /// files not shown yet), then `file:line:col: error: message` when it comes from a place
    /// in a file (the form of ``report(_:)``, which editors link to), else
    /// `error: <origin>: <message>`; the hint on the next line.
    func fail(_ error: any AlmanacError) {
        if let diagnostic = error.diagnostic {
            report(error.details + [diagnostic])
            return
        }
        report(error.details)
        let text = ControlCharacters.visible(error.formatted(relativeTo: FileManager.default.currentDirectoryPath))
        StandardStream.error.write(TextStyle.boldRed.apply("error", on: .error) + ": " + text + "\n")
    }

    /// A progress bar for long work; it draws only on a terminal and never with `--quiet`.
    func progress() -> ProgressBar {
        ProgressBar(
            enabled: verbosity > .quiet && StandardStream.error.isTerminal && !StandardStream.termIsDumb)
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

    /// "0.42 s": the time since `start`, for `--verbose`.
    static func seconds(since start: Date) -> String {
        String(format: "%.2f s", Date().timeIntervalSince(start))
    }
}

extension Console {
    /// Warns of each series (its file) cut at 100,000 occurrences before the end of
    /// `period` (or of the log), whose later occurrences are then not `counted` (listed).
    func warnAboutCutSeries(_ files: [String], through period: ReportPeriod?, counted: Bool) {
        let current = FileManager.default.currentDirectoryPath
        for file in files {
            error(
                """
                warning: \(RelativePath.display(file, from: current)): the series repeats more \
                than 100,000 times between its start and the end of \(period?.label ?? "the log"), \
                so its later occurrences are not \(counted ? "counted" : "listed")
                  hint: start the series later, or split it into records that each cover a few years
                """
            )
        }
    }
}
