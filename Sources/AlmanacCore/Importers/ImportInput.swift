import Foundation

/// The text of a file handed to an importer, checked before any parsing: not empty, not
/// binary, UTF-8, and not larger than ``maximumBytes``.
public enum ImportInput {
    /// Files above this size are refused: 32 MiB holds decades of activity news or
    /// calendar; anything larger is almost surely the wrong file.
    public static let maximumBytes = 32 << 20

    /// Reads `path` (`-` for standard input) and returns its text, or nil with an error.
    public static func text(at path: String, diagnostics: inout [Diagnostic]) -> String? {
        let handle: FileHandle?
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                diagnostics.append(.error(SourceLocation(file: path), "this is a folder, not a file", hint: "name the file to import"))
                return nil
            }
            handle = FileHandle(forReadingAtPath: path)
        }
        guard let handle, let data = try? handle.read(upToCount: maximumBytes + 1) ?? Data() else {
            diagnostics.append(.error(SourceLocation(file: path), "cannot read this file", hint: "check that it exists and that you may read it"))
            return nil
        }
        return text(of: data, file: path == "-" ? "<stdin>" : path, diagnostics: &diagnostics)
    }

    /// Checks and decodes `data` read from `file`.
    public static func text(of data: Data, file: String, diagnostics: inout [Diagnostic]) -> String? {
        let start = SourceLocation(file: file)
        guard data.count <= maximumBytes else {
            diagnostics.append(.error(start, "the file is larger than \(maximumBytes >> 20) MB, which is more than any activity log should be", hint: "check that it is the right file, or split it into smaller files and import each"))
            return nil
        }
        // Raw bytes: Data's own iteration costs several times as much on a big log.
        let (isBlank, lineOfZero): (Bool, Int?) = data.withUnsafeBytes { bytes in
            let isBlank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            guard let zero = bytes.firstIndex(of: 0) else { return (isBlank, nil) }
            var line = 1
            for byte in bytes[..<zero] where byte == 0x0A { line += 1 }
            return (isBlank, line)
        }
        guard !isBlank else {
            diagnostics.append(.error(start, "the file is empty", hint: "export the data again, or check that you named the right file"))
            return nil
        }
        if let line = lineOfZero {
            diagnostics.append(.error(SourceLocation(file: file, line: line), "this is a binary file, not text (it holds a NUL byte)", hint: "export the data as text (UTF-8 .txt, .md, .csv or .ics) and import that"))
            return nil
        }
        return TextDecoding.utf8(data, file: file, diagnostics: &diagnostics)
    }
}
