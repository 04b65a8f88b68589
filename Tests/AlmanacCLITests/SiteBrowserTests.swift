import Foundation
import Testing

/// The site as `almanac serve` sends it, opened in a real headless browser (Debian's
/// chromium): no console message at all (script errors and Content-Security-Policy
/// violations are console errors), the subscribe links in the rendered page, the script
/// allowed to run, and screenshots for a person to look at in `.build/screenshots/`.
@Suite(.serialized) struct SiteBrowserTests {
    static let screenshots = CLI.packageRoot.appendingPathComponent(".build/screenshots")

    /// `almanac serve` on a copy of the example, as a user starts it.
    final class ServeProcess {
        let process = Process()
        let folder: TemporaryFolder
        var port = 0

        init() throws {
            folder = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
            process.executableURL = CLI.productsDirectory.appendingPathComponent("almanac")
            process.arguments = ["serve", "--port", "0", "--quiet"]
            process.currentDirectoryURL = folder.url
            var environment = ProcessInfo.processInfo.environment
            environment["SOURCE_DATE_EPOCH"] = String(SiteCommandTests.epoch)
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // "Serving http://127.0.0.1:PORT/ (Ctrl-C stops)"
            var text = ""
            let deadline = Date().addingTimeInterval(60)
            while port == 0 && Date() < deadline && process.isRunning {
                text += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
                if let match = text.firstMatch(of: /Serving http:\/\/127\.0\.0\.1:(\d+)\//) { port = Int(match.1) ?? 0 }
            }
            guard port != 0 else { throw HTTPProbe.Failure(description: "almanac serve did not start: \(text)") }
        }

        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Runs chromium on `url` with a deadline; returns the DOM it printed and its log.
    static func chromium(_ browser: URL, _ arguments: [String], url: String) throws -> (dom: String, log: String) {
        let profile = try TemporaryFolder()
        let process = Process()
        process.executableURL = browser
        process.arguments =
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                "--user-data-dir=\(profile.url.path)", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
            ] + arguments + [url]
        let output = Pipe()
        let logFile = profile.url.appendingPathComponent("chromium.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: logFile)
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
        let dom = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        try errors.close()
        return (String(decoding: dom, as: UTF8.self), try String(contentsOf: logFile, encoding: .utf8))
    }

    static func browser() -> URL? {
        Interop.require(
            Interop.program("chromium") ?? Interop.program("chromium-browser"),
            "Debian's chromium (apt-get install chromium)")
    }

    /// Console lines chromium logged: any is a failure (CSP violations, script errors,
    /// resources that failed to load).
    static func consoleMessages(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Refused to") }
    }

    @Test func theIndexPageRendersCleanlyWithItsSubscribeLinks() throws {
        guard let browser = Self.browser() else { return }
        let server = try ServeProcess()
        let url = "http://127.0.0.1:\(server.port)/"
        let (dom, log) = try Self.chromium(browser, ["--dump-dom"], url: url)
        #expect(Self.consoleMessages(log).isEmpty, "console: \(Self.consoleMessages(log))")
        #expect(dom.contains("<h1>IISG activities</h1>"))
        #expect(dom.contains("href=\"webcal://iisg.example.org/calendar/all.ics\""))
        #expect(
            dom.contains(
                "href=\"https://calendar.google.com/calendar/render?"
                    + "cid=webcal%3A%2F%2Fiisg.example.org%2Fcalendar%2Fall.ics\""
            ))
        #expect(
            dom.contains(
                "href=\"https://outlook.office.com/calendar/0/addfromweb?"
                    + "url=https%3A%2F%2Fiisg.example.org%2Fcalendar%2Fall.ics&amp;name="
            ))
        #expect(dom.contains("value=\"https://iisg.example.org/calendar/all.ics\""))
        // The copy buttons are hidden until the site's script turns them on: it ran under the policy.
        #expect(
            dom.contains("<button type=\"button\" data-copy=\"address-all\">Copy</button>"),
            "the script ran and showed the copy button")
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        for (name, size) in [("index-phone.png", "390,1600"), ("index-desktop.png", "1280,1800")] {
            let file = Self.screenshots.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: file)
            let shot = try Self.chromium(
                browser, ["--screenshot=\(file.path)", "--window-size=\(size)", "--hide-scrollbars"], url: url)
            #expect(Self.consoleMessages(shot.log).isEmpty, "\(name): \(Self.consoleMessages(shot.log))")
            let bytes = try Data(contentsOf: file)
            #expect(
                bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.count > 10_000,
                "\(name) is a PNG of a rendered page")
        }
    }

    @Test func aReportPageRendersCleanly() throws {
        guard let browser = Self.browser() else { return }
        let server = try ServeProcess()
        let url = "http://127.0.0.1:\(server.port)/reports/2023-Q4/report.html"
        let (dom, log) = try Self.chromium(browser, ["--dump-dom"], url: url)
        #expect(Self.consoleMessages(log).isEmpty, "console: \(Self.consoleMessages(log))")
        #expect(dom.contains("activity report Q4 2023"))
        #expect(dom.contains("href=\"activities.csv\""))
        #expect(dom.contains("<svg"), "the chart is in the page")
        let file = Self.screenshots.appendingPathComponent("report-2023-Q4.png")
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: file)
        let shot = try Self.chromium(
            browser, ["--screenshot=\(file.path)", "--window-size=1280,2400", "--hide-scrollbars"], url: url)
        #expect(Self.consoleMessages(shot.log).isEmpty, "console: \(Self.consoleMessages(shot.log))")
        #expect(try Data(contentsOf: file).count > 10_000)
    }
}
