import Foundation
import PropertyBased
import Testing

@testable import AlmanacModel
@testable import AlmanacRecords

/// Finding and reading record files without Foundation's per-file objects gives what the
/// Foundation calls gave: the same files, the same ids, the same errors.
@Suite struct RecordFileReadingTests {
    /// `Project.recordFiles(in:)` as it was, with Foundation's directory walker.
    static func referenceRecordFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if [".yml", ".yaml", ".csv"].contains(where: name.lowercased().hasSuffix) {
                files.append(folder + "/" + relative)
            }
        }
        return files.sorted()
    }

    /// A folder of every kind of entry: hidden files and folders, a folder and a FIFO named
    /// like records, symbolic links to a file, to a folder and to nothing, names in any case.
    @Test func recordFilesAreFoundAsFoundationFoundThem() throws {
        let project = try TestProject()
        let events = project.directory.appendingPathComponent("events").path
        let record = "title: A\nstart: 2024-02-01\n"
        for path in [
            "a.yml", "b.YAML", "c.Csv", "d.txt", ".hidden.yml", ".folder/e.yml", "2024/f.yml", "2024/deep/er/g.yaml",
            "folder.yml/h.yml", "ünï/çödé.yml", "x.yml.bak", "yml", "i..yml",
        ] {
            try project.write("events/" + path, record)
        }
        #expect(mkfifo(events + "/pipe.yml", 0o644) == 0)
        let outside = try TestProject()
        try outside.write("events/outside.yml", record)
        try FileManager.default.createSymbolicLink(
            atPath: events + "/linked", withDestinationPath: outside.directory.path + "/events")
        try FileManager.default.createSymbolicLink(
            atPath: events + "/link.yml", withDestinationPath: outside.directory.path + "/events/outside.yml")
        try FileManager.default.createSymbolicLink(atPath: events + "/dangling.yml", withDestinationPath: "/nowhere")

        let found = Project.recordFiles(in: events)
        #expect(found == Self.referenceRecordFiles(in: events))
        #expect(found.contains(events + "/.folder/e.yml") && found.contains(events + "/folder.yml"))
        #expect(!found.contains(events + "/linked/outside.yml"))
        #expect(Project.recordFiles(in: events + "/linked") == Self.referenceRecordFiles(in: events + "/linked"))
        #expect(Project.recordFiles(in: events + "/nowhere").isEmpty)
    }

    /// A folder, a FIFO or a link to nothing named `*.yml` is a file that cannot be read: at
    /// once, without waiting for a writer on the FIFO.
    @Test func specialFilesAreReportedAsUnreadable() throws {
        let project = try TestProject(records: ["ok.yml": "id: ok\ntitle: A\nstart: 2024-02-01\n"])
        let events = project.directory.appendingPathComponent("events").path
        try FileManager.default.createDirectory(atPath: events + "/folder.yml", withIntermediateDirectories: true)
        #expect(mkfifo(events + "/pipe.yml", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: events + "/dangling.yml", withDestinationPath: "/nowhere")
        let unreadable = "error: cannot read this file"
        #expect(
            try project.diagnostics() == [
                "events/dangling.yml:1:1: \(unreadable)", "events/folder.yml:1:1: \(unreadable)",
                "events/pipe.yml:1:1: \(unreadable)",
            ])
        #expect(try project.load().records.map(\.id) == ["ok"])
    }

    /// A link to a record file is read through.
    @Test func aLinkedRecordFileIsRead() throws {
        let outside = try TestProject(records: ["x.yml": "id: linked\ntitle: A\nstart: 2024-02-01\n"])
        let project = try TestProject()
        try FileManager.default.createSymbolicLink(
            atPath: project.directory.path + "/events/link.yml",
            withDestinationPath: outside.directory.path + "/events/x.yml")
        #expect(try project.load().records.map(\.id) == ["linked"])
    }

    /// Pieces of record file paths, ASCII only: Foundation's own slash tidying traps on some
    /// paths with a doubled slash and a letter beyond ASCII (an index out of range), so the
    /// reference could not run on them. Such letters are in the fixed cases.
    static let pieces = [".", "..", "yml", "YAML", "csv", "Yml", "/", "a", "b", " ", "-", "x.", ".yml", "_"]
    static let path = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...7).map { picks in
        picks.map { pieces[$0] }.joined()
    }

    @Test(arguments: [
        "2023/board.yml", "board.YAML", "a.csv", "a..yml", "..yml", ".yml", "a/.yml", "a.yml/", "a.b/c", "a b.yml",
        "é.yml", "a.ymlx", "yml", "a.", "a/b.", "x.yml.yml", "", "/", "a//b.yml", "a/./b.yml", "yml/", "a/b",
        "ünï/çödé.yml", "ș.YAML",
    ])
    func recordExtensionsAreDroppedAsFoundationDropsThem(_ path: String) {
        #expect(Project.deletingRecordExtension(path) == (path as NSString).deletingPathExtension)
    }

    @Test func anyPathLosesItsExtensionAsBefore() async {
        await propertyCheck(count: 500, input: Self.path) { path in
            #expect(Project.deletingRecordExtension(path) == (path as NSString).deletingPathExtension)
        }
    }

    @Test func derivedIDsAreAsBefore() async {
        let directory = "/p"
        await propertyCheck(count: 300, input: Self.path) { path in
            let full = directory + "/events/" + path
            var relative = String(full.dropFirst((directory + "/events/").count))
            relative = (relative as NSString).deletingPathExtension
            let before = Identifier.slug(relative.replacingOccurrences(of: "/", with: "-"), maxLength: 120)
            #expect(Project.derivedID(for: full, in: directory) == before)
        }
    }

    /// Values that hold a control character only through an escape, and files with an alias:
    /// the two checks that a plain file skips still run when they must.
    @Test func escapesAndAliasesAreStillChecked() throws {
        let project = try TestProject(records: [
            "escape.yml": "id: e\ntitle: \"A \\x1B title\"\nstart: 2024-02-01\n",
            "unicode.yml": "id: u\ntitle: \"A \\u009B title\"\nstart: 2024-02-01\n",
            "alias.yml": "id: a\ntitle: &t A title\nsummary: *t\nstart: 2024-02-01\n",
        ])
        let diagnostics = try project.diagnostics()
        #expect(diagnostics.contains { $0.hasPrefix("events/escape.yml:2:8: error: this value holds the control") })
        #expect(diagnostics.contains { $0.hasPrefix("events/unicode.yml:2:8: error: this value holds the control") })
        let alias = try project.load().records.first { $0.id == "a" }
        #expect(alias?.summary == "A title")
    }
}
