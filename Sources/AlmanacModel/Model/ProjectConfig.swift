/// The settings in a project's `almanac.yml`.
public struct ProjectConfig: Sendable {
    public var name: String
    public var description: String?
    public var organisation: String?
    /// Default IANA zone of timed activities.
    public var timezone: String
    /// UIDs are `<record id>@<domain>`.
    public var domain: String
    public var baseURL: String?
    /// Seconds between refetches that clients are asked for.
    public var refreshInterval: Int
    public var cancelledGraceDays: Int
    public var categories: [String]
    /// How reports name categories (`category-labels:`): `board-meeting: Board meeting`.
    public var categoryLabels: [String: String]
    public var feeds: [FeedDefinition]
    /// Organisations the importers recognise besides the shipped ones (`organisations:`).
    public var organisations: [KnownOrganisation]
    /// Places added to the gazetteer (`places:`).
    public var places: [GazetteerPlace]
    /// The month (1–12) fiscal years start in; `FY2024` is the fiscal year ending in 2024.
    public var fiscalYearStartMonth: Int
    public var report: ReportSettings
    public var indicators: [Indicator]
    /// Notes printed at the foot of reports (each when the report mentions what it is about).
    public var footnotes: [Footnote]
    /// Where the file came from, for diagnostics.
    public var origin: SourceLocation

    public init(name: String, domain: String, timezone: String = "UTC", origin: SourceLocation) {
        self.name = name
        self.domain = domain
        self.timezone = timezone
        self.refreshInterval = 12 * 3600
        self.cancelledGraceDays = 30
        self.categories = []
        self.categoryLabels = [:]
        self.feeds = []
        self.organisations = []
        self.places = []
        self.fiscalYearStartMonth = 1
        self.report = ReportSettings()
        self.indicators = []
        self.footnotes = [ProjectConfig.kosovoFootnote]
        self.origin = origin
    }

    /// The shipped gazetteer with the project's own places added.
    public func gazetteer(base: Gazetteer = .bundled) -> Gazetteer {
        var gazetteer = base
        for place in places { gazetteer.add(place) }
        return gazetteer
    }

    /// The UID of a record's events in every feed.
    public func uid(for id: String) -> String { "\(id)@\(domain)" }
}

/// One published calendar: a name (its file is `<name>.ics`) and which activities it holds.
public struct FeedDefinition: Sendable, Hashable {
    public var name: String
    public var title: String?
    public var description: String?
    public var filter: FeedFilter

    public init(name: String, title: String? = nil, description: String? = nil, filter: FeedFilter = FeedFilter()) {
        self.name = name
        self.title = title
        self.description = description
        self.filter = filter
    }

    /// `<name>.ics`, the feed's file and the last part of its address.
    public var fileName: String { Self.fileName(of: name) }

    package static func fileName(of feed: String) -> String { feed + ".ics" }
}

/// Which activities a feed holds. Each non-empty list must match (any of its values);
/// empty lists match everything. Comparison ignores case.
public struct FeedFilter: Sendable, Hashable {
    public var categories: [String] = []
    public var tags: [String] = []
    public var organisations: [String] = []
    public var countries: [String] = []

    public init(categories: [String] = [], tags: [String] = [], organisations: [String] = [], countries: [String] = [])
    {
        self.categories = categories
        self.tags = tags
        self.organisations = organisations
        self.countries = countries
    }

    /// Whether every activity matches (no list is given).
    public var matchesEverything: Bool {
        categories.isEmpty && tags.isEmpty && organisations.isEmpty && countries.isEmpty
    }

    public func matches(_ record: EventRecord) -> Bool {
        guard !matchesEverything else { return true }
        return FeedFilter.any(categories, [record.category].compactMap { $0 })
            && FeedFilter.any(tags, record.tags)
            && FeedFilter.any(organisations, record.organisations)
            && FeedFilter.any(countries, [record.place?.country].compactMap { $0 })
    }

    private static func any(_ wanted: [String], _ values: [String]) -> Bool {
        guard !wanted.isEmpty else { return true }
        let lowered = Set(values.map { $0.lowercased() })
        return wanted.contains { lowered.contains($0.lowercased()) }
    }
}
