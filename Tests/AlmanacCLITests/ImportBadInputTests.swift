import Foundation
import Testing

/// Bad input never crashes an importer, is named with its file and line, and leaves no file
/// behind when nothing could be imported.
@Suite struct ImportBadInputTests {
    private func importFails(_ kind: String, _ data: Data, name: String, saying message: String) throws {
        let project = try emptyExampleProject()
        try data.write(to: project.url.appendingPathComponent(name))
        let result = try CLI.run(["import", kind, name], in: project.url)
        #expect(result.status == 1, "\(kind) \(name): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(kind) \(name): \(result.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: project.url.appendingPathComponent("events").path),
            "\(kind) \(name) wrote something")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test(arguments: ["news", "csv", "ics"])
    func emptyBinaryAndInvalidUTF8Files(kind: String) throws {
        try importFails(kind, Data(), name: "empty.txt", saying: "empty.txt:1:1: error: the file is empty")
        try importFails(
            kind, Data("  \n\n \r\n".utf8), name: "blank.txt", saying: "blank.txt:1:1: error: the file is empty")
        try importFails(
            kind, Data((0..<4096).map { UInt8(($0 * 7919) % 256) }), name: "garbage.bin",
            saying: "garbage.bin:1:1: error: this is a binary file")
        try importFails(
            kind, Data("Title\n\nCaf".utf8) + Data([0xE9]) + Data(" on 5 May 2024\n".utf8), name: "latin1.txt",
            saying: "latin1.txt:3:4: error: this file is not UTF-8 text")
    }

    @Test func aFiftyMegabyteFileIsRefusedWithoutReadingItWhole() throws {
        let line = Data("Meeting in Tirana\n\nOn 5 May 2024 the Secretariat met partners in Tirana.\n\n".utf8)
        var data = Data(capacity: 50 << 20)
        while data.count < 50 << 20 { data.append(line) }
        try importFails("news", data, name: "huge.txt", saying: "huge.txt:1:1: error: the file is larger than 32 MB")
    }

    @Test func aTruncatedCalendarImportsItsCompleteEventsAndNamesTheCutOne() throws {
        let project = try emptyExampleProject()
        let text = try String(contentsOf: ImportICSTests.outlook, encoding: .utf8)
        let cut = String(text[..<text.range(of: "SUMMARY:Online briefing")!.lowerBound])
        try project.write("cut.ics", cut)
        let result = try CLI.run(["import", "ics", "cut.ics"], in: project.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                """
                cut.ics:58:1: error: the file ends before END:VEVENT: it \
                was cut off, so the event that starts here is left out
                """
            ))
        #expect(result.stderr.hasSuffix("\nerror: 5 events: 4 records written, 1 error\n"))
        #expect(
            !FileManager.default.fileExists(
                atPath: project.url.appendingPathComponent("events/2024/2024-01-15-online-briefing.yml").path))
        try importFails(
            "ics", Data("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Half".utf8), name: "half.ics",
            saying: "half.ics:2:1: error: the file ends before END:VEVENT")
        try importFails(
            "ics", Data("Title,Start\nA,2024-01-01\n".utf8), name: "notics.ics",
            saying: "notics.ics:1:1: error: this is not an iCalendar file")
    }

    @Test func csvWithAQuoteNeverClosed() throws {
        try importFails(
            "csv", Data("title,start\nA,2024-01-01\n\"B,2024-01-02\nC,2024-01-03\n".utf8), name: "quote.csv",
            saying: "quote.csv:3:1: error: row 3 opens a quoted cell")
    }

    @Test func newsWithoutItemsAndMissingFiles() throws {
        let project = try emptyExampleProject()
        let missing = try CLI.run(["import", "news", "nowhere.txt"], in: project.url)
        #expect(missing.status == 1 && missing.stderr.contains("nowhere.txt:1:1: error: cannot read this file"))
        let folder = try CLI.run(["import", "csv", "."], in: project.url)
        #expect(folder.status == 1 && folder.stderr.contains("error: this is a folder, not a file"))
        let outside = try TemporaryFolder()
        let noProject = try CLI.run(["import", "news", ImportNewsTests.sample.path], in: outside.url)
        #expect(noProject.status == 1 && noProject.stderr.contains("there is no almanac.yml here"))
    }
}
