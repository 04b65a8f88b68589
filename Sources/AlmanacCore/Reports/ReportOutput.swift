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
        /// Links shown above the HTML report (the site's links back and to the CSV files);
        /// none for `almanac report`.
        public var links: [PageLink] = []

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
        let page = HTMLPage(title: context.title, organisation: context.organisation, period: context.period, links: options.links, body: MarkdownParser().html(from: markdown))
        let html = try pageTemplate.render(page)
        let csv = { (table: CSVTable) in table.text(delimiter: options.delimiter, byteOrderMark: options.excel) }
        files = [
            ("report.md", markdown),
            ("report.html", html),
            ("activities.csv", csv(ReportTables.activities(set))),
            ("summary.csv", csv(ReportTables.summary(context.figures))),
            (ReportBuilder.chartFileName, builder.chartData(set).svg()),
        ]
    }

    /// Writes every file into `directory`, each atomically; returns their paths.
    public func write(to directory: String) throws -> [String] {
        try files.map { file in
            let path = directory + "/" + file.name
            try AtomicFile.write(file.content, to: path)
            return path
        }
    }
}

/// What the HTML page template sees: the report's title, organisation and period, the
/// links to show above the report, and the report itself rendered to HTML as `body`.
struct HTMLPage {
    var title: String
    var organisation: String
    var period: PeriodSummary
    var links: [PageLink]
    var body: String
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
