import Foundation
import Testing

@testable import AlmanacFeeds
@testable import AlmanacModel
@testable import AlmanacRecords
@testable import AlmanacReports
@testable import AlmanacSite

/// The errors of the core: each has a kind, an origin, a message and a hint, none writes
/// "error:" into its text, and the publish guard refuses in the core itself.
@Suite struct ErrorTests {
    static let now: Int64 = 1_707_955_200  // 2024-02-15

    private static let workshop =
        "id: ws\ntitle: Workshop on data\nstart: 2024-03-05\nend: 2024-03-06\ncategory: workshop\n"
    private static let broken = "id: bad\ntitle: Broken\nstart: someday\n"

    @Test func feedPublisherRefusesWhileARecordHasErrors() throws {
        let project = try TestProject(records: ["ws.yml": Self.workshop])
        let publisher = FeedPublisher(project: try project.load(), clock: Clock(now: Self.now))
        _ = try publisher.publish(to: project.directory.path + "/public")
        let feed = try project.read("public/all.ics")
        let state = try project.read(FeedState.fileName)

        try project.write("events/bad.yml", Self.broken)
        try project.write("events/ws.yml", Self.workshop.replacingOccurrences(of: "on data", with: "on open data"))
        let refusing = FeedPublisher(project: try project.load(), clock: Clock(now: Self.now + 86_400))
        let refusal = try #require(throws: PublishRefusal.self) {
            try refusing.publish(to: project.directory.path + "/public")
        }
        #expect(refusal.kind == .badInput)
        #expect(refusal.publication == .feed)
        #expect(refusal.errors.map(\.location.file) == [project.directory.path + "/events/bad.yml"])
        #expect(refusal.message == "no feed was written: the records have 1 error")
        #expect(refusal.hint?.contains("run `almanac feed` again") == true)
        // Nothing moved: not the feed (the edited workshop), not the state.
        #expect(try project.read("public/all.ics") == feed)
        #expect(try project.read(FeedState.fileName) == state)
    }

    @Test func siteBuilderRefusesWhileARecordHasErrors() throws {
        let project = try TestProject(
            config: TestProject.config + "\nbase-url: https://test.example.org/calendar\n",
            records: ["ws.yml": Self.workshop, "bad.yml": Self.broken])
        let builder = try SiteBuilder(project: try project.load(), clock: Clock(now: Self.now))
        let site = project.directory.path + "/site"
        let refusal = try #require(throws: PublishRefusal.self) { try builder.write(to: site) }
        #expect(refusal.publication == .site)
        #expect(refusal.message.hasPrefix("no site was written"))
        #expect(!FileManager.default.fileExists(atPath: site))
        #expect(!FileManager.default.fileExists(atPath: project.directory.path + "/" + FeedState.fileName))
    }

    @Test func theGuardLetsWarningsThrough() throws {
        // A city the gazetteer does not know is a warning, not an error.
        let project = try TestProject(records: ["ws.yml": Self.workshop + "location:\n  city: Nowhereville\n"])
        let loaded = try project.load()
        #expect(!loaded.diagnostics.isEmpty && !loaded.diagnostics.hasErrors)
        try PublishGuard.check(loaded, publishing: .feed)
    }

    /// Every error of the core, as its thrower makes it.
    private func examples() throws -> [any AlmanacError] {
        let project = try TestProject(records: ["ws.yml": Self.workshop])
        try project.write(FeedState.fileName, "# state\nall ws not-json\n")
        var errors: [any AlmanacError] = []
        do {
            _ = try FeedState.load(path: project.directory.path + "/" + FeedState.fileName)
        } catch { errors.append(error) }
        do {
            _ = try ReportPeriod.parse("2023-Q5", today: LocalDate(iso: "2024-02-15")!)
        } catch { errors.append(error) }
        do {
            _ = try Clock.fromEnvironment(["SOURCE_DATE_EPOCH": "yesterday"])
        } catch { errors.append(error) }
        do {
            try AtomicFile.write("x", to: project.directory.path + "/events")
        } catch { errors.append(error) }
        let loaded = try project.load()
        do {
            _ = try SiteBuilder(project: loaded, clock: Clock(now: Self.now))
        } catch { errors.append(error) }
        do {
            _ = try TemplateLibrary.load(project.directory.path + "/no-such.md.mustache")
        } catch { errors.append(error) }
        if case .failure(let error) = Project.load(from: project.directory.path + "/events") { errors.append(error) }
        errors.append(FeedError(kind: .unavailable, feed: "all", message: "the time zone 'X' is not known", hint: nil))
        errors.append(RecordWriteError(id: "ws", problem: "it does not read back as written"))
        return errors
    }

    @Test func noErrorTextSaysErrorItself() throws {
        let errors = try examples()
        #expect(errors.count == 9)
        for error in errors {
            #expect(!error.description.lowercased().contains("error:"), "\(error.description)")
            #expect(!error.message.isEmpty && error.message.first?.isUppercase == false, "\(error.message)")
            #expect(error.localizedDescription == error.description)
        }
    }

    @Test func errorsNameWhereTheyComeFrom() throws {
        let errors = try examples()
        let directory = FileManager.default.temporaryDirectory.path
        let origins = errors.map { $0.origin?.formatted(relativeTo: directory) ?? "" }
        // The damaged line of the state file, by file and line.
        #expect(origins[0].hasSuffix("/almanac-state.txt:2:1"))
        #expect(errors[0].diagnostic?.location.line == 2)
        #expect(origins[2] == "SOURCE_DATE_EPOCH")
        #expect(origins[3].hasSuffix("/events") && errors[3].kind == .cannotWrite)
        #expect(origins[4].hasSuffix("/almanac.yml") && errors[4].kind == .configuration)
        #expect(origins[5].hasSuffix("/no-such.md.mustache:1:1") && errors[5].kind == .notFound)
        #expect(origins[6].hasSuffix("/events/almanac.yml:1:1") && errors[6].kind == .notFound)
        #expect(origins[7] == "feed 'all'")
        #expect(errors[8].kind == .internalError && errors[8].hint?.contains("bug in Almanac") == true)
        #expect(errors[1].kind == .usage)
    }

    @Test func foundationErrorsBecomeAlmanacErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-err-\(UUID().uuidString)")
        try Data().write(to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder cannot be made where a file is.
        do {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
            Issue.record("a folder was made inside a file")
        } catch {
            let converted = AlmanacFailure.from(error)
            #expect(converted.kind == .cannotWrite || converted.kind == .notFound, "\(converted)")
        }
        do {
            _ = try Data(contentsOf: URL(fileURLWithPath: folder.path + "-missing"))
            Issue.record("a missing file was read")
        } catch {
            let converted = AlmanacFailure.from(error)
            #expect(converted.kind == .notFound, "\(converted)")
            #expect(converted.origin == .file(folder.path + "-missing"))
        }
        struct Strange: Error {}
        #expect(AlmanacFailure.from(Strange()).kind == .internalError)
        let own = AlmanacFailure(.usage, .option("--x"), "bad")
        #expect(AlmanacFailure.from(own) as? AlmanacFailure == own)
    }
}
