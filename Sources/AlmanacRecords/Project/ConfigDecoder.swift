import AlmanacModel
import Foundation
internal import ICal
internal import Yams

/// Reads `almanac.yml` into a ``ProjectConfig``, reporting every problem it finds.
struct ConfigDecoder {
    static let settings = [
        "name", "description", "organisation", "timezone", "domain", "base-url", "refresh-interval",
        "cancelled-grace-days", "categories", "feeds", "fiscal-year-start", "report", "indicators", "footnotes",
        "category-labels",
        "organisations", "places",
    ]

    func decode(_ file: YAMLFile, diagnostics: inout [Diagnostic]) -> ProjectConfig? {
        let start = SourceLocation(file: file.path)
        guard let root = file.root else {
            diagnostics.append(
                .error(
                    start, "almanac.yml is empty",
                    hint: "it needs at least `name:` and `domain:`; `almanac init` writes a complete one"))
            return nil
        }
        guard
            let settings = YAMLMapping(
                root, in: file, allowed: Self.settings, noun: "setting", what: "almanac.yml", diagnostics: &diagnostics)
        else {
            return nil
        }
        var problems: [Diagnostic] = []
        defer { diagnostics += problems }

        let name = settings.text("name", diagnostics: &problems)
        if name == nil {
            problems.append(
                .error(
                    start, "almanac.yml has no 'name'", hint: "add the calendar's name, e.g. `name: IISG activities`"))
        }
        let domain = settings.text("domain", diagnostics: &problems)
        if domain == nil {
            problems.append(
                .error(
                    start, "almanac.yml has no 'domain'",
                    hint: """
                        add a domain you control, e.g. `domain: example.org`; \
                        calendar UIDs end with it, so never change it
                        """
                ))
        } else if let domain, domain.contains(" ") || domain.contains("@") || domain.isEmpty {
            problems.append(
                .error(
                    settings.location(of: "domain"), "'\(domain)' is not a domain name",
                    hint: "write a bare domain such as example.org"))
        }
        var config = ProjectConfig(name: name ?? "", domain: domain ?? "", origin: start)
        config.description = settings.text("description", diagnostics: &problems)
        config.organisation = settings.text("organisation", diagnostics: &problems)
        if let zone = settings.text("timezone", diagnostics: &problems) {
            if ICalTimezones.isKnown(zone) {
                config.timezone = zone
            } else {
                problems.append(
                    .error(
                        settings.location(of: "timezone"), "'\(zone)' is not a known time zone",
                        hint: "use an IANA name such as Europe/Sarajevo"))
            }
        } else {
            problems.append(
                .warning(
                    start, "almanac.yml sets no 'timezone'; timed activities without a zone are taken as UTC",
                    hint: "add e.g. `timezone: Europe/Sarajevo`"))
        }
        if let url = settings.text("base-url", diagnostics: &problems) {
            if url.hasPrefix("https://") || url.hasPrefix("http://") {
                config.baseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
            } else {
                problems.append(
                    .error(
                        settings.location(of: "base-url"), "'\(url)' is not a web address",
                        hint: "write the full address where the feeds are published, starting with https://"))
            }
        }
        if let text = settings.text("refresh-interval", diagnostics: &problems) {
            if let seconds = ISODuration.seconds(text) {
                config.refreshInterval = seconds
            } else {
                problems.append(
                    .error(
                        settings.location(of: "refresh-interval"), "'\(text)' is not a duration",
                        hint: "write an ISO 8601 duration such as PT12H (12 hours) or P1D (a day)"))
            }
        }
        if let text = settings.text("cancelled-grace-days", diagnostics: &problems) {
            if let days = Int(text), days >= 0 {
                config.cancelledGraceDays = days
            } else {
                problems.append(
                    .error(settings.location(of: "cancelled-grace-days"), "'\(text)' is not a number of days"))
            }
        }
        config.categories = settings.list("categories", diagnostics: &problems)
        for category in config.categories where category.contains(",") || category.contains(";") {
            problems.append(
                .error(
                    settings.location(of: "categories"),
                    "the category '\(category)' contains ',' or ';', which calendar apps read as separators"))
        }
        config.feeds = decodeFeeds(settings, categories: config.categories, diagnostics: &problems)
        if let month = decodeMonth(settings, diagnostics: &problems) { config.fiscalYearStartMonth = month }
        decodeReport(settings, into: &config.report, diagnostics: &problems)
        config.indicators = decodeIndicators(settings, categories: config.categories, diagnostics: &problems)
        if settings.entries["footnotes"] != nil { config.footnotes = decodeFootnotes(settings, diagnostics: &problems) }
        config.categoryLabels = decodeCategoryLabels(settings, categories: config.categories, diagnostics: &problems)
        config.organisations = decodeOrganisations(settings, diagnostics: &problems)
        config.places = decodePlaces(settings, diagnostics: &problems)
        return problems.hasErrors ? nil : config
    }

    /// `footnotes:` — texts (always printed), or `{text, when, marker}` maps (printed when
    /// the report mentions one of `when`; `marker` follows a country `when` names, by default
    /// the marks the text starts with).
    private func decodeFootnotes(_ settings: YAMLMapping, diagnostics: inout [Diagnostic]) -> [Footnote] {
        guard let node = settings["footnotes"] else { return [] }
        let items = node.sequence ?? [node]
        return items.compactMap { item in
            if let scalar = item.scalar {
                let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : Footnote(text: text)
            }
            guard
                let fields = YAMLMapping(
                    item, in: settings.file, allowed: ["text", "when", "marker"], noun: "footnote setting",
                    what: "a footnote",
                    diagnostics: &diagnostics)
            else { return nil }
            guard
                let text = fields.text("text", diagnostics: &diagnostics)?.trimmingCharacters(
                    in: .whitespacesAndNewlines), !text.isEmpty
            else {
                diagnostics.append(
                    .error(
                        settings.file.location(of: item), "a footnote needs a 'text'",
                        hint: "e.g. `- {text: '*Without prejudice…', when: [Kosovo]}`"))
                return nil
            }
            return Footnote(
                text: text, when: fields.list("when", diagnostics: &diagnostics),
                marker: fields.text("marker", diagnostics: &diagnostics)?.trimmingCharacters(in: .whitespaces))
        }
    }

    /// `category-labels:` — `category: label` lines, for categories of `categories:`.
    private func decodeCategoryLabels(_ settings: YAMLMapping, categories: [String], diagnostics: inout [Diagnostic])
        -> [String: String]
    {
        guard let node = settings["category-labels"] else { return [:] }
        guard let mapping = node.mapping else {
            diagnostics.append(
                .error(
                    settings.file.location(of: node), "'category-labels' must be a set of `category: label` lines",
                    hint: "e.g. `board-meeting: Board meeting`"))
            return [:]
        }
        var labels: [String: String] = [:]
        for (keyNode, value) in mapping {
            let category = keyNode.scalar?.string ?? ""
            guard let label = value.scalar?.string.trimmingCharacters(in: .whitespaces), !label.isEmpty else {
                diagnostics.append(
                    .error(settings.file.location(of: value), "the label of '\(category)' must be a single text"))
                continue
            }
            if !categories.isEmpty && !categories.contains(category) {
                var message = "'\(category)' in 'category-labels' is not one of the project's categories"
                if let guess = Spelling.suggestion(for: category, among: categories) {
                    message += "; did you mean '\(guess)'?"
                }
                diagnostics.append(
                    .error(
                        settings.file.location(of: keyNode), message,
                        hint: "the categories are: \(categories.joined(separator: ", "))"))
                continue
            }
            labels[category] = label
        }
        return labels
    }

    /// `organisations:` — names, or `{name, aliases}` maps.
    private func decodeOrganisations(_ settings: YAMLMapping, diagnostics: inout [Diagnostic]) -> [KnownOrganisation] {
        guard let node = settings["organisations"] else { return [] }
        guard let items = node.sequence else {
            diagnostics.append(
                .error(
                    settings.file.location(of: node), "'organisations' must be a list",
                    hint: "write each as `- RCC` or `- {name: Regional Cooperation Council, aliases: [RCC]}`"))
            return []
        }
        return items.compactMap { item in
            if let scalar = item.scalar { return KnownOrganisation(name: scalar.string) }
            guard
                let fields = YAMLMapping(
                    item, in: settings.file, allowed: ["name", "aliases"], noun: "organisation setting",
                    what: "an organisation", diagnostics: &diagnostics)
            else { return nil }
            guard let name = fields.text("name", diagnostics: &diagnostics) else {
                diagnostics.append(.error(settings.file.location(of: item), "an organisation needs a 'name'"))
                return nil
            }
            return KnownOrganisation(name: name, aliases: fields.list("aliases", diagnostics: &diagnostics))
        }
    }

    /// `places:` — `{name, alternatives, country, timezone, geo}` maps added to the gazetteer.
    private func decodePlaces(_ settings: YAMLMapping, diagnostics: inout [Diagnostic]) -> [GazetteerPlace] {
        guard let node = settings["places"] else { return [] }
        guard let items = node.sequence else {
            diagnostics.append(
                .error(
                    settings.file.location(of: node), "'places' must be a list",
                    hint: """
                        write each as `- {name: Brdo, country: Slovenia, \
                        timezone: Europe/Ljubljana, geo: [46.29, 14.39]}`
                        """
                ))
            return []
        }
        return items.compactMap { item in
            guard
                let fields = YAMLMapping(
                    item, in: settings.file, allowed: ["name", "alternatives", "country", "timezone", "geo"],
                    noun: "place setting", what: "a place", diagnostics: &diagnostics)
            else { return nil }
            let name = fields.text("name", diagnostics: &diagnostics)
            let country = fields.text("country", diagnostics: &diagnostics)
            let zone = fields.text("timezone", diagnostics: &diagnostics)
            let geo = (fields["geo"]?.sequence ?? []).compactMap { $0.scalar.flatMap { Double($0.string) } }
            guard let name, let country, let zone, let coordinates = Coordinates(checked: geo) else {
                diagnostics.append(
                    .error(
                        settings.file.location(of: item),
                        "a place needs 'name', 'country', 'timezone' and 'geo: [latitude, longitude]'",
                        hint:
                            "e.g. `- {name: Brdo, country: Slovenia, timezone: Europe/Ljubljana, geo: [46.29, 14.39]}`")
                )
                return nil
            }
            guard ICalTimezones.isKnown(zone) else {
                diagnostics.append(
                    .error(
                        fields.location(of: "timezone"), "'\(zone)' is not a known time zone",
                        hint: "use an IANA name such as Europe/Ljubljana"))
                return nil
            }
            return GazetteerPlace(
                name: name, alternatives: fields.list("alternatives", diagnostics: &diagnostics), country: country,
                timezone: zone,
                coordinates: coordinates)
        }
    }

    /// `fiscal-year-start: july` (a month's name, its first three letters, or 1–12).
    private func decodeMonth(_ settings: YAMLMapping, diagnostics: inout [Diagnostic]) -> Int? {
        guard let text = settings.text("fiscal-year-start", diagnostics: &diagnostics) else { return nil }
        let names = LocalDate.monthNames.map { $0.lowercased() }
        let lowered = text.lowercased()
        if let index = names.firstIndex(where: { $0 == lowered || (lowered.count == 3 && $0.hasPrefix(lowered)) }) {
            return index + 1
        }
        if let number = Int(text), (1...12).contains(number) { return number }
        var message = "'\(text)' is not a month"
        if let guess = Spelling.suggestion(for: lowered, among: names) { message += "; did you mean '\(guess)'?" }
        diagnostics.append(
            .error(
                settings.location(of: "fiscal-year-start"), message,
                hint: "write the month the fiscal year starts in, e.g. `fiscal-year-start: july`"))
        return nil
    }

    private func decodeReport(
        _ settings: YAMLMapping, into report: inout ReportSettings, diagnostics: inout [Diagnostic]
    ) {
        guard let node = settings["report"],
            let fields = YAMLMapping(
                node, in: settings.file,
                allowed: ["template", "html-template", "checklist-template", "excel", "delimiter"],
                noun: "report setting", what: "'report'", diagnostics: &diagnostics)
        else { return }
        let directory = (settings.file.path as NSString).deletingLastPathComponent
        for (key, path) in [
            ("template", \ReportSettings.template), ("html-template", \ReportSettings.htmlTemplate),
            ("checklist-template", \ReportSettings.checklistTemplate),
        ] {
            guard let text = fields.text(key, diagnostics: &diagnostics) else { continue }
            let absolute = URL(fileURLWithPath: text, relativeTo: URL(fileURLWithPath: directory + "/"))
                .standardizedFileURL.path
            if FileManager.default.fileExists(atPath: absolute) {
                report[keyPath: path] = absolute
            } else {
                diagnostics.append(
                    .error(
                        fields.location(of: key), "the template '\(text)' does not exist",
                        hint: """
                            give its path relative to almanac.yml; copy a \
                            default one from Almanac's templates/ folder to start
                            """
                    ))
            }
        }
        if let text = fields.text("excel", diagnostics: &diagnostics) {
            switch text.lowercased() {
            case "true", "yes": report.excel = true
            case "false", "no": report.excel = false
            default:
                diagnostics.append(
                    .error(
                        fields.location(of: "excel"), "'excel' must be true or false",
                        hint: "true starts CSV files with the byte order mark Excel needs to read UTF-8"))
            }
        }
        if let text = fields.text("delimiter", diagnostics: &diagnostics) {
            if let delimiter = CSVDelimiter.parse(text) {
                report.delimiter = delimiter
            } else {
                diagnostics.append(
                    .error(
                        fields.location(of: "delimiter"), "'\(text)' cannot separate CSV fields",
                        hint: CSVDelimiter.hint))
            }
        }
    }

    private func decodeIndicators(_ settings: YAMLMapping, categories: [String], diagnostics: inout [Diagnostic])
        -> [Indicator]
    {
        guard let node = settings["indicators"] else { return [] }
        guard let items = node.sequence else {
            diagnostics.append(
                .error(
                    settings.file.location(of: node), "'indicators' must be a list",
                    hint: "write each as `- name: Workshops`, `category: workshop`, `target: 8`, `per: year`"))
            return []
        }
        var indicators: [Indicator] = []
        for item in items {
            guard
                let fields = YAMLMapping(
                    item, in: settings.file, allowed: ["name", "target", "per"] + FeedFilterDecoder.keys,
                    noun: "indicator setting", what: "an indicator", diagnostics: &diagnostics)
            else { continue }
            guard let name = fields.text("name", diagnostics: &diagnostics), !name.isEmpty else {
                diagnostics.append(
                    .error(
                        fields.location(of: "name"), "an indicator needs a 'name'",
                        hint: "for example `name: Workshops organised`"))
                continue
            }
            guard let text = fields.text("target", diagnostics: &diagnostics), let target = Int(text), target > 0 else {
                diagnostics.append(
                    .error(
                        fields.location(of: "target"),
                        "the indicator '\(name)' needs a 'target' that is a whole number above 0",
                        hint: "for example `target: 8`"))
                continue
            }
            let per = fields.choice("per", Indicator.Span.self, diagnostics: &diagnostics) ?? .year
            let filter = FeedFilterDecoder.decode(
                fields, categories: categories, owner: "the indicator '\(name)'", diagnostics: &diagnostics)
            indicators.append(Indicator(name: name, filter: filter, target: target, per: per))
        }
        return indicators
    }

    private func decodeFeeds(_ settings: YAMLMapping, categories: [String], diagnostics: inout [Diagnostic])
        -> [FeedDefinition]
    {
        guard let node = settings["feeds"] else { return [FeedDefinition(name: "all")] }
        guard let items = node.sequence else {
            diagnostics.append(
                .error(
                    settings.file.location(of: node), "'feeds' must be a list", hint: "write each feed as `- name: all`"
                ))
            return []
        }
        var feeds: [FeedDefinition] = []
        for item in items {
            guard
                let fields = YAMLMapping(
                    item, in: settings.file, allowed: ["name", "title", "description", "filter"], noun: "feed setting",
                    what: "a feed", diagnostics: &diagnostics)
            else { continue }
            guard let name = fields.text("name", diagnostics: &diagnostics), Identifier.isValid(name) else {
                diagnostics.append(
                    .error(
                        fields.location(of: "name"), "a feed needs a 'name' made of letters, digits, '-' and '_'",
                        hint: "the feed is written to <name>.ics"))
                continue
            }
            if feeds.contains(where: { $0.name == name }) {
                diagnostics.append(.error(fields.location(of: "name"), "two feeds are named '\(name)'"))
                continue
            }
            var feed = FeedDefinition(
                name: name, title: fields.text("title", diagnostics: &diagnostics),
                description: fields.text("description", diagnostics: &diagnostics))
            if let filterNode = fields["filter"],
                let filter = YAMLMapping(
                    filterNode, in: settings.file, allowed: FeedFilterDecoder.keys, noun: "filter key",
                    what: "a feed's 'filter'", diagnostics: &diagnostics)
            {
                feed.filter = FeedFilterDecoder.decode(
                    filter, categories: categories, owner: "the feed '\(name)'", diagnostics: &diagnostics)
            }
            feeds.append(feed)
        }
        return feeds
    }
}

/// The selector keys that feeds' filters and indicators share.
enum FeedFilterDecoder {
    static let keys = ["category", "tag", "organisation", "country"]

    /// Reads the selector keys of `fields`; `owner` names the feed or indicator in messages.
    static func decode(_ fields: YAMLMapping, categories: [String], owner: String, diagnostics: inout [Diagnostic])
        -> FeedFilter
    {
        var filter = FeedFilter(
            categories: fields.list("category", diagnostics: &diagnostics),
            tags: fields.list("tag", diagnostics: &diagnostics),
            organisations: fields.list("organisation", diagnostics: &diagnostics),
            countries: fields.list("country", diagnostics: &diagnostics)
        )
        guard !categories.isEmpty else { return filter }
        // Case does not matter, as in records (`category: Workshop`): the filter takes the
        // spelling of `categories:`.
        filter.categories = filter.categories.map { category in
            let lowered = category.lowercased()
            if let known = categories.first(where: { $0.lowercased() == lowered }) { return known }
            var message = "\(owner) filters on '\(category)', which is not one of the project's categories"
            if let guess = Spelling.suggestion(for: category, among: categories) {
                message += "; did you mean '\(guess)'?"
            }
            diagnostics.append(.error(fields.location(of: "category"), message))
            return category
        }
        return filter
    }
}

extension YAMLMapping {
    /// One of an enumeration's values, with a "did you mean" when it is misspelt.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _: Choice.Type, diagnostics: inout [Diagnostic])
        -> Choice? where Choice.RawValue == String
    {
        guard let text = text(key, diagnostics: &diagnostics) else { return nil }
        if let value = Choice(rawValue: text.lowercased()) { return value }
        let problem = Spelling.unknownChoice(text, key, Choice.self)
        diagnostics.append(.error(location(of: key), problem.message, hint: problem.hint))
        return nil
    }
}
