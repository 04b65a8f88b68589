import Foundation
import Ink

/// The files of one report, rendered in memory: `report.md`, `report.html`,
/// `activities.csv`, `summary.csv` and the chart.
public struct ReportOutput: Sendable {
    /// File name and content, in the order they are written.
    public let files: [(name: String, content: String)]
    public let context: ReportContext

    /// Which templates to use and how to write the CSV files.
    public struct Options: Sendable {
        /// The Markdown template; nil for the one that ships with Almanac.
        public var template: String?
        /// The HTML page template; nil for the one that ships with Almanac.
        public var htmlTemplate: String?
        public var excel: Bool
        public var delimiter: Character

        public init(settings: ReportSettings) {
            template = settings.template
            htmlTemplate = settings.htmlTemplate
            excel = settings.excel
            delimiter = settings.delimiter
        }
    }

    /// Renders the report of `builder`'s period; a broken template throws with its file and line.
    public init(builder: ReportBuilder, options: Options) throws(TemplateError) {
        let set = builder.activitySet(builder.period)
        context = builder.context(set)
        let markdownTemplate = try TemplateLibrary.load(options.template, orBundled: "report.md.mustache")
        let pageTemplate = try TemplateLibrary.load(options.htmlTemplate, orBundled: "report.html.mustache")
        let markdown = try markdownTemplate.render(context)
        // Ink leaves attribute values unescaped: its HTML is rewritten with only known tags
        // and escaped attributes before it reaches the page, and the page gets its policy.
        let body = HTMLText.sanitized(MarkdownParser().html(from: markdown))
        let page = HTMLPage(title: context.title, organisation: context.organisation, period: context.period, body: body)
        let html = HTMLText.withContentSecurityPolicy(try pageTemplate.render(page))
        let csv = { (table: CSVTable) in table.text(delimiter: options.delimiter, byteOrderMark: options.excel) }
        files = [
            ("report.md", markdown),
            ("report.html", html),
            ("activities.csv", csv(ReportTables.activities(set))),
            ("summary.csv", csv(ReportTables.summary(context.figures))),
            (ReportBuilder.chartFileName, builder.chartData(set).svg()),
        ]
    }

    /// Writes every file into `directory`, each atomically (after removing what a killed
    /// run left); returns their paths.
    public func write(to directory: String) throws -> [String] {
        AtomicFile.removeStaleTemporaries(in: directory)
        return try files.map { file in
            let path = directory + "/" + file.name
            try AtomicFile.write(file.content, to: path)
            return path
        }
    }
}

/// What the HTML page template sees: the report's title, organisation and period, the
/// report itself rendered to HTML as `body`, and the `<meta>` of the page's
/// Content-Security-Policy as `contentSecurityPolicyMeta` (added to pages without it).
struct HTMLPage {
    var title: String
    var organisation: String
    var period: PeriodSummary
    var body: String
    var contentSecurityPolicyMeta = HTMLText.contentSecurityPolicyMeta
}
