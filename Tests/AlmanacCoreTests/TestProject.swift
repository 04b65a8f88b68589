import Foundation

@testable import AlmanacModel
@testable import AlmanacRecords

/// A project written to a temporary folder for one test.
final class TestProject {
    let directory: URL

    static let config = """
        name: Test calendar
        organisation: Test Secretariat
        timezone: Europe/Sarajevo
        domain: test.example.org
        categories: [meeting, workshop, board-meeting]
        feeds:
          - name: all
          - name: workshops
            filter:
              category: workshop
        """

    init(config: String = TestProject.config, records: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("events"), withIntermediateDirectories: true)
        try write("almanac.yml", config)
        for (path, text) in records { try write("events/" + path, text) }
    }

    func write(_ relative: String, _ text: String) throws {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func writeData(_ relative: String, _ data: Data) throws {
        try data.write(to: directory.appendingPathComponent(relative))
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent(relative))
    }

    func load() throws -> Project {
        try Project.load(from: directory.path).get()
    }

    /// Diagnostics as `relative/path:line:col: severity: message`, without hints.
    func diagnostics() throws -> [String] {
        try load().diagnostics.sorted().map { diagnostic in
            diagnostic.formatted(relativeTo: directory.path).components(separatedBy: "\n")[0]
        }
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
