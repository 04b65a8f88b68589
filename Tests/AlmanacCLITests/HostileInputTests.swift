import Foundation
import Testing

/// Hostile input, run through the CLI as a user (or an attacker) would: each test is named
/// by what it attacks, and checks what Almanac promises (see README, "Security and data
/// safety").
@Suite struct HostileInputTests {
    static let breakout = #"https://ok.example/"autofocus/onfocus="alert(1)"#

    private func project(_ records: [String: String] = [:]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(
            "almanac.yml",
            """
            name: Test
            organisation: Test
            timezone: Europe/Sarajevo
            domain: test.example.org
            categories: [meeting, workshop]\n
            """
        )
        for (path, text) in records { try folder.write("events/" + path, text) }
        return folder
    }

    /// Start tags of an HTML file as Python's HTML parser reads them.
    private func htmlTags(_ file: URL) throws -> (
        tags: [(name: String, attributes: [(String, String?)])], scripts: [String]
    )? {
        guard let json = try Interop.json("html_tags.py", [file.path]) as? [String: Any] else { return nil }
        let tags = (json["tags"] as? [[String: Any]] ?? []).map { tag in
            (
                tag["tag"] as? String ?? "",
                (tag["attributes"] as? [[Any]] ?? []).map { ($0[0] as? String ?? "", $0[1] as? String) }
            )
        }
        return (tags, json["scripts"] as? [String] ?? [])
    }

    // MARK: Script in a report

    @Test func attributeBreakoutURLInARecordIsRejectedByCheck() throws {
        let folder = try project([
            "link.yml": """
            id: link
            title: Link
            start: 2024-02-01
            url: "https://ok.example/\\"autofocus/onfocus=\\"alert(1)"\n
            """
        ])
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "events/link.yml:4:1: error: 'https://ok.example/\"autofocus/onfocus=\"alert(1)' is not a web address"))
    }

    @Test func nonWebSchemesAndDisguisedHostsAreRejectedByCheck() throws {
        for url in [
            "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "https://bank.example@evil.example/",
            "https://ok.example/a b", "//ok.example/x", "https://ok.example/%zz",
        ] {
            let folder = try project(["link.yml": "id: link\ntitle: Link\nstart: 2024-02-01\nurl: '\(url)'\n"])
            let result = try CLI.run(["check"], in: folder.url)
            #expect(result.status == 1, "\(url) passed check")
            #expect(result.stderr.contains("is not a web address"), "\(url): \(result.stderr)")
        }
    }

    @Test func attributeBreakoutURLThroughImportCSVLeavesTheRowOut() throws {
        let folder = try project()
        try folder.write(
            "log.csv",
            """
            title,start,url
            Link,2024-02-01,"https://ok.example/""autofocus/onfocus=""alert(1)"
            Plain,2024-02-02,https://ok.example/plain\n
            """
        )
        let result = try CLI.run(["import", "csv", "log.csv"], in: folder.url)
        #expect(
            result.stderr.contains(
                """
                log.csv:2:1: error: row 2, column "url": \
                'https://ok.example/"autofocus/onfocus="alert(1)' is not a web address
                """
            ))
        // Imports land in events/<year>/, as `new` writes.
        let written = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("events/2024").path)
        #expect(written == ["2024-02-02-plain.yml"])
    }

    @Test func attributeBreakoutURLThroughImportICSIsLeftOut() throws {
        let folder = try project()
        try folder.write(
            "cal.ics",
            """
            BEGIN:VCALENDAR\r\n\
            VERSION:2.0\r\n\
            PRODID:-//x//x//EN\r\n\
            BEGIN:VEVENT\r\n\
            UID:1@x\r\n\
            DTSTAMP:20240101T000000Z\r\n\
            DTSTART;VALUE=DATE:20240201\r\n\
            SUMMARY:Link\r\n\
            URL:\(Self.breakout)\r\n\
            END:VEVENT\r\n\
            END:VCALENDAR\r\n
            """
        )
        let result = try CLI.run(["import", "ics", "cal.ics"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: the URL of 'Link' is left out"))
        let record = try folder.read("events/2024/2024-02-01-link.yml")
        #expect(!record.contains("url:") && !record.contains("onfocus"))
        #expect(try CLI.run(["check"], in: folder.url).status == 0)
    }

    @Test func scriptAndHandlersInATemplateOrRecordNeverReachReportHTML() throws {
        let folder = try project([
            "a.yml": """
            id: a
            title: "<script>alert(1)</script> <img src=x onerror=alert(2)>"
            start: 2024-02-01
            url: https://ok.example/it's\n
            """
        ])
        // A template that puts raw HTML and a javascript: link into the Markdown.
        try folder.write(
            "t.md.mustache",
            """
            # {{title}}

            {{#activities}}
            - {{#url}}[{{title}}]({{{url}}}){{/url}}
            {{/activities}}

            [z](https://ok.example/"autofocus/onfocus="alert(7)) ![p](https://ok.example/"onerror="alert(8))

            <script>alert(3)</script>
            <img src="x" onerror="alert(4)"> <a href="javascript:alert(5)">x</a> \
            [y](javascript:alert(6)) <iframe src="https://evil.example"></iframe>
            """)
        let result = try CLI.run(["report", "2024-02", "--template", "t.md.mustache", "--out", "r"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try folder.read("r/report.html")
        guard let parsed = try htmlTags(folder.url.appendingPathComponent("r/report.html")) else { return }
        #expect(parsed.scripts.isEmpty, "script elements: \(parsed.scripts)")
        #expect(!parsed.tags.contains { ["script", "iframe", "object", "embed", "base", "form"].contains($0.name) })
        for tag in parsed.tags {
            for (name, value) in tag.attributes {
                #expect(!name.hasPrefix("on") && name != "autofocus", "<\(tag.name) \(name)=\(value ?? "")>")
                if name == "href" || name == "src" {
                    #expect(
                        !(value ?? "").lowercased().hasPrefix("javascript:"), "<\(tag.name) \(name)=\(value ?? "")>")
                }
            }
        }
        let policies = parsed.tags.filter {
            $0.name == "meta"
                && $0.attributes.contains { $0.0 == "http-equiv" && $0.1?.lowercased() == "content-security-policy" }
        }
        let policy = try #require(policies.first?.attributes.first { $0.0 == "content" }?.1)
        #expect(
            policy.contains("default-src 'none'") && !policy.contains("script-src") && !policy.contains("unsafe-eval"))
        // The record's text is still there, inert.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;</a>"))
        #expect(!html.lowercased().contains("<script"))
    }

    /// The built-in page template puts the organisation, the indicators and the partners met
    /// for the first time into the page itself (not through the Markdown body): they are
    /// escaped for HTML there, so markup in a record or in almanac.yml stays text.
    @Test func markupInAPartnerNameOrTheOrganisationIsTextInTheBuiltInPage() throws {
        let refresh = #"<meta http-equiv="refresh" content="0;url=https://evil.example/">"#
        let folder = try project([
            "a.yml": "id: a\ntitle: Earlier\nstart: 2022-06-01\norganisations: [RCC]\n",
            "b.yml": "id: b\ntitle: Later\nstart: 2024-02-01\ncategory: meeting\norganisations: ['\(refresh)']\n",
        ])
        try folder.write(
            "almanac.yml",
            """
            name: Test
            organisation: "O'Brien <b>&</b> Partners"
            timezone: Europe/Sarajevo
            domain: test.example.org
            categories: [meeting, workshop]
            indicators:
              - name: "Meetings <i>x</i>"
                category: meeting
                target: 4
                per: year

            """)
        let result = try CLI.run(["report", "2024-02", "--out", "r"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try folder.read("r/report.html")
        #expect(html.contains("Partner organisations met for the first time: &lt;meta http-equiv=&quot;refresh&quot;"))
        #expect(html.contains("<p class=\"organisation\">O&#39;Brien &lt;b&gt;&amp;&lt;/b&gt; Partners</p>"))
        #expect(html.contains("Meetings &lt;i&gt;x&lt;/i&gt;"))
        guard let parsed = try htmlTags(folder.url.appendingPathComponent("r/report.html")) else { return }
        #expect(!parsed.tags.contains { ["b", "i"].contains($0.name) }, "markup from the data became tags")
        #expect(
            !parsed.tags.contains { $0.name == "meta" && $0.attributes.contains { $0.1?.contains("evil") == true } },
            "a partner's name became a <meta> refresh")
    }

    @Test func aCustomPageTemplateWithoutAPolicyGetsOne() throws {
        let folder = try project(["a.yml": "id: a\ntitle: A\nstart: 2024-02-01\n"])
        try folder.write(
            "page.html.mustache",
            "<!DOCTYPE html>\n<html><head><title>{{title}}</title></head><body>{{{body}}}</body></html>\n")
        let result = try CLI.run(
            ["report", "2024-02", "--html-template", "page.html.mustache", "--out", "r"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try folder.read("r/report.html").contains(
                "<head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"))
    }

    // MARK: Control characters

    @Test func terminalEscapesTypedOrEscapedInARecordAreErrorsAtTheirPlace() throws {
        let folder = try project([
            "raw.yml": "id: raw\ntitle: Red \u{1B}[31m alert\u{07}\nstart: 2024-02-01\n",
            "escaped.yml": "id: escaped\ntitle: \"Retitle \\e]0;owned\\a\"\nstart: 2024-02-01\n",
            "ok.yml": "id: ok\ntitle: \"Tab\\tand\\nline\"\nstart: 2024-02-01\n",
        ])
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "events/raw.yml:2:12: error: the control character ESC (U+001B) is not allowed in text"))
        #expect(
            result.stderr.contains(
                "events/raw.yml:2:23: error: the control character BEL (U+0007) is not allowed in text"))
        #expect(
            result.stderr.contains("events/escaped.yml:2:8: error: this value holds the control character ESC (U+001B)")
        )
        #expect(!result.stderr.contains("events/ok.yml"))
        #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        let feed = try CLI.run(["feed"], in: folder.url)
        #expect(feed.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("public/all.ics").path))
    }

    @Test func terminalEscapesInASpreadsheetOfRecordsAreErrorsAtTheirLineAndColumn() throws {
        let folder = try project(["log.csv": "title,start\nFine,2024-02-01\nBell\u{07},2024-02-02\n"])
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "events/log.csv:3:5: error: the control character BEL (U+0007) is not allowed in text"))
    }

    @Test func terminalEscapesInImportedNewsAreLeftOutWithAWarning() throws {
        let folder = try project()
        try folder.write(
            "news.txt",
            """
            Workshop on data in Skopje \u{1B}[2J

            The secretariat held a workshop in Skopje on 5 March 2024.\u{1B}]0;owned\u{07}\n
            """
        )
        let result = try CLI.run(["import", "news", "news.txt"], in: folder.url)
        #expect(
            result.stderr.contains(
                """
                news.txt:1:28: warning: 3 control characters (the \
                first ESC (U+001B)) were left out of the imported text
                """
            ))
        #expect(!(result.stdout + result.stderr).unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        let written = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("events/2024").path)
        #expect(!written.isEmpty)
        for name in written {
            #expect(
                !(try folder.read("events/2024/" + name)).unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        }
        #expect(try CLI.run(["check"], in: folder.url).status == 0)
    }

    @Test func terminalEscapesGivenToNewAreRefusedAndNothingIsWritten() throws {
        // `new` used to write such a record, which `check` then refused.
        let folder = try project()
        let result = try CLI.run(
            ["new", "Red \u{1B}[31m title", "--start", "2024-02-01", "--partner", "RCC\u{07}"], in: folder.url)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "error: the title: the value holds the control character ESC (U+001B), which is not allowed in text"),
            "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "error: --partner: the value holds the control character BEL (U+0007), which is not allowed in text"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("events").path))
        let fine = try CLI.run(
            ["new", "Tab\tand title", "--start", "2024-02-01", "--summary", "one\ntwo"], in: folder.url)
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test func terminalEscapesInAFileNameAreShownNotSent() throws {
        let folder = try project(["bad\u{1B}[31m.yml": "id: bad\ntitle: x\n"])
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("events/bad\u{241B}[31m.yml"))
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
    }

    // MARK: Ids that are paths

    @Test func pathLikeIdsFromImportCSVNeverBecomeFileNames() throws {
        let folder = try project()
        try folder.write(
            "log.csv",
            """
            id,title,start
            ..,Dots,2024-02-01
            .hidden,Hidden,2024-02-02
            ../escape,Escape,2024-02-03
            a/b,Slash,2024-02-04\n
            """
        )
        let result = try CLI.run(["import", "csv", "log.csv"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: row 2, column \"id\": the id '..' cannot name a record file"))
        let written = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("events/2024").path
        ).sorted()
        #expect(
            written == [
                "2024-02-01-dots.yml", "2024-02-02-hidden.yml", "2024-02-03-escape.yml", "2024-02-04-slash.yml",
            ])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("events").path) == [
                "2024"
            ])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
                "almanac.yml", "events", "log.csv",
            ])
    }

    @Test func pathLikeIdsThatDeriveTheSameIdFromImportCSVAreAllKept() throws {
        // Two rows whose unusable ids give way to the same derived id are told apart as rows
        // without an id are, rather than one of them refused for an id nobody wrote.
        let folder = try project()
        try folder.write("log.csv", "id,title,start\n..,Meeting,2024-02-01\n.hidden,Meeting,2024-02-01\n")
        let result = try CLI.run(["import", "csv", "log.csv"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("ids must be unique"), "\(result.stderr)")
        #expect(
            result.stderr.contains(
                """
                log.csv:3:1: warning: row 3, column \"id\": the id '.hidden' cannot name a record file \
                (letters, digits, '-', '_' and '.', starting with a letter or digit), so the record gets the \
                id '2024-02-01-meeting-row-3'
                """
            ), "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("events/2024").path
        ).sorted()
        #expect(written == ["2024-02-01-meeting-row-3.yml", "2024-02-01-meeting.yml"])
    }

    @Test func pathLikeUIDsFromImportICSNeverBecomeFileNames() throws {
        let folder = try project()
        let events = ["..", ".hidden", "a/b"].enumerated().map { index, id in
            """
            BEGIN:VEVENT\r\n\
            UID:\(id)@test.example.org\r\n\
            DTSTAMP:20240101T000000Z\r\n\
            DTSTART;VALUE=DATE:2024020\(index + 1)\r\n\
            SUMMARY:Event \(index + 1)\r\n\
            END:VEVENT\r\n
            """
        }.joined()
        try folder.write(
            "cal.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\n\(events)END:VCALENDAR\r\n")
        let result = try CLI.run(["import", "ics", "cal.ics"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("events/2024").path
        ).sorted()
        #expect(written == ["2024-02-01-event-1.yml", "2024-02-02-event-2.yml", "2024-02-03-event-3.yml"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("events").path) == [
                "2024"
            ])
    }

    @Test func hiddenAndDotDotIdsAreRejectedByCheck() throws {
        let folder = try project([
            "a.yml": "id: ..\ntitle: A\nstart: 2024-02-01\n", "b.yml": "id: .hidden\ntitle: B\nstart: 2024-02-01\n",
        ])
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.stderr.contains("events/a.yml:1:1: error: '..' is not a valid id"))
        #expect(result.stderr.contains("events/b.yml:1:1: error: '.hidden' is not a valid id"))
    }

    // MARK: Dates libical cannot hold

    @Test func yearsLibicalCannotHoldAreCheckErrorsNotFeedBugs() throws {
        let folder = try project([
            "late.yml": "id: late\ntitle: Late\nstart: 3001-01-01\n",
            "zero.yml":
                "id: zero\ntitle: Zero\nstart: 2024-01-01\nend: 2024-01-02\nrepeat: FREQ=DAILY\nexcept: [0000-01-01]\n",
            "last.yml": "id: last\ntitle: Last\nstart: 2999-12-30\nend: 3000-12-31\n",
        ])
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                """
                events/late.yml:3:1: error: the year 3001 of 'start' \
                is outside the years calendars can hold (1–2999)
                """)
        )
        #expect(result.stderr.contains("events/zero.yml:6:1: error: the year 0000 of 'except'"))
        #expect(result.stderr.contains("events/last.yml:4:1: error: the year 3000 of 'end'"))
        let feed = try CLI.run(["feed"], in: folder.url)
        #expect(!feed.stderr.contains("bug in Almanac") && !feed.stderr.contains("error: error:"))
        try folder.write("events/late.yml", "id: late\ntitle: Late\nstart: 2999-12-31\n")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("events/zero.yml"))
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("events/last.yml"))
        let published = try CLI.run(["feed"], in: folder.url)
        #expect(published.status == 0, "\(published.stderr)")
        #expect(
            try folder.read("public/all.ics").contains("DTSTART;VALUE=DATE:29991231\r\nDTEND;VALUE=DATE:30000101\r\n"))
    }

    @Test func aSeriesThatStartsAfterLibicalsLastRepeatingYearIsACheckErrorNotAnEmptyReport() throws {
        // libical expands no series past 2582: such a series used to pass check and then
        // count for nothing in every report and list.
        let folder = try project(["late.yml": "id: late\ntitle: Late\nstart: 2583-01-01\nrepeat: FREQ=YEARLY;COUNT=3\n"]
        )
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                """
                events/late.yml:4:1: error: a series that starts in 2583 cannot be counted: the calendar \
                library expands no series past 2582
                """
            ), "\(result.stderr)")
        // Up to 2582 a series is counted, and a single activity later still is.
        try folder.write("events/late.yml", "id: late\ntitle: Late\nstart: 2582-01-01\nrepeat: FREQ=YEARLY;COUNT=1\n")
        try folder.write("events/single.yml", "id: single\ntitle: Single\nstart: 2990-01-01\n")
        #expect(try CLI.run(["check"], in: folder.url).status == 0)
        #expect(try CLI.run(["list", "2582"], in: folder.url).stdout.contains("Late"))
    }

    // MARK: Floods and sizes

    @Test func aMillionColumnSheetGivesOneWarningNotAMillion() throws {
        let folder = try project()
        let columns = 200_000
        let header = "title,start," + (1...columns).map { "c\($0)" }.joined(separator: ",")
        let row = "A,2024-02-01," + String(repeating: "x,", count: columns - 1) + "x"
        try folder.write("wide.csv", header + "\n" + row + "\n")
        let result = try CLI.run(["import", "csv", "wide.csv", "--dry-run"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr.prefix(2000))")
        #expect(
            result.stderr.contains(
                """
                wide.csv:1:1: warning: 200000 columns are not used: 'c1', 'c2', \
                'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10' and 199990 more
                """
            ))
        #expect(result.stderr.utf8.count < 4_000)
    }

    @Test func thousandsOfBadRowsAreCountedNotAllPrinted() throws {
        let folder = try project()
        let rows = (1...5_000).map { "Row \($0),2024-02-31" }.joined(separator: "\n")
        try folder.write("bad.csv", "title,start\n" + rows + "\n")
        let result = try CLI.run(["import", "csv", "bad.csv", "--dry-run"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "is not a date").count - 1 == 11)
        #expect(
            result.stderr.contains(
                "4990 more like this, from here on: row 12, column \"start\": the start '2024-02-31' is not a date"))
    }

    @Test func anOversizedRecordFileIsRefusedByName() throws {
        let folder = try project()
        let padding = String(repeating: "# padding padding padding padding padding padding padding\n", count: 600_000)
        try folder.write("events/huge.yml", "id: huge\ntitle: Huge\nstart: 2024-02-01\n" + padding)
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("events/huge.yml:1:1: error: the file is larger than 32 MB"))
    }

    @Test func aProjectActivityLogLargerThanAnImportIsStillRead() throws {
        // A CSV log in events/ is the organisation's own record, not a file of unknown
        // origin: no size cap refuses it (the import limit stays for `almanac import`).
        let folder = try project()
        let notes = String(repeating: "Minutes of the meeting, long and detailed. ", count: 300_000)
        let rows = (1...3).map { "Meeting \($0),2024-02-0\($0),\"\(notes)\"" }.joined(separator: "\n")
        try folder.write("events/log.csv", "title,start,notes\n" + rows + "\n")
        let result = try CLI.run(["check"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 records read"), "\(result.stdout)")
        let imported = try CLI.run(["import", "csv", "events/log.csv", "--dry-run"], in: folder.url)
        #expect(imported.stderr.contains("error: the file is larger than 32 MB"), "\(imported.stderr)")
    }

    /// Nine lists of nine aliases, nested `depth` deep, under `key`: 9^depth values in a few
    /// hundred bytes.
    private static func aliasBomb(depth: Int, indent: String = "") -> String {
        let names = (0..<depth).map { "n\($0)" }
        var lines = [
            "\(indent)\(names[0]): &\(names[0]) [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]"
        ]
        for level in 1..<depth {
            lines.append(
                "\(indent)\(names[level]): &\(names[level]) ["
                    + Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func anAliasBombInARecordOrTheSettingsIsRefusedAtOnce() throws {
        // A 600-byte record of nested aliases kept `check` busy for hours: every step walked
        // the 387 million values it stands for.
        let folder = try project([
            "bomb.yml": Self.aliasBomb(depth: 9) + "id: bomb\ntitle: Bomb\nstart: 2024-02-01\ntags: *n8\n"
        ])
        let started = Date()
        let result = try CLI.run(["check"], in: folder.url)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                """
                events/bomb.yml:1:1: error: the file holds more than 1000000 values once its aliases (*name) \
                stand for what they name
                """
            ), "\(result.stderr)")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("events/bomb.yml"))
        let settings = try folder.read("almanac.yml")
        try folder.write("almanac.yml", settings + "x-bomb:\n" + Self.aliasBomb(depth: 9, indent: "  "))
        let config = try CLI.run(["check"], in: folder.url)
        #expect(config.status == 1)
        #expect(config.stderr.contains("almanac.yml:1:1: error: the file holds more than 1000000 values"))
        // An alias or two, as YAML allows, still read.
        try folder.write("almanac.yml", settings)
        try folder.write("events/a.yml", "id: a\ntitle: &t Workshop\nstart: 2024-02-01\nsummary: *t\n")
        #expect(try CLI.run(["check"], in: folder.url).status == 0)
    }

    @Test func deeplyNestedCalendarComponentsAreRefusedNotACrash() throws {
        // 20,000 VALARMs, each inside the one before (260 KB), overflowed the stack while the
        // tree was walked for libical's errors: signal 11.
        let folder = try project()
        let depth = 20_000
        try folder.write(
            "deep.ics",
            """
            BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\n\
            UID:1@x\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20240201\r\n\
            SUMMARY:Deep\r\n
            """
                + String(repeating: "BEGIN:VALARM\r\n", count: depth)
                + String(repeating: "END:VALARM\r\n", count: depth)
                + "END:VEVENT\r\nEND:VCALENDAR\r\n")
        let result = try CLI.run(["import", "ics", "deep.ics", "--dry-run"], in: folder.url)
        #expect(result.status == 1, "\(result.stderr.prefix(2000))")
        #expect(
            result.stderr.contains(
                """
                deep.ics:39:1: error: components are nested more than 32 deep here (BEGIN: inside BEGIN:), \
                which no calendar does
                """
            ), "\(result.stderr.prefix(2000))")
    }

    @Test func aNULByteIsReportedAtItsOwnLine() throws {
        let folder = try project(["nul.yml": "id: nul\ntitle: Nul\nstart: 2024-02-01\nsummary: a\u{0}b\n"])
        let result = try CLI.run(["check"], in: folder.url)
        #expect(
            result.stderr.contains(
                "events/nul.yml:4:11: error: the control character NUL (U+0000) is not allowed in text"))
        try folder.write("news.txt", "Title\n\nText on 5 March 2024.\nMore\u{0}\n")
        let imported = try CLI.run(["import", "news", "news.txt"], in: folder.url)
        #expect(imported.stderr.contains("news.txt:4:1: error: this is a binary file"))
    }

    // MARK: Special files

    @Test func outputThroughASymlinkWritesTheTargetAndKeepsTheLink() throws {
        let folder = try project(["a.yml": "id: a\ntitle: A\nstart: 2024-02-01\n"])
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("link.csv").path, withDestinationPath: "real.csv")
        let result = try CLI.run(["export", "csv", "--out", "link.csv"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(
                atPath: folder.url.appendingPathComponent("link.csv").path) == "real.csv")
        #expect(try folder.read("real.csv").hasPrefix("id,title,start"))
    }

    @Test func aPrivateFileThatIsReplacedStaysPrivate() throws {
        // The atomic replace used to leave every output 0644, readable by anyone on the
        // machine, whatever the file it replaced allowed.
        let folder = try project(["a.yml": "id: a\ntitle: A\nstart: 2024-02-01\n"])
        try folder.write("private.csv", "")
        try folder.write("real.csv", "")
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("link.csv").path, withDestinationPath: "real.csv")
        for name in ["private.csv", "real.csv"] {
            #expect(chmod(folder.url.appendingPathComponent(name).path, 0o600) == 0)
        }
        for out in ["private.csv", "link.csv"] {
            let result = try CLI.run(["export", "csv", "--out", out], in: folder.url)
            #expect(result.status == 0, "\(result.stderr)")
        }
        for name in ["private.csv", "real.csv"] {
            var status = stat()
            #expect(stat(folder.url.appendingPathComponent(name).path, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o600, "\(name): \(String(status.st_mode & 0o777, radix: 8))")
            #expect(try folder.read(name).hasPrefix("id,title,start"))
        }
    }

    @Test func outputToAFIFOOrADeviceIsRefusedAndLeftAlone() throws {
        let folder = try project(["a.yml": "id: a\ntitle: A\nstart: 2024-02-01\n"])
        let fifo = folder.url.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try CLI.run(["export", "csv", "--out", "pipe"], in: folder.url)
        #expect(result.status == 3)
        #expect(
            result.stderr.contains("error: pipe: cannot write this file: it is a FIFO (named pipe), not a regular file")
        )
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        let device = try CLI.run(["export", "csv", "--out", "/dev/null"], in: folder.url)
        #expect(device.status == 3)
        #expect(device.stderr.contains("error: /dev/null: cannot write this file: it is a device, not a regular file"))
        #expect(lstat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }
}
