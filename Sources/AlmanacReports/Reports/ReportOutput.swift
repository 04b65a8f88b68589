import AlmanacModel
import Foundation
internal import Ink

/// A file of a report, in the order they are written.
public enum ReportFile: CaseIterable, Sendable {
    /// `report.md` and `report.html`, for the board.
    case markdown, page
    /// `checklist.md`, for staff.
    case checklist
    /// `activities.csv` and `summary.csv`.
    case activities, summary
    /// `activities-by-month.svg`, the chart report.md shows.
    case chart

    public var name: String {
        switch self {
        case .markdown: "report.md"
        case .page: "report.html"
        case .checklist: "checklist.md"
        case .activities: "activities.csv"
        case .summary: "summary.csv"
        case .chart: "activities-by-month.svg"
        }
    }
}

/// The files of one report, rendered in memory: `report.md` and `report.html` for the board,
/// `checklist.md` for staff, `activities.csv`, `summary.csv` and the chart.
public struct ReportOutput: Sendable {
    /// File name and content, in the order they are written.
    public let files: [(name: String, content: String)]
    public let context: ReportContext
    /// The period's headline figures: `figures[.activities]`.
    public let figures: Figures

    /// Which templates to use and how to write the CSV files.
    public struct Options: Sendable {
        /// The Markdown template; nil for the one that ships with Almanac.
        public var template: String?
        /// The HTML page template; nil for the one that ships with Almanac.
        public var htmlTemplate: String?
        /// The staff checklist template; nil for the one that ships with Almanac.
        public var checklistTemplate: String?
        public var excel: Bool
        public var delimiter: Character
        /// Links shown above the HTML report (the site's links back and to the CSV files);
        /// none for `almanac report`.
        public var links: [PageLink] = []

        public init(settings: ReportSettings) {
            template = settings.template
            htmlTemplate = settings.htmlTemplate
            checklistTemplate = settings.checklistTemplate
            excel = settings.excel
            delimiter = settings.delimiter
        }
    }

    /// Renders the report of `builder`'s period; a broken template throws with its file and line.
    public init(builder: ReportBuilder, options: Options) throws(TemplateError) {
        let set = builder.activitySet(builder.period)
        let figures = Figures(set)
        self.figures = figures
        // The templates are read and parsed on one core while the context is built on the other.
        let (built, templates) = try concurrently(
            { () throws(TemplateError) in builder.context(set, figures: figures) },
            { () throws(TemplateError) in
                (
                    try TemplateLibrary.load(options.template, orBundled: "report.md.mustache"),
                    try TemplateLibrary.load(options.htmlTemplate, orBundled: "report.html.mustache"),
                    try TemplateLibrary.load(options.checklistTemplate, orBundled: "checklist.md.mustache")
                )
            })
        var context = built
        let (markdownTemplate, pageTemplate, checklistTemplate) = templates
        // A footnote is printed when the report mentions what it is about: render without
        // footnotes, keep those the text calls for, render again. The page's text without
        // footnotes is rendered meanwhile, on the other core: it is the page's when none is kept.
        context.footnotes = []
        var inPage = context
        inPage.inPage = true
        let (plain, inPageWithout) = try concurrently(
            { () throws(TemplateError) in try markdownTemplate.render(context) },
            { () throws(TemplateError) in try markdownTemplate.render(inPage) })
        context.footnotes = builder.config.footnotes.filter { $0.applies(to: plain) }.map(\.text)
        inPage.footnotes = context.footnotes
        let chart = builder.chartData(set)
        // The page's body (the report as HTML, by Ink: the longest part) is made on one core
        // while the other files are made on the other.
        let (others, body) = try concurrently(
            { () throws(TemplateError) in
                let markdown = try context.footnotes.isEmpty ? plain : markdownTemplate.render(context)
                let csv = { (table: CSVTable) in table.text(delimiter: options.delimiter, byteOrderMark: options.excel)
                }
                return (
                    markdown: markdown, checklist: try checklistTemplate.render(context),
                    activities: csv(ReportTables.activities(set)),
                    summary: csv(ReportTables.summary(context.figures, hasRecords: context.hasRecords)),
                    chart: context.hasRecords ? chart.svg() : nil, chartSVG: chart.svg(inline: true),
                    trendSVG: TrendChart(rows: context.trend).svg(),
                    mapSVG: ActivityMap(
                        title: "Places of the activities, \(context.period.name)", places: context.places
                    )
                    .svg()
                )
            },
            { () throws(TemplateError) in
                // Ink leaves attribute values unescaped: its HTML is rewritten with only
                // known tags and escaped attributes before it reaches the page.
                let text = try inPage.footnotes.isEmpty ? inPageWithout : markdownTemplate.render(inPage)
                return HTMLPage.sections(HTMLText.sanitized(MarkdownHTML.html(from: text)))
            })
        let page = HTMLPage(
            report: context,
            title: context.title,
            organisation: context.organisation,
            period: context.period,
            links: options.links,
            body: body,
            chartSVG: others.chartSVG,
            trendSVG: others.trendSVG,
            mapSVG: others.mapSVG,
            pageHeader: HTMLPage.cssString("\(context.organisation) · Activity report \(context.period.name)"),
            pageFooter: HTMLPage.cssString(context.period.dates)
        )
        let html = HTMLText.withContentSecurityPolicy(try pageTemplate.render(page))
        files = ReportFile.allCases.compactMap { file in
            switch file {
            case .markdown: (file.name, others.markdown)
            case .page: (file.name, html)
            case .checklist: (file.name, others.checklist)
            case .activities: (file.name, others.activities)
            case .summary: (file.name, others.summary)
            // A period without records has no chart to show.
            case .chart: others.chart.map { (file.name, $0) }
            }
        }
        self.context = context
    }

    /// Writes every file into `directory`, each atomically (after removing what a killed
    /// run left, and a report file of an earlier run that this report does not have, such
    /// as the chart of a period that had records then); returns their paths.
    public func write(to directory: String) throws -> [String] {
        AtomicFile.removeStaleTemporaries(in: directory)
        for file in ReportFile.allCases where !files.contains(where: { $0.name == file.name }) {
            try? FileManager.default.removeItem(atPath: directory + "/" + file.name)
        }
        return try files.map { file in
            let path = directory + "/" + file.name
            try AtomicFile.write(file.content, to: path)
            return path
        }
    }
}

/// What the HTML page template sees: `title`, `organisation` and `period`; `report`, the
/// context of the Markdown template (every variable of it, inside `{{#report}}…{{/report}}`);
/// `body`, the Markdown report rendered without the parts the page shows itself, as HTML in
/// one `<section>` per `##` heading; the charts and map as inline SVG; the running header and
/// footer as CSS strings; and `links`, the links to show above the report.
struct HTMLPage {
    var report: ReportContext
    /// The report's title, organisation and period, as page templates before the board
    /// pack had them at the top level.
    var title: String
    var organisation: String
    var period: PeriodSummary
    var links: [PageLink]
    var body: String
    var chartSVG: String
    var trendSVG: String
    /// nil when no activity of the period has a known city.
    var mapSVG: String?
    var pageHeader: String
    var pageFooter: String
    /// The `<meta>` of the page's Content-Security-Policy (added to pages without it).
    var contentSecurityPolicyMeta = HTMLText.contentSecurityPolicyMeta

    /// Wraps each `<h2>` and what follows it up to the next in `<section class="section-…">`,
    /// named after the heading ("section-activities", "section-look-ahead-q1-2024"), so the
    /// page's stylesheet can lay sections out.
    static func sections(_ html: String) -> String {
        let bytes = Array(html.utf8)
        // Where each `<h2>` starts and where the first `</h2>` after it starts, by bytes; a
        // tag beside a non-ASCII character (which may join it into other characters) leaves
        // the splitting to Foundation.
        guard let tags = headingTags(bytes) else { return sectionsByCharacters(html) }
        guard let first = tags.first else { return html }
        var result = String(decoding: bytes[..<first.open], as: UTF8.self)
        for (position, tag) in tags.enumerated() {
            let end = position + 1 < tags.count ? tags[position + 1].open : bytes.count
            let part = bytes[tag.open + 4..<end]
            let heading = String(decoding: bytes[tag.open + 4..<(tag.close ?? end)], as: UTF8.self)
            result +=
                "<section class=\"section-\(slug(heading))\">\n<h2>" + String(decoding: part, as: UTF8.self)
                + "</section>\n"
        }
        return result
    }

    /// For each `<h2>` in `bytes`, where it starts and where the first `</h2>` before the next
    /// `<h2>` starts; nil when a tag stands beside a non-ASCII byte.
    private static func headingTags(_ bytes: [UInt8]) -> [(open: Int, close: Int?)]? {
        var tags: [(open: Int, close: Int?)] = []
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let isOpen = bytes[index..<min(count, index + 4)].elementsEqual("<h2>".utf8)
            let isClose = !isOpen && bytes[index..<min(count, index + 5)].elementsEqual("</h2>".utf8)
            guard isOpen || isClose else {
                index += 1
                continue
            }
            let end = index + (isOpen ? 4 : 5)
            if (index > 0 && bytes[index - 1] >= 0x80) || (end < count && bytes[end] >= 0x80) { return nil }
            if isOpen {
                tags.append((index, nil))
            } else if let last = tags.last, last.close == nil {
                tags[tags.count - 1].close = index
            }
            index = end
        }
        return tags
    }

    /// ``sections(_:)``, the text split by Foundation.
    static func sectionsByCharacters(_ html: String) -> String {
        let parts = html.components(separatedBy: "<h2>")
        guard parts.count > 1 else { return html }
        var result = parts[0]
        for part in parts.dropFirst() {
            let heading = part.components(separatedBy: "</h2>").first ?? ""
            result += "<section class=\"section-\(slug(heading))\">\n<h2>" + part + "</section>\n"
        }
        return result
    }

    /// "look-ahead-q1-2024" for the heading "Look-ahead: Q1 2024".
    private static func slug(_ heading: String) -> String {
        var slug = ""
        var dash = false
        for character in heading.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if dash && !slug.isEmpty { slug += "-" }
                slug.append(character)
                dash = false
            } else {
                dash = true
            }
        }
        return slug
    }

    /// `text` as a quoted CSS string, safe inside a `<style>` element.
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "\"": result += "\\" + String(scalar)
            case "<", ">", "&", "\n", "\r": result += "\\" + String(scalar.value, radix: 16) + " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// A link of the HTML report's page: what it says and where it goes (a relative address).
public struct PageLink: Sendable, Equatable {
    public var name: String
    public var href: String

    public init(name: String, href: String) {
        self.name = name
        self.href = href
    }
}
