import Foundation
import Testing

/// The board's report as the board gets it: report.html opened in headless Chromium and
/// printed to PDF by `report --pdf`, checked with independent tools (poppler's pdfinfo and
/// pdftotext, Python's HTML parser, Chromium's own network log).
@Suite struct BoardPackTests {
    static var chromium: URL? {
        Interop.require(
            Interop.program("chromium") ?? Interop.program("chromium-browser"), "Chromium (Debian package chromium)")
    }

    /// Renders the example's Q4 2023 report (with the PDF) into a new folder.
    static func exampleReport(pdf: Bool) throws -> TemporaryFolder? {
        let out = try TemporaryFolder()
        let result = try CLI.run(
            ["report", "2023-Q4", "--project", "examples/iisg", "--out", out.url.path] + (pdf ? ["--pdf"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        return result.status == 0 ? out : nil
    }

    /// Headless Chromium with its background traffic off and every host name unresolvable,
    /// so that nothing can leave the machine; the NetLog records what the page asked for.
    static func browse(_ page: URL, _ arguments: [String], netLog: URL) throws -> CLIResult? {
        guard let chromium else { return nil }
        let profile = try TemporaryFolder()
        return try CLI.runProgram(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile.url.path, "--log-net-log=" + netLog.path,
            ] + arguments + [page.absoluteString])
    }

    static func pageRequests(_ netLog: URL) throws -> [String]? {
        try Interop.json("page_requests.py", [netLog.path]) as? [String]
    }

    @Test func exampleQ4PrintsOnAtMostThreeA4PagesWithRunningHeaderAndPageNumbers() throws {
        guard Self.chromium != nil,
            let pdfinfo = Interop.require(Interop.program("pdfinfo"), "pdfinfo (Debian package poppler-utils)"),
            let pdftotext = Interop.require(Interop.program("pdftotext"), "pdftotext (Debian package poppler-utils)"),
            let out = try Self.exampleReport(pdf: true)
        else { return }
        let pdf = out.url.appendingPathComponent("report.pdf")
        let info = try CLI.runProgram(pdfinfo, [pdf.path])
        #expect(info.status == 0, "\(info.stderr)")
        let pages =
            info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
                Int($0.split(separator: " ").last ?? "")
            } ?? 0
        #expect((1...3).contains(pages), "the example's Q4 2023 report takes \(pages) pages; at most 3 are allowed")
        #expect(info.stdout.contains("(A4)"), "A4 pages: \(info.stdout)")

        let first = try CLI.runProgram(pdftotext, ["-layout", "-f", "1", "-l", "1", pdf.path, "-"]).stdout
        #expect(first.contains("IISG Secretariat · Activity report Q4 2023"), "running header")
        #expect(first.contains("Page 1 of \(pages)"))
        #expect(first.contains("1 Oct – 31 Dec 2023"))
        #expect(first.contains("Activity report Q4 2023"))
        #expect(first.contains("Headline figures") && first.contains("Partner") && first.contains("+5 on Q3"))
        #expect(first.contains("Activities per month by category"), "the chart is on the first page")
        #expect(!first.contains("2023-10-01_2023-12-31"))

        // Dates stay on one line in the table, and no table row is split across pages: each
        // activity's dates and its place appear on the same page.
        let text = try CLI.runProgram(pdftotext, ["-layout", pdf.path, "-"]).stdout
        let pagesText = text.split(separator: "\u{0C}").map(String.init)
        for (dates, city) in [
            ("16 Oct 2023", "Skopje"), ("17–18 Oct 2023", "Skopje"), ("1–2 Nov 2023", "Tirana"),
            ("14–15 Nov 2023", "Rome"), ("21 Nov 2023", "Chișinău"), ("7 Dec 2023", "Sarajevo"),
        ] {
            #expect(
                pagesText.contains { page in
                    page.split(separator: "\n").contains { $0.contains(dates) && $0.contains(city) }
                },
                "the row of \(dates) in \(city) is not whole on one line of one page")
        }
        #expect(
            !text.contains("Data quality") && !text.contains("events/2023/"),
            "file paths are for staff (checklist.md), not the board")
    }

    @Test func pageIsSelfContainedWithAStrictPolicyAndTheBasicsOfAccessibility() throws {
        guard let out = try Self.exampleReport(pdf: false),
            let page = try Interop.json("html_basics.py", [out.url.appendingPathComponent("report.html").path])
                as? [String: Any]
        else { return }
        #expect(
            page["csp"] as? String
                == "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
        #expect(page["scripts"] as? Int == 0)
        #expect(page["external"] as? [String] == [])
        #expect(page["lang"] as? String == "en")
        #expect(page["title"] as? String == "IISG Secretariat — activity report Q4 2023")
        #expect(page["h1"] as? Int == 1)
        for key in ["skipped", "images", "graphics", "tables", "links", "bars"] {
            #expect((page[key] as? [Any])?.isEmpty == true, "\(key): \(page[key] ?? "missing")")
        }
        let html = try out.read("report.html")
        #expect(html.components(separatedBy: "<svg").count - 1 == 3, "chart, trend and map inline")
        #expect(html.contains("Skopje, North Macedonia: 2"), "the map's places in words")
        #expect(html.contains("Natural Earth"), "the map credits its source")
    }

    /// Opens report.html in Chromium, takes a screenshot, and reads the network log: the page
    /// asks for nothing. The same check on a page with an outside image shows that the log
    /// catches a request, and that the report's policy would block it.
    @Test func pageMakesNoRequestInABrowserAndIsScreenshotted() throws {
        guard Self.chromium != nil, let out = try Self.exampleReport(pdf: false) else { return }
        let page = out.url.appendingPathComponent("report.html")
        let screenshot = out.url.appendingPathComponent("report.png")
        let log = out.url.appendingPathComponent("net.json")
        _ = try Self.browse(page, ["--window-size=1200,1600", "--screenshot=" + screenshot.path], netLog: log)
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "a screenshot of the page")
        let artifacts = CLI.packageRoot.appendingPathComponent(".build/test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: artifacts.appendingPathComponent("report-2023-Q4.png"))
        try FileManager.default.copyItem(at: screenshot, to: artifacts.appendingPathComponent("report-2023-Q4.png"))
        #expect(try Self.pageRequests(log) == [])

        let html = try out.read("report.html")
        let outside = html.replacingOccurrences(
            of: "<main>", with: "<main><img src=\"http://example.invalid/logo.png\" alt=\"logo\">")
        try out.write("outside.html", outside)
        try out.write(
            "outside-no-policy.html",
            outside.replacingOccurrences(
                of: "<meta http-equiv=\"Content-Security-Policy\"", with: "<meta name=\"no-policy\""))
        let blocked = out.url.appendingPathComponent("blocked.json")
        let open = out.url.appendingPathComponent("open.json")
        _ = try Self.browse(out.url.appendingPathComponent("outside.html"), ["--dump-dom"], netLog: blocked)
        _ = try Self.browse(out.url.appendingPathComponent("outside-no-policy.html"), ["--dump-dom"], netLog: open)
        #expect(try Self.pageRequests(blocked) == [], "the policy blocks an outside image")
        #expect(
            try Self.pageRequests(open) == ["http://example.invalid/logo.png"],
            "without the policy the log shows the request")
    }

    @Test func pdfWithoutChromiumSaysHowToInstallIt() throws {
        let out = try TemporaryFolder()
        let result = try CLI.run(
            ["report", "2023-Q4", "--project", "examples/iisg", "--out", out.url.path, "--pdf"],
            environment: ["PATH": "/nonexistent"])
        #expect(result.status == 4)
        #expect(
            result.stderr.contains("--pdf needs Chromium to print the report, and it is not installed"),
            "\(result.stderr)")
        #expect(result.stderr.contains("apt-get install chromium"))
        // The files that were written are named all the same.
        #expect(result.stdout.contains("7 activities, 10 days of activity"), "\(result.stdout)")
        #expect(result.stdout.contains("/report.html\n") && result.stdout.contains("/checklist.md\n"))
        #expect(!result.stdout.contains("report.pdf"))
        #expect(FileManager.default.fileExists(atPath: out.url.appendingPathComponent("report.html").path))
        #expect(!FileManager.default.fileExists(atPath: out.url.appendingPathComponent("report.pdf").path))

        // A renderer that fails leaves no PDF and no temporary file behind.
        let failed = try CLI.run(
            ["report", "2023-Q4", "--project", "examples/iisg", "--out", out.url.path, "--pdf"],
            environment: ["ALMANAC_CHROMIUM": "/bin/false"])
        #expect(failed.status == 4)
        #expect(
            failed.stderr.contains("error: /bin/false did not print the report to PDF (exit status 1)"),
            "\(failed.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.url.path).sorted() == ReportCommandTests.reportFiles
        )
        let missing = try CLI.run(
            ["report", "2023-Q4", "--project", "examples/iisg", "--out", out.url.path, "--pdf"],
            environment: ["ALMANAC_CHROMIUM": "/nonexistent/chrome"])
        #expect(missing.stderr.contains("error: ALMANAC_CHROMIUM: '/nonexistent/chrome' is not a program"))
    }
}
