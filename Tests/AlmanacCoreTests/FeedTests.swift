import Foundation
import Testing

@testable import AlmanacFeeds
@testable import AlmanacModel

@Suite struct FeedUpdateTests {
    static let day: Int64 = 86_400
    static let start: Int64 = 1_707_955_200  // 2024-02-15

    private let workshop = "id: ws\ntitle: Workshop on data\nstart: 2024-03-05\nend: 2024-03-06\ncategory: workshop\n"
    private let meeting =
        "id: mt\ntitle: Coordination meeting\nstart: 2024-03-12T10:00\nend: '12:00'\ncategory: meeting\n"

    private func publish(_ project: TestProject, at time: Int64) throws -> (all: String, workshops: String) {
        _ = try FeedPublisher(project: try project.load(), clock: Clock(now: time)).publish(
            to: project.directory.path + "/public")
        return (try project.read("public/all.ics"), try project.read("public/workshops.ics"))
    }

    private func block(_ uid: String, in feed: String) -> String? {
        feed.components(separatedBy: "BEGIN:VEVENT\r\n").first { $0.contains("UID:\(uid)@test.example.org\r\n") }
    }

    @Test func unchangedRecordsGiveByteIdenticalFeedsWhateverTheClock() throws {
        let project = try TestProject(records: ["ws.yml": workshop, "mt.yml": meeting])
        let first = try publish(project, at: Self.start)
        let state = try project.read(FeedState.fileName)
        let again = try publish(project, at: Self.start + 5 * Self.day)
        #expect(first.all == again.all)
        #expect(first.workshops == again.workshops)
        #expect(try project.read(FeedState.fileName) == state)
        #expect(first.all.contains("DTSTAMP:20240215T000000Z\r\n"))
        #expect(first.all.contains("SEQUENCE:0\r\n"))
    }

    @Test func aVisibleChangeRaisesSequenceAndMovesLastModified() throws {
        let project = try TestProject(records: ["ws.yml": workshop, "mt.yml": meeting])
        _ = try publish(project, at: Self.start)
        try project.write(
            "events/ws.yml", workshop.replacingOccurrences(of: "Workshop on data", with: "Workshop on open data"))
        let feeds = try publish(project, at: Self.start + Self.day)
        let changed = try #require(block("ws", in: feeds.all))
        #expect(changed.contains("SEQUENCE:1\r\n"))
        #expect(changed.contains("LAST-MODIFIED:20240216T000000Z\r\n"))
        #expect(changed.contains("DTSTAMP:20240216T000000Z\r\n"))
        #expect(changed.contains("CREATED:20240215T000000Z\r\n"))
        let untouched = try #require(block("mt", in: feeds.all))
        #expect(untouched.contains("SEQUENCE:0\r\n"))
        #expect(untouched.contains("LAST-MODIFIED:20240215T000000Z\r\n"))
    }

    @Test func aRecordLeavingAFilteredFeedIsCancelledThereUntilTheGraceEnds() throws {
        let project = try TestProject(records: ["ws.yml": workshop])
        _ = try publish(project, at: Self.start)
        try project.write(
            "events/ws.yml", workshop.replacingOccurrences(of: "category: workshop", with: "category: meeting"))
        let feeds = try publish(project, at: Self.start + Self.day)
        let notice = try #require(block("ws", in: feeds.workshops))
        #expect(notice.contains("STATUS:CANCELLED\r\n"))
        #expect(notice.contains("SEQUENCE:1\r\n"))
        #expect(notice.contains("DTSTART;VALUE=DATE:20240305\r\n"))
        #expect(try #require(block("ws", in: feeds.all)).contains("STATUS:CONFIRMED\r\n"))
        let later = try publish(project, at: Self.start + 31 * Self.day)
        #expect(block("ws", in: later.workshops) == nil)
        #expect(!(try project.read(FeedState.fileName)).contains("workshops ws "))
    }

    @Test func aDeletedRecordIsPublishedAsCancelledWithItsUID() throws {
        let project = try TestProject(records: ["ws.yml": workshop, "mt.yml": meeting])
        _ = try publish(project, at: Self.start)
        try project.remove("events/mt.yml")
        let feeds = try publish(project, at: Self.start + Self.day)
        let notice = try #require(block("mt", in: feeds.all))
        #expect(notice.contains("STATUS:CANCELLED\r\n"))
        #expect(notice.contains("SUMMARY:Coordination meeting\r\n"))
        #expect(notice.contains("DTSTART;TZID=Europe/Sarajevo:20240312T100000\r\n"))
        #expect(notice.contains("SEQUENCE:1\r\n"))
        #expect(feeds.all.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Sarajevo\r\n"))
        #expect(block("mt", in: try publish(project, at: Self.start + 30 * Self.day).all) != nil)
        #expect(block("mt", in: try publish(project, at: Self.start + 31 * Self.day).all) == nil)
    }

    @Test func cancelledInternalAndDraftRecords() throws {
        let project = try TestProject(records: [
            "ws.yml": workshop + "status: cancelled\n",
            "internal.yml": "id: retreat\ntitle: Staff retreat\nstart: 2024-03-10\nvisibility: internal\n",
            "draft.yml": "id: maybe\ntitle: Maybe\nstart: 2024-03-11\nstatus: draft\n",
        ])
        let feeds = try publish(project, at: Self.start)
        #expect(try #require(block("ws", in: feeds.all)).contains("STATUS:CANCELLED\r\n"))
        #expect(!feeds.all.contains("retreat"))
        #expect(!feeds.all.contains("Maybe"))
        #expect(block("ws", in: try publish(project, at: Self.start + 31 * Self.day).all) == nil)
    }

    @Test func anInternalRecordThatWasPublicIsWithdrawn() throws {
        let project = try TestProject(records: ["mt.yml": meeting])
        _ = try publish(project, at: Self.start)
        try project.write("events/mt.yml", meeting + "visibility: internal\n")
        let notice = try #require(block("mt", in: try publish(project, at: Self.start + Self.day).all))
        #expect(notice.contains("STATUS:CANCELLED\r\n"))
        #expect(!notice.contains("DESCRIPTION"))
    }

    @Test func stateFileIsSortedOneEntryPerLine() throws {
        let project = try TestProject(records: ["ws.yml": workshop, "mt.yml": meeting])
        _ = try publish(project, at: Self.start)
        let lines = try project.read(FeedState.fileName).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(
            lines.map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == [
                "all mt", "all ws", "workshops ws",
            ])
        #expect(lines == lines.sorted())
        let state = try FeedState.load(path: project.directory.path + "/" + FeedState.fileName)
        #expect(state.serialized() == (try project.read(FeedState.fileName)))
    }

    @Test func aDamagedStateFileIsAnErrorNotAReset() throws {
        let project = try TestProject(records: ["ws.yml": workshop])
        try project.write(FeedState.fileName, "# comment\nall ws {\"broken\n")
        #expect(throws: FeedStateError.self) { try publish(project, at: Self.start) }
        #expect(try project.read(FeedState.fileName).contains("broken"))
    }

    @Test func weeklySeriesWithExceptions() throws {
        let project = try TestProject(records: [
            "s.yml": """
            id: s
            title: Weekly call
            start: 2024-01-08T09:30
            end: '10:30'
            timezone: Europe/Brussels
            repeat: FREQ=WEEKLY;COUNT=6
            except: [2024-01-22]\n
            """
        ])
        let feed = try publish(project, at: Self.start).all
        #expect(feed.contains("RRULE:FREQ=WEEKLY;COUNT=6\r\n"))
        #expect(feed.contains("EXDATE;TZID=Europe/Brussels:20240122T093000\r\n"))
        #expect(feed.contains("DTSTART;TZID=Europe/Brussels:20240108T093000\r\n"))
        #expect(feed.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n"))
    }

    @Test func theLockMakesASecondRunWait() throws {
        let project = try TestProject()
        let path = project.directory.path + "/.almanac.lock"
        var held: FileLock? = try FileLock(path: path)
        let waited = Flag()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? FileLock(path: path) { waited.set() }
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(waited.value)
        #expect(done.wait(timeout: .now()) == .timedOut)
        withExtendedLifetime(held) { held = nil }
        #expect(done.wait(timeout: .now() + 5) == .success)
    }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    func set() { lock.withLock { raised = true } }
    var value: Bool { lock.withLock { raised } }
}

@Suite struct LocalDateTests {
    @Test func roundTripsAndLeapYears() throws {
        for text in ["1970-01-01", "2000-02-29", "2023-09-05", "2024-12-31", "1969-12-31"] {
            #expect(LocalDate(iso: text)?.description == text)
        }
        #expect(LocalDate(iso: "2023-02-29") == nil)
        #expect(LocalDate(iso: "2100-02-29") == nil)
        #expect(LocalDate(iso: "2023-9-5") == nil)
        #expect(LocalDate(iso: "2024-02-28")?.adding(days: 1).description == "2024-02-29")
        #expect(LocalDate(iso: "2023-09-05")?.weekday == 2)
        #expect(LocalDateTime(iso: "2023-12-07T10:00")?.description == "2023-12-07T10:00")
        #expect(LocalDateTime(iso: "2023-12-07T24:00") == nil)
    }
}
