import AlmanacModel
import Foundation

/// The text of a file handed to an importer, checked before any parsing: not empty, not
/// binary, UTF-8, and not larger than ``maximumBytes``.
public enum ImportInput {
    /// Files above this size are refused: 32 MiB holds decades of activity news or
    /// calendar; anything larger is almost surely the wrong file.
    public static let maximumBytes = 32 << 20

    /// What to do with control characters (ESC, BEL, …; see ``ControlCharacters``).
    public enum ControlCharacterPolicy: Sendable {
        /// An import: they are left out, with one warning that counts them.
        case remove
        /// A file of the project (`events/*.csv`): each is an error at its line and column.
        case reject
    }

    /// Reads `path` (`-` for standard input) and returns its text, or nil with an error.
    /// `limit` is the largest size accepted: ``maximumBytes`` for what is imported, nil for
    /// the project's own activity log (`events/*.csv`), which may hold a million rows.
    public static func text(
        at path: String, controlCharacters: ControlCharacterPolicy = .remove, limit: Int? = maximumBytes,
        diagnostics: inout [Diagnostic]
    ) -> String? {
        guard let handle = handle(at: path, diagnostics: &diagnostics) else { return nil }
        guard let data = try? (limit.map { try handle.read(upToCount: $0 + 1) } ?? handle.readToEnd()) ?? Data() else {
            diagnostics.append(unreadable(path))
            return nil
        }
        return text(
            of: data, file: path == "-" ? "<stdin>" : path, controlCharacters: controlCharacters, limit: limit,
            diagnostics: &diagnostics)
    }

    /// The file at `path` (`-` for standard input) opened for reading, or nil with an error.
    static func handle(at path: String, diagnostics: inout [Diagnostic]) -> FileHandle? {
        if path == "-" { return FileHandle.standardInput }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            diagnostics.append(
                .error(SourceLocation(file: path), "this is a folder, not a file", hint: "name the file to import"))
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            diagnostics.append(unreadable(path))
            return nil
        }
        return handle
    }

    /// The error for a file that cannot be read.
    static func unreadable(_ path: String) -> Diagnostic {
        .error(
            SourceLocation(file: path), "cannot read this file", hint: "check that it exists and that you may read it")
    }

    /// Checks and decodes `data` read from `file`.
    public static func text(
        of data: Data, file: String, controlCharacters: ControlCharacterPolicy = .remove, limit: Int? = maximumBytes,
        diagnostics: inout [Diagnostic]
    ) -> String? {
        let start = SourceLocation(file: file)
        if let limit, data.count > limit {
            diagnostics.append(
                .error(
                    start, "the file is larger than \(limit >> 20) MB, which is more than any activity log should be",
                    hint: "check that it is the right file, or split it into smaller files and import each"))
            return nil
        }
        // Raw bytes: Data's own iteration costs several times as much on a big log.
        let (isBlank, lineOfZero): (Bool, Int?) = data.withUnsafeBytes { bytes in
            let isBlank = bytes.isBlankText
            guard let zero = bytes.firstIndex(of: 0) else { return (isBlank, nil) }
            var line = 1
            for byte in bytes[..<zero] where byte == 0x0A { line += 1 }
            return (isBlank, line)
        }
        guard !isBlank else {
            diagnostics.append(
                .error(
                    start, "the file is empty", hint: "export the data again, or check that you named the right file"))
            return nil
        }
        if let line = lineOfZero {
            diagnostics.append(
                .error(
                    SourceLocation(file: file, line: line), "this is a binary file, not text (it holds a NUL byte)",
                    hint: "export the data as text (UTF-8 .txt, .md, .csv or .ics) and import that"))
            return nil
        }
        guard var text = TextDecoding.utf8(data, file: file, diagnostics: &diagnostics) else { return nil }
        // An import's line breaks become LF, so a lone CR (read as a line end here, but kept
        // inside a value by some parsers) never reaches a record.
        if controlCharacters == .remove { text = ControlCharacters.lineFeedsOnly(text) }
        let found = ControlCharacters.scan(text, limit: 1)
        guard let first = found.found.first else { return text }
        let location = SourceLocation(file: file, line: first.line, column: first.column)
        switch controlCharacters {
        case .reject:
            diagnostics += ControlCharacters.diagnostics(in: text, file: file)
            return nil
        case .remove:
            let count =
                found.count == 1
                ? "the control character \(ControlCharacters.name(first.scalar)) was"
                : "\(found.count) control characters (the first \(ControlCharacters.name(first.scalar))) were"
            diagnostics.append(
                .warning(
                    location, "\(count) left out of the imported text",
                    hint:
                        "they would act on a terminal and calendar files may not hold them; check the text around here")
            )
            return ControlCharacters.removed(from: text)
        }
    }
}
