import Foundation
import Testing

/// Runs the built `almanac` executable the way a user does, and what it printed.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The folder holding the built products (`.build/debug`).
    static let productsDirectory: URL = {
        var url = Bundle.main.bundleURL
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("almanac").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var fixtures: URL { packageRoot.appendingPathComponent("Tests/AlmanacCLITests/Fixtures") }

    /// Runs `almanac` with `arguments` in `directory`, with `SOURCE_DATE_EPOCH` and any extra
    /// environment; standard input is closed, as in CI, unless `input` is given.
    @discardableResult
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        epoch: Int64? = 1_707_955_200, input: Data? = nil
    ) throws -> CLIResult {
        try runProgram(
            productsDirectory.appendingPathComponent("almanac"), arguments, in: directory, environment: environment,
            epoch: epoch, input: input)
    }

    /// Runs any program and collects its output.
    static func runProgram(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        epoch: Int64? = nil, input: Data? = nil
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = epoch.map(String.init)
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A throwaway copy of a project, deleted when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A copy of a fixture or example project.
    convenience init(copying source: URL) throws {
        try self.init()
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(item), to: url.appendingPathComponent(item))
        }
    }

    /// Writes a file below the folder, creating folders as needed.
    func write(_ relativePath: String, _ text: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(relativePath), encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
