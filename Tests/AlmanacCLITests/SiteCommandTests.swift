import Foundation
import Testing

/// `almanac site`: the folder it writes, checked by an independent link checker, served by
/// a stock static server and subscribed to by a calendar parser.
@Suite struct SiteCommandTests {
    /// 2023-11-14 12:13 UTC: the example has activities before and after it.
    static let epoch: Int64 = 1_700_000_000

    static func example() throws -> TemporaryFolder {
        try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
    }

    @Test func writesTheFeedsPagesAndReportsWithEveryLinkResolving() throws {
        let project = try Self.example()
        let result = try CLI.run(["site"], in: project.url, epoch: Self.epoch)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote site/all.ics (10 events)"))
        let site = project.url.appendingPathComponent("site")
        // The feeds are the bytes `almanac feed` writes from the same records and state.
        let other = try Self.example()
        #expect(try CLI.run(["feed"], in: other.url, epoch: Self.epoch).status == 0)
        for feed in ["all", "meetings", "board"] {
            #expect(
                try Data(contentsOf: site.appendingPathComponent("\(feed).ics"))
                    == Data(contentsOf: other.url.appendingPathComponent("public/\(feed).ics")), "\(feed).ics")
        }
        #expect(try project.read("almanac-state.txt") == other.read("almanac-state.txt"))
        guard let checked = try Interop.json("check_site.py", [site.path]) as? [String: Any] else { return }
        #expect(checked["broken"] as? [String] == [], "broken links")
        #expect(checked["problems"] as? [String] == [], "accessibility basics")
        #expect((checked["links"] as? Int ?? 0) > 50)
        #expect(
            Set(checked["pages"] as? [String] ?? []).isSuperset(of: [
                "index.html", "agenda.html", "reports/2023-Q4/report.html", "reports/2023/report.html",
                "reports/2024-Q1/report.html",
            ]))
        let external = checked["external"] as? [String] ?? []
        #expect(external.contains("webcal://iisg.example.org/calendar/all.ics"))
        #expect(
            external.contains(
                "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fiisg.example.org%2Fcalendar%2Fall.ics"))
        #expect(
            external.contains {
                $0.hasPrefix(
                    "https://outlook.office.com/calendar/0/addfromweb?"
                        + "url=https%3A%2F%2Fiisg.example.org%2Fcalendar%2Fmeetings.ics&name="
                )
            })
        #expect(
            external.contains {
                $0.hasPrefix(
                    "https://outlook.live.com/calendar/0/addfromweb?"
                        + "url=https%3A%2F%2Fiisg.example.org%2Fcalendar%2Fboard.ics"
                )
            })
        let index = try project.read("site/index.html")
        #expect(
            index.contains(
                "<input id=\"address-all\" type=\"url\" value=\"https://iisg.example.org/calendar/all.ics\" readonly"))
        #expect(index.contains("<label for=\"address-all\">"))
        // Upcoming on 14 November 2023: the Rome conference that day; recent: October's meetings.
        let upcoming = try #require(index.range(of: "id=\"upcoming\""))
        let recent = try #require(index.range(of: "id=\"recent\""))
        #expect(
            index[upcoming.upperBound..<recent.lowerBound].contains(
                "The 8th Regional (Jumbo) Security Coordination Conference"))
        #expect(
            index[recent.upperBound...].contains("14th RNNC meeting") || index[recent.upperBound...].contains("RNNC"))
        #expect(index.contains("href=\"events/2023-11-14-jumbo-conference.ics\""))
        #expect(!index.contains("Tirana"), "the internal session of 1–2 November is not on a public page")
        // The single-event file: one event, the feed's UID, no subscription properties.
        let single = site.appendingPathComponent("events/2023-11-14-jumbo-conference.ics")
        if let parsed = try Interop.json("parse_feed.py", [single.path]) as? [String: Any],
            let events = (parsed["icalendar"] as? [String: Any])?["events"] as? [[String: Any]]
        {
            #expect(events.count == 1)
            #expect(events.first?["uid"] as? String == "2023-11-14-jumbo-conference@iisg.example.org")
        }
        let singleText = try String(contentsOf: single, encoding: .utf8)
        #expect(
            !singleText.contains("REFRESH-INTERVAL") && !singleText.contains("X-WR-CALNAME")
                && singleText.contains("METHOD:PUBLISH"))
        // Reports are of public activities only, with links to their CSV files.
        let report = try project.read("site/reports/2023-Q4/report.html")
        #expect(report.contains("href=\"activities.csv\"") && report.contains("href=\"../../index.html\""))
        #expect(!report.contains("Tirana"))
        #expect(
            FileManager.default.fileExists(
                atPath: site.appendingPathComponent("reports/2023-Q4/activities-by-month.svg").path))
    }

    @Test func theSameRecordsGiveTheSameSite() throws {
        let project = try Self.example()
        #expect(try CLI.run(["site", "--out", "one"], in: project.url, epoch: Self.epoch).status == 0)
        #expect(try CLI.run(["site", "--out", "two"], in: project.url, epoch: Self.epoch).status == 0)
        let one = project.url.appendingPathComponent("one")
        let two = project.url.appendingPathComponent("two")
        let files = try FileManager.default.subpathsOfDirectory(atPath: one.path).filter { $0.contains(".") }
        #expect(files.count > 40)
        #expect(
            try Set(FileManager.default.subpathsOfDirectory(atPath: two.path).filter { $0.contains(".") }) == Set(files)
        )
        for file in files {
            #expect(
                try Data(contentsOf: one.appendingPathComponent(file))
                    == Data(contentsOf: two.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test func withoutBaseURLItSaysWhatToAdd() throws {
        let project = try Self.example()
        let settings = try project.read("almanac.yml")
        try project.write(
            "almanac.yml", settings.replacingOccurrences(of: "base-url: https://iisg.example.org/calendar\n", with: ""))
        let result = try CLI.run(["site"], in: project.url, epoch: Self.epoch)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: almanac.yml: there is no base-url"))
        #expect(result.stderr.contains("hint: add `base-url: https://…` to almanac.yml"))
        #expect(!FileManager.default.fileExists(atPath: project.url.appendingPathComponent("site").path))
    }

    @Test func aRecordWithErrorsPublishesNothing() throws {
        let project = try Self.example()
        try project.write("events/2024/broken.yml", "title: Broken\nstart: 2024-13-45\n")
        let result = try CLI.run(["site"], in: project.url, epoch: Self.epoch)
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.yml:2:"))
        #expect(result.stderr.contains("error: no site was written: the records have 1 error"))
        #expect(!FileManager.default.fileExists(atPath: project.url.appendingPathComponent("site").path))
    }

    /// A log of past activities still has an agenda: the year up to its last public day.
    @Test func theAgendaOfALogThatEndedShowsItsLatestYear() throws {
        let project = try Self.example()
        let later: Int64 = 1_796_083_200  // 2026-12-01, two years after the example's last activity
        let result = try CLI.run(["site"], in: project.url, epoch: later)
        #expect(result.status == 0, "\(result.stderr)")
        let agenda = try project.read("site/agenda.html")
        #expect(agenda.contains("Nothing public is dated from a year ago to a year ahead"), "\(agenda)")
        #expect(!agenda.contains("No public activity in this time"))
        #expect(agenda.contains("events/2023-12-07-iisg-board-meeting.ics"))
    }

    @Test func anActivityMadeInternalLeavesTheSite() throws {
        let project = try Self.example()
        #expect(try CLI.run(["site"], in: project.url, epoch: Self.epoch).status == 0)
        let file = "site/events/2023-12-07-iisg-board-meeting.ics"
        #expect(FileManager.default.fileExists(atPath: project.url.appendingPathComponent(file).path))
        let record = "events/2023/2023-12-07-iisg-board-meeting.yml"
        try project.write(
            record,
            try project.read(record).replacingOccurrences(of: "visibility: public", with: "visibility: internal"))
        let again = try CLI.run(["site"], in: project.url, epoch: Self.epoch)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            try project.read("site/agenda.html").contains("Skopje, North Macedonia · Meeting"),
            "categories are shown by their labels, as in reports")
        #expect(
            !FileManager.default.fileExists(atPath: project.url.appendingPathComponent(file).path),
            "an internal activity's calendar file stayed published")
        #expect(!(try project.read("site/agenda.html")).contains("2023-12-07-iisg-board-meeting.ics"))
    }

    @Test func recordValuesAreEscapedOnEveryPage() throws {
        let project = try Self.example()
        try project.write(
            "events/2023/hostile.yml",
            """
            id: hostile
            title: "<script>alert('t')</script> & \\"quotes\\""
            start: 2023-11-20
            location: "<img src=x onerror=alert(1)>"
            category: meeting
            url: "https://example.org/?q=1&x='y'"
            summary: "</p><iframe src=//evil.example>"

            """)
        let result = try CLI.run(["site"], in: project.url, epoch: Self.epoch)
        #expect(result.status == 0, "\(result.stderr)")
        for page in ["site/index.html", "site/agenda.html", "site/reports/2023-Q4/report.html"] {
            let html = try project.read(page)
            #expect(html.contains("hostile") || html.contains("&lt;script&gt;"), "\(page) lists the activity")
            #expect(!html.contains("<script>alert"), "\(page)")
            #expect(!html.contains("<img src=x"), "\(page)")
            #expect(!html.contains("<iframe"), "\(page)")
            #expect(!html.contains("href=\"javascript:"), "\(page)")
        }
        #expect(
            try project.read("site/index.html").contains(
                "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        // `check` refuses a URL that breaks out of an attribute (see HostileInputTests); one it
        // accepts is still escaped in the href.
        #expect(try project.read("site/agenda.html").contains("href=\"https://example.org/?q=1&amp;x=&#39;y&#39;\""))
    }

    @Test func aStockStaticServerServesItToACalendarParser() throws {
        let project = try Self.example()
        #expect(try CLI.run(["site"], in: project.url, epoch: Self.epoch).status == 0)
        guard let python = Interop.require(Interop.python, "The Python test tools (.venv-tests)") else { return }
        let port = try HTTPProbe.freePort()
        let server = Process()
        server.executableURL = python
        server.arguments = [
            "-m", "http.server", "--bind", "127.0.0.1", "--directory", project.url.appendingPathComponent("site").path,
            String(port),
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: the test process's children inherit a signal mask that blocks SIGTERM.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        var subscribed: [String: Any]?
        for _ in 0..<100 where subscribed == nil {
            usleep(100_000)
            let result = try CLI.runProgram(
                python,
                [
                    CLI.packageRoot.appendingPathComponent("Tests/Interop/subscribe.py").path,
                    "http://127.0.0.1:\(port)/all.ics",
                ])
            if result.status == 0 {
                subscribed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            }
        }
        let feed = try #require(subscribed, "the served feed could be fetched and parsed")
        #expect((feed["content_type"] as? String)?.hasPrefix("text/calendar") == true)
        #expect(feed["name"] as? String == "IISG — all activities")
        let uids = feed["uids"] as? [String] ?? []
        #expect(uids.count == 10)
        #expect(uids.contains("2023-12-07-iisg-board-meeting@iisg.example.org"))
    }
}
