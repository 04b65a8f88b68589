import AlmanacModel
import AlmanacReports

/// The site's own pages: the index, the agenda, a 404 page, and their stylesheet and
/// script. Every value that comes from records or settings goes through ``HTMLText``.
///
/// The pages work without JavaScript: the only script turns the read-only address fields'
/// copy buttons on (without it the field is there to select and copy by hand).
public enum SitePages {
    /// The policy of the site's own pages: nothing but its own stylesheet, script and images.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
    /// The policy of the report pages, whose styles are inline in the report's page template.
    public static let reportContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    public static let indexFile = "index.html"
    public static let agendaFile = "agenda.html"
    public static let notFoundFile = "404.html"

    /// Every page and asset of `model`, with its file name.
    static func files(_ model: SiteModel) -> [(name: String, content: String)] {
        [
            (indexFile, index(model)),
            (agendaFile, agenda(model)),
            (notFoundFile, notFound(model.config)),
            ("site.css", stylesheet),
            ("site.js", script),
        ]
    }

    // MARK: Pages

    /// The index: the calendar, a card per feed with its subscribe links, instructions,
    /// upcoming and recent activities, the reports. `problems` (the errors of records that
    /// could not be published) are shown at the top when there are any.
    public static func index(_ model: SiteModel, problems: [String] = []) -> String {
        let config = model.config
        var body = "<header>\n<h1>\(e(config.name))</h1>\n"
        if let description = config.description { body += "<p class=\"lead\">\(e(description))</p>\n" }
        if let organisation = config.organisation { body += "<p class=\"muted\">\(e(organisation))</p>\n" }
        body += "</header>\n<main>\n"
        if !problems.isEmpty { body += problemNotice(problems) }
        body += "<section aria-labelledby=\"subscribe\">\n<h2 id=\"subscribe\">Subscribe</h2>\n"
        body += """
            <p>Subscribe once and your calendar app keeps itself up to date: new \
            activities, changes and cancellations appear at its next refresh.</p>\n
            """
        body += model.feeds.map(feedCard).joined()
        body += instructions(example: model.feeds.first?.links.address ?? "")
        body += "</section>\n"
        body += activitySection(
            id: "upcoming", title: "Upcoming activities", note: "The next \(SiteBuilder.indexWindowDays) days.",
            empty: "Nothing is scheduled in the next \(SiteBuilder.indexWindowDays) days.", model.upcoming,
            config: config)
        body += activitySection(
            id: "recent", title: "Recent activities",
            note: "The last \(SiteBuilder.indexWindowDays) days, latest first.",
            empty: "No activity in the last \(SiteBuilder.indexWindowDays) days.", model.recent, config: config)
        body += "<p><a href=\"\(agendaFile)\">The full agenda</a>, with a calendar file for each activity.</p>\n"
        body += reportSection(model.reports)
        body += "</main>\n"
        return page(title: config.name, body: body + footer(config))
    }

    /// Every public activity from a year ago to a year ahead (or, when there is none, of the
    /// year up to the latest), by month.
    static func agenda(_ model: SiteModel) -> String {
        let config = model.config
        var body = "<header>\n<p><a href=\"\(indexFile)\">← \(e(config.name))</a></p>\n<h1>Agenda</h1>\n"
        let window = HumanDates.span(model.agendaSpan.first, model.agendaSpan.last)
        let shown =
            model.agendaShowsLatestYear
            ? """
            Nothing public is dated from a year ago to a year ahead: these are the latest public \
            activities, \(window).
            """
            : "Public activities, \(window)."
        body += """
            <p class="lead">\(shown) “Add to my calendar” downloads one activity; \
            to follow them all, <a href="\(indexFile)#subscribe">subscribe</a>.</p>
            </header>
            <main>\n
            """
        if model.agenda.isEmpty { body += "<p>No public activity in this time.</p>\n" }
        var month = ""
        for activity in model.agenda {
            let name = HumanDates.monthAndYear(activity.occurrence.firstDay)
            if name != month {
                if !month.isEmpty { body += "</ul>\n</section>\n" }
                month = name
                body += "<section>\n<h2>\(e(name))</h2>\n<ul class=\"activities\">\n"
            }
            body += item(activity, config: config)
        }
        if !month.isEmpty { body += "</ul>\n</section>\n" }
        body += "</main>\n"
        return page(title: "Agenda — \(config.name)", body: body + footer(config))
    }

    /// The page for an address that is not part of the site; self-contained, as it is
    /// served at any depth.
    public static func notFound(_ config: ProjectConfig) -> String {
        plainPage(
            title: "Not found",
            message: """
                There is no page at this address. The calendars and reports \
                of \(e(config.name)) are listed on the site's front page.
                """
        )
    }

    /// A minimal self-contained page (no stylesheet), for errors.
    public static func plainPage(title: String, message: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <title>\(e(title))</title>
        </head>
        <body>
        <main>
        <h1>\(e(title))</h1>
        <p>\(message)</p>
        </main>
        </body>
        </html>

        """
    }

    // MARK: Parts

    private static func e(_ text: String) -> String { HTMLText.escapeAttribute(text) }

    /// A record's web address as an `href`: http(s) only (`check` allows no other), escaped.
    private static func webLink(_ address: String) -> String? {
        let lower = address.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), HTMLText.isSafeLink(address) else {
            return nil
        }
        return e(address)
    }

    private static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <meta name="referrer" content="no-referrer">
        <title>\(e(title))</title>
        <link rel="stylesheet" href="site.css">
        <script src="site.js" defer></script>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    private static func footer(_ config: ProjectConfig) -> String {
        """
        <footer>
        <p class="muted">\(e(config.organisation ?? config.name)) · published with Almanac</p>
        </footer>\n
        """
    }

    private static func problemNotice(_ problems: [String]) -> String {
        var html = """
            <section class="problem" role="alert" aria-labelledby="problem">
            <h2 id="problem">The latest changes could not be published</h2>\n
            """
        html += """
            <p>Some records have errors, so the calendars below still hold the \
            last good version. The keepers of this calendar see this too:</p>
            <ul>\n
            """
        html += problems.map { "<li><pre>\(e($0))</pre></li>\n" }.joined()
        return html + "</ul>\n</section>\n"
    }

    private static func feedCard(_ feed: SiteFeed) -> String {
        let links = feed.links
        let field = "address-" + feed.name
        var html = """
            <article class="feed" aria-labelledby="feed-\(e(feed.name))">
            <h3 id="feed-\(e(feed.name))">\(e(feed.title))</h3>\n
            """
        if let description = feed.description { html += "<p>\(e(description))</p>\n" }
        html +=
            "<p class=\"muted\">\(feed.events == 1 ? "1 event" : "\(feed.events) events") in the calendar now.</p>\n"
        html += "<ul class=\"subscribe\">\n"
        html += "<li><a class=\"button\" href=\"\(e(links.webcal))\">Apple Calendar, Outlook or Thunderbird</a></li>\n"
        html += "<li><a class=\"button\" href=\"\(e(links.google))\" rel=\"noopener\">Google Calendar</a></li>\n"
        html += """
            <li><a class="button" href="\(e(links.microsoft365))" rel="noopener">Outlook / Microsoft 365</a></li>\n
            """
        html += "<li><a class=\"button\" href=\"\(e(links.outlookCom))\" rel=\"noopener\">Outlook.com</a></li>\n"
        html += "</ul>\n"
        html += "<p class=\"address\"><label for=\"\(e(field))\">Address to paste into any calendar app</label>\n"
        html += """
            <span class="copy"><input id="\(e(field))" type="url" \
            value="\(e(links.address))" readonly spellcheck="false">
            """
        html += """
            <button type="button" data-copy="\(e(field))" hidden>Copy</button><span \
            class="copied" aria-live="polite"></span></span></p>\n
            """
        html += """
            <p><a href="\(e(feed.fileName))" type="text/calendar">Download \
            \(e(feed.fileName))</a> (a copy that does not update)</p>\n
            """
        return html + "</article>\n"
    }

    private static func instructions(example: String) -> String {
        """
        <details class="howto">
        <summary>Adding the address by hand</summary>
        <p>Copy the address above (it looks like <code>\(e(example))</code>), then:</p>
        <dl>
        <dt>Apple Calendar (Mac)</dt>
        <dd>File › New Calendar Subscription…, paste the address, choose how often to refresh.</dd>
        <dt>iPhone and iPad</dt>
        <dd>Settings › Calendar › Accounts › Add Account › Other › \
        Add Subscribed Calendar, paste the address.</dd>
        <dt>Google Calendar</dt>
        <dd>On a computer, at calendar.google.com: Other calendars \
        › + › From URL, paste the address, Add calendar.</dd>
        <dt>Android (through Google Calendar)</dt>
        <dd>The Android app cannot add an address: add it once in Google Calendar on a computer (above), \
        then on the phone open Google Calendar › Settings, pick the new calendar and turn Sync on.</dd>
        <dt>Outlook (Windows, Mac, web)</dt>
        <dd>Add calendar › Subscribe from web (in older versions: \
        Add Calendar › From Internet), paste the address.</dd>
        <dt>Thunderbird</dt>
        <dd>Calendar › New Calendar… › On the Network, paste the \
        address as its location, Find Calendars, Subscribe.</dd>
        </dl>
        <p>Calendar apps refresh subscriptions on their own schedule: Google every 8 to 24 hours, others as you set.</p>
        </details>

        """
    }

    private static func activitySection(
        id: String, title: String, note: String, empty: String, _ activities: [SiteActivity], config: ProjectConfig
    ) -> String {
        var html =
            "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(title)</h2>\n<p class=\"muted\">\(note)</p>\n"
        if activities.isEmpty { return html + "<p>\(empty)</p>\n</section>\n" }
        html += "<ul class=\"activities\">\n" + activities.map { item($0, config: config) }.joined() + "</ul>\n"
        return html + "</section>\n"
    }

    /// One activity: dates, times, title, place and category, its status when not
    /// confirmed, and its "add to my calendar" and web links.
    static func item(_ activity: SiteActivity, config: ProjectConfig) -> String {
        let occurrence = activity.occurrence
        let record = occurrence.record
        var html = """
            <li>
            <p class="when"><time \
            datetime="\(occurrence.firstDay)">\(HumanDates.span(occurrence.firstDay, occurrence.lastDay))</time>
            """
        if let times = HumanDates.times(occurrence.timing) { html += " <span class=\"muted\">\(times)</span>" }
        html += "</p>\n<p class=\"what\"><strong>\(e(record.title))</strong>"
        switch record.status {
        case .tentative: html += " <span class=\"tag\">tentative</span>"
        case .cancelled: html += " <span class=\"tag cancelled\">cancelled</span>"
        default: break
        }
        html += "</p>\n"
        let details = [
            record.place.flatMap { $0.cityAndCountry ?? $0.line }, record.category.map(config.label(ofCategory:)),
        ].compactMap { $0 }
        if !details.isEmpty { html += "<p class=\"muted\">\(details.map(e).joined(separator: " · "))</p>\n" }
        var actions: [String] = []
        if let file = activity.calendarFile {
            actions.append(
                """
                <a href="\(e(file))" type="text/calendar" aria-label="Add \
                “\(e(record.title))” to my calendar">Add to my calendar</a>
                """
            )
        }
        if let url = record.url.flatMap(webLink) {
            actions.append(
                "<a href=\"\(url)\" rel=\"noopener\" aria-label=\"More about “\(e(record.title))”\">More</a>")
        }
        if !actions.isEmpty { html += "<p class=\"actions\">\(actions.joined(separator: " · "))</p>\n" }
        return html + "</li>\n"
    }

    private static func reportSection(_ reports: [SiteReport]) -> String {
        var html = "<section aria-labelledby=\"reports\">\n<h2 id=\"reports\">Reports</h2>\n"
        guard !reports.isEmpty else {
            return html + "<p>No reports yet: there is no public activity.</p>\n</section>\n"
        }
        html += "<p class=\"muted\">Activity reports of public activities, each with its figures as CSV files.</p>\n"
        let groups: [(String, (ReportPeriod.Kind) -> Bool)] = [
            ("Quarters", { if case .quarter = $0 { true } else { false } }),
            ("Years", { if case .year = $0 { true } else { false } }),
            ("Fiscal years", { if case .fiscalYear = $0 { true } else { false } }),
        ]
        for (name, matches) in groups {
            let members = reports.filter { matches($0.period.kind) }
            guard !members.isEmpty else { continue }
            html += "<h3>\(name)</h3>\n<ul class=\"reports\">\n"
            for report in members {
                let count = report.activities == 1 ? "1 activity" : "\(report.activities) activities"
                html += """
                    <li><a href="\(e(report.page))">\(e(report.period.label))</a> <span \
                    class="muted">\(HumanDates.span(report.period.start, report.period.end)) \
                    · \(count)</span></li>\n
                    """
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    // MARK: Assets

    /// Light and dark colours with at least 4.5:1 contrast for text (WCAG AA), a layout that
    /// fits a phone, and a print layout without buttons or fields. A long rule goes on over the
    /// next lines with `\`; those lines are not indented, since the indentation would be part of
    /// the stylesheet.
    static let stylesheet = """
        :root { color-scheme: light dark; --text: #1f2328; --muted: #59636e; \
        --line: #d1d9e0; --card: #f6f8fa; --link: #0969da; --background: #ffffff; \
        --accent: #0969da; --on-accent: #ffffff; --warn: #fff8c5; --warn-line: #9a6700; }
        @media (prefers-color-scheme: dark) {
          :root { --text: #e6edf3; --muted: #9198a1; --line: #3d444d; --card: #151b23; --link: #4493f8; \
        --background: #0d1117; --accent: #1f6feb; --on-accent: #ffffff; --warn: #272115; --warn-line: #d29922; }
        }
        * { box-sizing: border-box; }
        body { font: 16px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; \
        color: var(--text); background: var(--background); max-width: 48rem; margin: 0 auto; \
        padding: 1rem 1.25rem 3rem; }
        h1 { font-size: 1.8rem; line-height: 1.25; margin: 1rem 0 .5rem; }
        h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        h3 { font-size: 1.1rem; margin: .2rem 0 .4rem; }
        a { color: var(--link); }
        p { margin: .4rem 0; }
        .lead { font-size: 1.1rem; }
        .muted { color: var(--muted); }
        .feed { border: 1px solid var(--line); background: var(--card); \
        border-radius: 8px; padding: 1rem; margin: 1rem 0; }
        .subscribe { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; margin: .8rem 0; }
        .button { display: inline-block; padding: .45rem .8rem; border-radius: 6px; \
        background: var(--accent); color: var(--on-accent); text-decoration: none; font-weight: 600; }
        .button:hover, .button:focus { text-decoration: underline; }
        .address label { display: block; font-weight: 600; }
        .copy { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
        .copy input { flex: 1 1 16rem; min-width: 0; \
        font: .95rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: .4rem .5rem; \
        border: 1px solid var(--muted); border-radius: 6px; color: var(--text); background: var(--background); }
        .copy button { font: inherit; padding: .4rem .8rem; border-radius: 6px; \
        border: 1px solid var(--muted); background: var(--background); color: var(--text); cursor: pointer; }
        a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible { \
        outline: 3px solid var(--link); outline-offset: 2px; }
        .howto dt { font-weight: 600; margin-top: .6rem; }
        .howto dd { margin: 0 0 0 1rem; }
        .activities { list-style: none; padding: 0; }
        .activities li { border-top: 1px solid var(--line); padding: .6rem 0; }
        .when { font-weight: 600; }
        .tag { font-size: .85rem; border: 1px solid var(--muted); \
        border-radius: 4px; padding: 0 .3rem; font-weight: normal; }
        .cancelled { text-decoration: line-through; }
        .problem { border: 2px solid var(--warn-line); background: var(--warn); \
        border-radius: 8px; padding: .5rem 1rem; margin-top: 1rem; }
        .problem h2 { border: 0; margin-top: .5rem; }
        .problem pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
        footer { margin-top: 3rem; border-top: 1px solid var(--line); }
        @media (max-width: 30rem) {
          body { padding: .5rem .8rem 2rem; }
          h1 { font-size: 1.5rem; }
          .subscribe li, .subscribe .button { width: 100%; text-align: center; }
        }
        @media print {
          :root { --text: #000000; --muted: #333333; --line: #888888; \
        --card: #ffffff; --link: #000000; --background: #ffffff; }
          body { max-width: none; padding: 0; font-size: 11pt; }
          .subscribe, .copy button, .copied, .actions, details.howto { display: none; }
          .copy input { border: 0; padding: 0; }
          .feed, .activities li { break-inside: avoid; }
          a { text-decoration: none; }
        }

        """

    /// Turns on the copy buttons (hidden without JavaScript, where the field is selected by
    /// hand) and selects a field's text when it gets focus.
    static let script = """
        "use strict";
        document.querySelectorAll("button[data-copy]").forEach(function (button) {
          var field = document.getElementById(button.getAttribute("data-copy"));
          var status = button.nextElementSibling;
          if (!field) { return; }
          button.hidden = false;
          field.addEventListener("focus", function () { field.select(); });
          button.addEventListener("click", function () {
            field.select();
            var done = function () { if (status) { status.textContent = "Copied"; } };
            var fallback = function () { if (document.execCommand("copy")) { done(); } };
            if (navigator.clipboard && window.isSecureContext) {
              navigator.clipboard.writeText(field.value).then(done, fallback);
            } else {
              fallback();
            }
          });
        });

        """
}
