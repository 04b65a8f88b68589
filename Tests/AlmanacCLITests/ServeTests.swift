import AlmanacServer
import Foundation
import Logging
import Testing

/// `almanac serve`'s server, run in this process on a free port and spoken to over a
/// socket with raw HTTP/1.1.
@Suite(.serialized) struct ServeTests {
    /// A copy of the example project served on a free port; stopped when the test ends.
    final class RunningServer {
        let folder: TemporaryFolder
        let server: SiteServer
        let port: Int
        private let task: Task<Void, any Error>

        private init(folder: TemporaryFolder, server: SiteServer, port: Int, task: Task<Void, any Error>) {
            self.folder = folder
            self.server = server
            self.port = port
            self.task = task
        }

        static func start(
            project: URL = CLI.packageRoot.appendingPathComponent("examples/iisg"),
            logger: Logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        ) async throws -> RunningServer {
            let folder = try TemporaryFolder(copying: project)
            let configuration = SiteServer.Configuration(
                projectDirectory: folder.url.path, port: 0, pollInterval: .milliseconds(100))
            let server = try SiteServer(configuration: configuration, logger: logger)
            let box = PortBox()
            // On threads of its own: other tests block the few threads of Swift's concurrency
            // pool (waiting for processes), which would stall a server that shares them.
            let task = Task(executorPreference: OwnThreadExecutor.shared) { try await server.run { box.set($0) } }
            guard await HTTPProbe.waitFor({ box.port != nil }), let port = box.port else {
                task.cancel()
                throw HTTPProbe.Failure(description: "the server did not start within 20 s")
            }
            return RunningServer(folder: folder, server: server, port: port, task: task)
        }

        func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> HTTPAnswer {
            try await HTTPProbe.request(port: port, target, method: method, headers: headers)
        }

        /// Stops the server by cancelling its task, as the end of a test does.
        func stop() { task.cancel() }

        deinit { task.cancel() }
    }

    /// Runs jobs on a serial dispatch queue, whose thread is not one of the concurrency pool's.
    final class OwnThreadExecutor: TaskExecutor, @unchecked Sendable {
        static let shared = OwnThreadExecutor()
        private let queue = DispatchQueue(label: "serve-tests")

        /// Keeps the thread busy for `seconds`, as a loaded machine might.
        func stall(seconds: Double) {
            queue.async { Thread.sleep(forTimeInterval: seconds) }
        }

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    /// Keeps the metadata of every log line.
    struct CapturingLogHandler: LogHandler {
        final class Lines: @unchecked Sendable {
            private let lock = NSLock()
            private var stored: [Logger.Metadata] = []
            func append(_ line: Logger.Metadata) { lock.withLock { stored.append(line) } }
            var all: [Logger.Metadata] { lock.withLock { stored } }
        }
        let lines: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.append(metadata.merging(event.metadata ?? [:]) { $1 })
        }
    }

    final class PortBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Int?
        func set(_ port: Int) { lock.withLock { stored = port } }
        var port: Int? { lock.withLock { stored } }
    }

    @Test func feedHeadersAndTheBytesAlmanacFeedWrites() async throws {
        let running = try await RunningServer.start()
        let answer = try await running.get("/all.ics")
        #expect(answer.status == 200)
        #expect(answer["Content-Type"] == "text/calendar; charset=utf-8")
        #expect(answer["Content-Disposition"] == nil)
        let etag = try #require(answer["ETag"])
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && etag.count > 20, "a strong ETag: \(etag)")
        #expect(answer["Cache-Control"] == "public, max-age=43200", "PT12H in almanac.yml")
        #expect(answer["Last-Modified"]?.hasSuffix(" GMT") == true)
        #expect(answer["Content-Length"] == String(answer.body.count))
        #expect(answer["X-Content-Type-Options"] == "nosniff")
        #expect(answer["Referrer-Policy"] == "no-referrer")
        #expect(answer["Content-Security-Policy"]?.contains("default-src 'none'") == true)
        // `almanac feed` on the same project, with the state file the server wrote, writes
        // the same bytes.
        let out = running.folder.url.appendingPathComponent("feed-out")
        let result = try CLI.run(["feed", "--out", out.path], in: running.folder.url, epoch: nil)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("all.ics")) == answer.body)
        #expect(
            answer.text.contains("BEGIN:VCALENDAR")
                && answer.text.contains("UID:2023-12-07-iisg-board-meeting@iisg.example.org"))
    }

    @Test func headAnswersTheHeadersOfGetWithoutTheBody() async throws {
        let running = try await RunningServer.start()
        let get = try await running.get("/meetings.ics")
        let head = try await running.get("/meetings.ics", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head["Content-Length"] == String(get.body.count))
        for name in ["Content-Type", "ETag", "Last-Modified", "Cache-Control"] {
            #expect(head[name] == get[name], "\(name)")
        }
        #expect(try await running.get("/nothing-here.ics", method: "HEAD").status == 404)
    }

    @Test func conditionalRequestsAnswer304() async throws {
        let running = try await RunningServer.start()
        let first = try await running.get("/all.ics")
        let etag = try #require(first["ETag"])
        let lastModified = try #require(first["Last-Modified"])
        let byTag = try await running.get("/all.ics", headers: ["If-None-Match": etag])
        #expect(byTag.status == 304 && byTag.body.isEmpty)
        #expect(byTag["ETag"] == etag && byTag["Cache-Control"] == first["Cache-Control"])
        #expect(byTag["Last-Modified"] == lastModified && byTag["Vary"] == first["Vary"])
        // RFC 9110 §15.4.5: no representation metadata on a 304.
        #expect(byTag["Content-Type"] == nil && byTag["Content-Security-Policy"] == nil)
        #expect(
            try await running.get("/all.ics", headers: ["If-None-Match": " \"other\" ,\t\(etag)\t"]).status == 304,
            "spaces and tabs around the tags")
        #expect(
            try await running.get("/all.ics", headers: ["If-None-Match": "\(etag.dropLast())x\""]).status == 200,
            "a tag that differs in its last character")
        #expect(
            try await running.get("/all.ics", headers: ["If-None-Match": "\"other\", W/\(etag)"]).status == 304,
            "weak comparison, list")
        #expect(try await running.get("/all.ics", headers: ["If-None-Match": "\"other\""]).status == 200)
        #expect(try await running.get("/all.ics", headers: ["If-Modified-Since": lastModified]).status == 304)
        #expect(
            try await running.get("/all.ics", headers: ["If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"]).status
                == 200)
        #expect(
            try await running.get("/all.ics", headers: ["If-Modified-Since": "yesterday"]).status == 200,
            "an unreadable date is ignored")
        // If-None-Match wins over If-Modified-Since.
        #expect(
            try await running.get(
                "/all.ics", headers: ["If-None-Match": "\"other\"", "If-Modified-Since": lastModified]
            ).status == 200)
        #expect(
            try await running.get("/", headers: ["If-None-Match": try #require(try await running.get("/")["ETag"])])
                .status == 304)
    }

    @Test func gzipWhenAskedAndOnlyThen() async throws {
        let running = try await RunningServer.start()
        let plain = try await running.get("/all.ics")
        let zipped = try await running.get("/all.ics", headers: ["Accept-Encoding": "gzip, deflate, br"])
        #expect(zipped.status == 200)
        #expect(zipped["Content-Encoding"] == "gzip")
        #expect(zipped["Vary"] == "Accept-Encoding")
        #expect(zipped.body.count < plain.body.count)
        #expect(zipped["ETag"] != plain["ETag"], "each representation has its own strong tag")
        let gunzip = try CLI.runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", "gzip -dc"], input: zipped.body)
        #expect(gunzip.status == 0)
        #expect(Data(gunzip.stdout.utf8) == plain.body)
        #expect(
            try await running.get("/all.ics", headers: ["Accept-Encoding": "gzip;q=0, identity"])["Content-Encoding"]
                == nil)
        #expect(try await running.get("/all.ics", headers: ["Accept-Encoding": "br"])["Content-Encoding"] == nil)
        #expect(try await running.get("/all.ics", headers: ["Accept-Encoding": "*"])["Content-Encoding"] == "gzip")
        #expect(
            try await running.get(
                "/all.ics", headers: ["Accept-Encoding": "gzip", "If-None-Match": try #require(zipped["ETag"])]
            ).status == 304)
    }

    @Test func calendarServicesWithoutAcceptHeader() async throws {
        let running = try await RunningServer.start()
        let agents = [
            "Google-Calendar-Importer",
            "Mozilla/5.0 (compatible; Google-Calendar-Importer; +http://www.google.com/bot.html)",
            "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)",
            "Microsoft.Exchange/15.20 (Windows NT 10.0; Microsoft Exchange Calendar Sharing)",
            "iOS/17.2 (21C62) dataaccessd/1.0",
            "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0",
        ]
        for agent in agents {
            let answer = try await HTTPProbe.exchange(
                port: running.port,
                Data(
                    """
                    GET /all.ics HTTP/1.1\r\n\
                    Host: calendar.example.org\r\n\
                    User-Agent: \(agent)\r\n\
                    Connection: close\r\n\
                    \r\n
                    """
                    .utf8))
            #expect(answer.status == 200, "\(agent)")
            #expect(answer["Content-Type"] == "text/calendar; charset=utf-8")
            #expect(answer.text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        }
    }

    @Test func anEditShowsWithoutARestart() async throws {
        let running = try await RunningServer.start()
        let before = try await running.get("/all.ics")
        let record = "events/2023/2023-12-07-iisg-board-meeting.yml"
        let text = try running.folder.read(record)
        try running.folder.write(
            record,
            text.replacingOccurrences(
                of: "title: 7th IISG Board meeting", with: "title: 7th IISG Board meeting (moved)"))
        var after = before
        #expect(
            try await HTTPProbe.waitFor {
                after = try await running.get("/all.ics")
                return after.text.contains("SUMMARY:7th IISG Board meeting (moved)")
            })
        #expect(after["ETag"] != before["ETag"])
        let old = try #require(before["Last-Modified"].flatMap(Self.seconds))
        let new = try #require(after["Last-Modified"].flatMap(Self.seconds))
        #expect(
            new > old,
            """
            Last-Modified moves forward with the bytes: \
            \(before["Last-Modified"] ?? "") → \(after["Last-Modified"] ?? "")
            """
        )
        #expect(after.text.contains("SEQUENCE:1"), "subscribers are told of the change")
        #expect(
            try await running.get("/all.ics", headers: ["If-None-Match": try #require(before["ETag"])]).status == 200,
            "the old copy is stale")
        // The per-activity file follows too.
        #expect(
            try await running.get("/events/2023-12-07-iisg-board-meeting.ics").text.contains(
                "SUMMARY:7th IISG Board meeting (moved)"))
    }

    @Test func aBrokenEditKeepsTheLastGoodFeed() async throws {
        let running = try await RunningServer.start()
        let good = try await running.get("/all.ics")
        let record = "events/2023/2023-12-07-iisg-board-meeting.yml"
        let text = try running.folder.read(record)
        try running.folder.write(record, text + "\nstart: [not a date\n")
        #expect(await HTTPProbe.waitFor { !running.server.problems.isEmpty })
        #expect(running.server.problems.first?.contains("2023-12-07-iisg-board-meeting.yml") == true)
        let during = try await running.get("/all.ics")
        #expect(during.body == good.body && during["ETag"] == good["ETag"], "subscribers keep the last good feed")
        let index = try await running.get("/")
        #expect(index.text.contains("The latest changes could not be published"))
        #expect(index.text.contains("2023-12-07-iisg-board-meeting.yml"))
        // Fixed: the notice goes, the feed is current again.
        try running.folder.write(record, text)
        #expect(try await HTTPProbe.waitFor { !(try await running.get("/").text.contains("could not be published")) })
        #expect(running.server.problems.isEmpty)
    }

    @Test func nothingOutsideTheSiteIsReachable() async throws {
        let running = try await RunningServer.start()
        // Something a path escape would find: the project's own files, and a symbolic link
        // from the project to the machine's password file.
        try FileManager.default.createSymbolicLink(
            atPath: running.folder.url.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        let targets = [
            "/../almanac.yml", "/%2e%2e/almanac.yml", "/%2E%2E%2Falmanac.yml", "/..%2falmanac.yml",
            "/events/../../almanac.yml",
            "/reports/..%2f..%2falmanac.yml", "/%252e%252e/almanac.yml", "/..\\almanac.yml", "/%5c..%5calmanac.yml",
            "/all.ics%00.html",
            "//etc/passwd", "/passwd", "/../passwd", "/almanac.yml", "/almanac-state.txt",
            "/events/2023/2023-12-07-iisg-board-meeting.yml",
            "/.almanac.lock", "/%", "/%zz", "http://evil.example/../almanac.yml", "*",
        ]
        for target in targets {
            let answer = try await running.get(target)
            #expect([400, 404].contains(answer.status), "\(target) → \(answer.status)")
            #expect(
                !answer.text.contains("root:") && !answer.text.contains("domain: iisg.example.org")
                    && !answer.text.contains("title:"), "\(target)")
        }
    }

    @Test func plainErrorPagesAndLimits() async throws {
        let running = try await RunningServer.start()
        let missing = try await running.get("/no-such-page.html")
        #expect(missing.status == 404)
        #expect(missing["Content-Type"] == "text/html; charset=utf-8")
        #expect(missing["Content-Security-Policy"]?.contains("script-src 'self'") == true)
        #expect(missing.text.contains("<h1>Not found</h1>"))
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
            let answer = try await running.get("/all.ics", method: method, headers: ["Content-Length": "0"])
            #expect(answer.status == 405, "\(method)")
            #expect(answer["Allow"] == "GET, HEAD")
        }
        let upload = try await HTTPProbe.exchange(
            port: running.port,
            Data("GET /all.ics HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n".utf8))
        #expect(upload.status == 413)
        // A header beyond the limit is refused, not buffered.
        let huge = try await HTTPProbe.exchange(
            port: running.port,
            Data(
                """
                GET /all.ics HTTP/1.1\r\n\
                Host: x\r\n\
                X-Big: \(String(repeating: "a", count: 20_000))\r\n\
                Connection: close\r\n\
                \r\n
                """
                .utf8))
        #expect(huge.status == 400 || huge.status == 431)
    }

    @Test func pipelinedRequestsAreAnsweredInOrderOnOneConnection() async throws {
        let running = try await RunningServer.start()
        let etag = try #require(try await running.get("/all.ics")["ETag"])
        // Reads answered on the event loop around a request that goes on to Hummingbird.
        let requests = [
            "GET /all.ics HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(etag)\r\n\r\n",
            "POST /all.ics HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
            "HEAD /index.html HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /no-such-page.html HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /all.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        ]
        let received = try await HTTPProbe.rawExchange(port: running.port, Data(requests.joined().utf8))
        var rest = received
        var answers: [HTTPAnswer] = []
        for method in ["GET", "POST", "HEAD", "GET", "GET"] {
            let answer = try HTTPProbe.parse(rest, method: method)
            answers.append(answer)
            let head = try #require(rest.range(of: Data("\r\n\r\n".utf8)))
            let length = method == "HEAD" || answer.status == 304 ? 0 : Int(answer["Content-Length"] ?? "") ?? 0
            rest = Data(rest[(head.upperBound + length)...])
        }
        #expect(answers.map(\.status) == [304, 405, 200, 404, 200])
        #expect(answers[0]["ETag"] == etag && answers[0]["Date"] != nil && answers[0]["Server"] == "Almanac")
        #expect(answers[1]["Allow"] == "GET, HEAD")
        #expect(answers[2]["Content-Type"] == "text/html; charset=utf-8" && answers[2].body.isEmpty)
        #expect(answers[3].text.contains("Not found") || answers[3].text.contains("not found"))
        #expect(
            answers[4].text.hasPrefix("BEGIN:VCALENDAR")
                && answers[4]["Content-Type"]?.hasPrefix("text/calendar") == true)
        #expect(rest.isEmpty, "nothing after the last answer, and the connection closed")
    }

    @Test func theAccessLogShowsControlCharactersFromAClientWithoutSendingThem() async throws {
        let lines = CapturingLogHandler.Lines()
        let running = try await RunningServer.start(
            logger: Logger(label: "test") { _ in CapturingLogHandler(lines: lines) })
        // UTF-8 for U+009B (CSI, a C1 control) in the User-Agent: legal bytes in HTTP.
        var request = Data("GET /all.ics HTTP/1.1\r\nHost: x\r\nUser-Agent: evil".utf8)
        request.append(contentsOf: [0xC2, 0x9B])
        request.append(Data("2J\r\nConnection: close\r\n\r\n".utf8))
        #expect(try await HTTPProbe.exchange(port: running.port, request).status == 200)
        let agents = lines.all.compactMap { $0["agent"]?.description }
        #expect(agents.contains("evil\\u{9B}2J"), "\(agents)")
        #expect(!agents.contains { $0.unicodeScalars.contains { $0.value == 0x9B } })
    }

    /// A connection answered on the event loop and closed before Hummingbird's accept loop
    /// takes it up, then the server stopped by cancelling its task: the connection is
    /// dropped unhandled, which must end it cleanly, not crash the process.
    @Test func stoppingTheServerRightAfterAnAnswerNeverCrashes() async throws {
        for _ in 0..<5 {
            let running = try await RunningServer.start()
            let request = Data("GET /all.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)
            let port = running.port
            // Hummingbird's accept loop (on the stalled thread) takes the connections up
            // only after they are answered and closed.
            OwnThreadExecutor.shared.stall(seconds: 0.3)
            async let first = HTTPProbe.exchange(port: port, request)
            async let second = HTTPProbe.exchange(port: port, request)
            let statuses = try await [first.status, second.status]
            #expect(statuses == [200, 200])
            running.stop()
        }
    }

    @Test func pagesCarrySecurityHeadersAndServeTheSite() async throws {
        let running = try await RunningServer.start()
        let index = try await running.get("/")
        #expect(index.status == 200)
        #expect(index["Content-Type"] == "text/html; charset=utf-8")
        #expect(
            index["Content-Security-Policy"]
                == """
                default-src 'none'; script-src 'self'; style-src 'self'; img-src \
                'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'
                """
        )
        #expect(index["X-Frame-Options"] == "DENY")
        #expect(index.text.contains("webcal://iisg.example.org/calendar/all.ics"))
        #expect(try await running.get("/index.html").body == index.body)
        let report = try await running.get("/reports/2023-Q4/report.html")
        #expect(report.status == 200)
        #expect(report["Content-Security-Policy"]?.hasPrefix("default-src 'none'; style-src 'unsafe-inline'") == true)
        #expect(try await running.get("/reports/2023-Q4/activities.csv")["Content-Type"]?.hasPrefix("text/csv") == true)
        #expect(try await running.get("/site.css")["Content-Type"] == "text/css; charset=utf-8")
    }

    static func seconds(_ httpDate: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: httpDate)
    }
}
