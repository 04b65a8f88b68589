import Foundation
import Testing

/// The independent tools the tests compare Almanac's output with: the Python parsers of
/// `.venv-tests` (made by `scripts/setup --test-tools`) and LibreOffice.
///
/// A missing tool fails the test with how to install it, except when `ALMANAC_OFFLINE=1`:
/// then the test is skipped with a loud message on standard error.
enum Interop {
    static var offline: Bool { ProcessInfo.processInfo.environment["ALMANAC_OFFLINE"] == "1" }

    /// The venv's Python: `ALMANAC_TEST_VENV`, else `.venv-tests` in the package.
    static var python: URL? {
        let venv =
            ProcessInfo.processInfo.environment["ALMANAC_TEST_VENV"].map { URL(fileURLWithPath: $0) }
            ?? CLI.packageRoot.appendingPathComponent(".venv-tests")
        let python = venv.appendingPathComponent("bin/python")
        return FileManager.default.isExecutableFile(atPath: python.path) ? python : nil
    }

    /// A program on PATH.
    static func program(_ name: String) -> URL? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Whether `tool` is there; records a failure (or, offline, prints a skip) when not.
    static func require(_ tool: URL?, _ description: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL?
    {
        if let tool { return tool }
        let message =
            "missing test tool: \(description); install it with ./scripts/setup --test-tools (or run ./scripts/test)"
        if offline {
            FileHandle.standardError.write(Data("\n*** SKIPPED (ALMANAC_OFFLINE=1): \(message) ***\n\n".utf8))
        } else {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Runs `Tests/Interop/<script>` with the venv's Python and decodes the JSON it prints;
    /// nil when the venv is missing (see ``require(_:_:sourceLocation:)``).
    static func json(_ script: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> Any?
    {
        guard let python = require(python, "The Python test tools (.venv-tests)", sourceLocation: sourceLocation) else {
            return nil
        }
        let path = CLI.packageRoot.appendingPathComponent("Tests/Interop/" + script).path
        let result = try CLI.runProgram(python, [path] + arguments)
        guard result.status == 0 else {
            Issue.record(
                Comment(rawValue: "\(script) failed (\(result.status)): \(result.stderr)"),
                sourceLocation: sourceLocation)
            return nil
        }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// The rows Python's csv module reads from `file`, after checking CRLF line ends.
    static func csvRows(
        _ file: URL, delimiter: String = ",", bom: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [[String]]? {
        guard
            let json = try json("read_csv.py", [file.path, delimiter], sourceLocation: sourceLocation) as? [String: Any]
        else { return nil }
        #expect(
            json["bom"] as? Bool == bom, "byte order mark of \(file.lastPathComponent)", sourceLocation: sourceLocation)
        #expect(
            json["line_ends"] as? [String] == ["\r\n"], "line ends of \(file.lastPathComponent)",
            sourceLocation: sourceLocation)
        return json["rows"] as? [[String]]
    }
}
