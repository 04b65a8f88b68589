import Foundation
import Testing

@testable import AlmanacFeeds
@testable import AlmanacModel

/// Faults while publishing, and state files that are not what they should be: each test is
/// named by what it attacks.
@Suite struct PublishSafetyTests {
    static let day: Int64 = 86_400
    static let start: Int64 = 1_707_955_200  // 2024-02-15

    private static func workshop(_ title: String) -> String {
        "id: ws\ntitle: \(title)\nstart: 2024-03-05\nend: 2024-03-06\ncategory: workshop\n"
    }

    private static let meeting =
        "id: mt\ntitle: Coordination meeting\nstart: 2024-03-12T10:00\nend: '12:00'\ncategory: meeting\n"

    struct Injected: Error {}

    private func publish(_ project: TestProject, at time: Int64, failingAfter failure: FeedPublisher.Step? = nil) throws
    {
        var publisher = FeedPublisher(project: try project.load(), clock: Clock(now: time))
        publisher.afterStep = { step in if step == failure { throw Injected() } }
        _ = try publisher.publish(to: project.directory.path + "/public")
    }

    /// Every (feed, UID, SEQUENCE) → SUMMARY in the published feeds.
    private func published(_ project: TestProject) throws -> [String: String] {
        var found: [String: String] = [:]
        for feed in ["all", "workshops"] {
            guard let text = try? project.read("public/\(feed).ics") else { continue }
            #expect(text.hasSuffix("END:VCALENDAR\r\n"), "public/\(feed).ics is cut off")
            for block in text.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst() {
                let fields = Dictionary(
                    block.components(separatedBy: "\r\n").compactMap { line -> (String, String)? in
                        guard let colon = line.firstIndex(of: ":") else { return nil }
                        return (String(line[..<colon]), String(line[line.index(after: colon)...]))
                    }, uniquingKeysWith: { first, _ in first })
                found["\(feed) \(fields["UID"] ?? "") \(fields["SEQUENCE"] ?? "")"] = fields["SUMMARY"]
            }
        }
        return found
    }

    /// A failure after each step of a publish: what is in place stays whole, no temporary
    /// file is left, and no SEQUENCE is ever published for two different contents.
    @Test(arguments: [
        FeedPublisher.Step.written(feed: "all"), .written(feed: "workshops"), .stateSaved,
        .published(feed: "all"), .published(feed: "workshops"),
    ])
    func aFailureAtAnyStepOfAPublishNeverReusesASequence(step: FeedPublisher.Step) throws {
        let project = try TestProject(records: ["ws.yml": Self.workshop("Workshop on data"), "mt.yml": Self.meeting])
        var seen: [String: String] = [:]
        func record() throws {
            for (key, summary) in try published(project) {
                if let earlier = seen[key] {
                    #expect(
                        earlier == summary,
                        "\(key) was published as '\(earlier)' and later as '\(summary)' (failure after \(step))")
                }
                seen[key] = summary
            }
        }
        try publish(project, at: Self.start)
        try record()
        try project.write("events/ws.yml", Self.workshop("Workshop on open data"))
        #expect(throws: Injected.self) { try publish(project, at: Self.start + Self.day, failingAfter: step) }
        try record()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.directory.path + "/public").filter {
            !$0.hasSuffix(".ics")
        }
        #expect(leftovers.isEmpty, "left in public/: \(leftovers)")
        try project.write("events/ws.yml", Self.workshop("Workshop on closed data"))
        try publish(project, at: Self.start + 2 * Self.day)
        try record()
        #expect(seen.values.contains("Workshop on closed data"))
    }

    @Test func aStateFileWithCRLFLineEndsKeepsItsSequences() throws {
        let project = try TestProject(records: ["ws.yml": Self.workshop("Workshop on data")])
        try publish(project, at: Self.start)
        try project.write("events/ws.yml", Self.workshop("Workshop on open data"))
        try publish(project, at: Self.start + Self.day)
        let state = try project.read(FeedState.fileName)
        try project.write(FeedState.fileName, state.replacingOccurrences(of: "\n", with: "\r\n"))
        try project.write("events/ws.yml", Self.workshop("Workshop on closed data"))
        try publish(project, at: Self.start + 2 * Self.day)
        #expect(try published(project)["all ws@test.example.org 2"] == "Workshop on closed data")
    }

    @Test func anEmptyStateFileIsAnErrorNotAReset() throws {
        let project = try TestProject(records: ["ws.yml": Self.workshop("Workshop on data")])
        try publish(project, at: Self.start)
        let feed = try project.read("public/all.ics")
        try project.write(FeedState.fileName, "")
        try project.write("events/ws.yml", Self.workshop("Workshop on open data"))
        let error = try #require(throws: FeedStateError.self) { try publish(project, at: Self.start + Self.day) }
        #expect(error.description.contains("it is empty"))
        #expect(try project.read(FeedState.fileName).isEmpty)
        #expect(try project.read("public/all.ics") == feed)
    }

    @Test func anUnreadableStateFileIsAnErrorNotAReset() throws {
        let project = try TestProject(records: ["ws.yml": Self.workshop("Workshop on data")])
        try FileManager.default.createDirectory(
            atPath: project.directory.path + "/" + FeedState.fileName, withIntermediateDirectories: false)
        let error = try #require(throws: FeedStateError.self) { try publish(project, at: Self.start) }
        #expect(error.description.contains("it cannot be read"))
        #expect(!FileManager.default.fileExists(atPath: project.directory.path + "/public/all.ics"))
    }

    @Test func onlyAMissingStateFileIsAFirstRun() throws {
        let project = try TestProject(records: ["ws.yml": Self.workshop("Workshop on data")])
        #expect(FeedPublisher(project: try project.load(), clock: Clock(now: Self.start)).isFirstRun)
        try publish(project, at: Self.start)
        #expect(!FeedPublisher(project: try project.load(), clock: Clock(now: Self.start)).isFirstRun)
    }

    @Test func temporariesOfAKilledRunAreRemovedAndNeverNamedAsFeeds() throws {
        let project = try TestProject(records: ["ws.yml": Self.workshop("Workshop on data")])
        // What a run killed mid-write left: this version's and an earlier version's names,
        // from a process that has ended; a running process's file stays.
        try project.write("public/.almanac-tmp-999999999-abc-all", "BEGIN:VCALENDAR\r\n")
        try project.write("public/.all.ics.tmp-999999999", "BEGIN:VCALENDAR\r\n")
        try project.write("public/.almanac-tmp-\(getpid())-abc-all", "mine")
        try publish(project, at: Self.start)
        let names = try FileManager.default.contentsOfDirectory(atPath: project.directory.path + "/public").sorted()
        #expect(names == [".almanac-tmp-\(getpid())-abc-all", "all.ics", "workshops.ics"])
    }
}
