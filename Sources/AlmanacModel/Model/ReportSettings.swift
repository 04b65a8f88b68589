/// How reports and CSV files are written: almanac.yml's `report:` map.
public struct ReportSettings: Sendable, Hashable {
    /// The Markdown template, absolute; nil for the one that ships with Almanac.
    public var template: String?
    /// The HTML page the rendered Markdown is put in, absolute; nil for the shipped one.
    public var htmlTemplate: String?
    /// The staff checklist (`checklist.md`), absolute; nil for the shipped one.
    public var checklistTemplate: String?
    /// Start CSV files with a UTF-8 byte order mark, which Excel needs to read UTF-8.
    public var excel: Bool = false
    /// The CSV field separator: `,` (default) or `;` for locales whose Excel expects it.
    public var delimiter: Character = ","

    public init() {}
}

/// A target the board follows, such as "workshops per year: 8".
public struct Indicator: Sendable, Hashable {
    /// The stretch of time a target is for.
    public enum Span: String, CaseIterable, Sendable {
        case year, quarter, month
    }

    public var name: String
    /// Which activities count towards it; an empty filter counts every activity.
    public var filter: FeedFilter
    /// How many activities are aimed for in each span.
    public var target: Int
    public var per: Span

    public init(name: String, filter: FeedFilter = FeedFilter(), target: Int, per: Span = .year) {
        self.name = name
        self.filter = filter
        self.target = target
        self.per = per
    }
}

extension ProjectConfig {
    /// The footnote that documents mentioning Kosovo must carry, shipped as the default.
    public static let kosovoFootnoteText = """
        *This designation is without prejudice to positions on status, and is in line with \
        UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence.
        """
    /// The default footnote: shown when the report mentions Kosovo.
    public static let kosovoFootnote = Footnote(text: kosovoFootnoteText, when: ["Kosovo"])
}
