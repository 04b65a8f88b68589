import AlmanacModel
import AlmanacRecords
import Foundation

/// Computes a report's figures, groupings and lists from a project's records: those of the
/// period and the next one in full, the rest as the figures a ``ReportGatherer`` keeps of them.
public struct ReportBuilder: Sendable {
    public let config: ProjectConfig
    /// The records the report lists (``ReportGatherer/kept``): those with an occurrence in the
    /// period or the next one, series cut before the period's end, and the drafts it names.
    public let records: [EventRecord]
    /// The project folder, for file names in the data-quality note.
    public let projectDirectory: String
    public let period: ReportPeriod
    /// Leave internal activities out.
    public let publicOnly: Bool
    /// Records left out of every figure for their errors.
    public let leftOut: Int
    /// Where the map finds the places' coordinates.
    let gazetteer: Gazetteer
    /// What the report needs of every record: the figures of the other periods, the log's start.
    let gathered: ReportGatherer
    /// The first day of the first activity in the log (drafts aside); nil for an empty log.
    var logStart: LocalDate? { gathered.logStart }

    public init(project: Project, period: ReportPeriod, publicOnly: Bool) {
        var gatherer = ReportGatherer(config: project.config, period: period, publicOnly: publicOnly)
        gatherer.add(project.records)
        self.init(
            gathered: gatherer, projectDirectory: project.directory, gazetteer: project.gazetteer,
            leftOut: project.leftOut)
    }

    /// The builder of what `gathered` gathered of a project's records (read as a
    /// ``RecordStream``): `leftOut` records had errors.
    public init(gathered: ReportGatherer, projectDirectory: String, gazetteer: Gazetteer, leftOut: Int) {
        config = gathered.config
        records = gathered.kept
        self.leftOut = leftOut
        self.projectDirectory = projectDirectory
        self.gazetteer = gazetteer
        period = gathered.period
        publicOnly = gathered.publicOnly
        self.gathered = gathered
    }

    /// Whether the log reaches back into `period`: a period that ends before the first
    /// activity has no records, which is not the same as none.
    func hasRecords(_ period: ReportPeriod) -> Bool {
        logStart.map { $0 <= period.end } ?? false
    }

    /// What a report of a period that ends before the log starts says instead of figures.
    private func noRecordsNote() -> String {
        let records = publicOnly ? "public records" : "records"
        guard let logStart else { return "The log has no \(records) yet." }
        return "The log has no \(records) for this period: it starts on \(HumanDates.span(logStart, logStart))."
    }

    /// Whether the log covers at least a year before the period, so that a partner or
    /// country missing from it is really new.
    private var logCoversYearBefore: Bool {
        logStart.map { $0 <= period.start.yearEarlier } ?? false
    }

    /// The counted and cancelled activities of `period`.
    func activitySet(_ period: ReportPeriod) -> ActivitySet {
        ActivitySet(records: records, period: period, publicOnly: publicOnly)
    }

    public func context() -> ReportContext { context(activitySet(period)) }

    /// The context for `current`, the activity set of ``period``, whose `figures` are given
    /// when the caller has them already.
    func context(_ current: ActivitySet, figures: Figures? = nil) -> ReportContext {
        let figures = figures ?? Figures(current)
        let earlier = (partners: gathered.earlierPartners, countries: gathered.earlierCountries)
        let organisation = config.organisation ?? config.name
        let picksOutNew = logCoversYearBefore
        let trend = trend()
        let places = MapPlace.places(of: current, gazetteer: gazetteer)
        return ReportContext(
            title: "\(organisation) — activity report \(period.name)",
            organisation: organisation,
            period: PeriodSummary(period),
            previousPeriod: PeriodSummary(period.previous()),
            lastYearPeriod: PeriodSummary(period.sameLastYear()),
            nextPeriod: PeriodSummary(period.next()),
            publicOnly: publicOnly,
            visibilityNote: publicOnly ? "Internal activities are left out." : "Internal activities are counted.",
            fiscalYearStart: config.fiscalYearStartMonth == 1
                ? nil : LocalDate.monthNames[config.fiscalYearStartMonth - 1],
            hasRecords: hasRecords(period),
            noRecordsNote: hasRecords(period) ? nil : noRecordsNote(),
            comparesLastYear: period.hasSeparateLastYear,
            lastYearHasRecords: hasRecords(period.sameLastYear()),
            figures: figureRows(figures),
            logStartNote: picksOutNew || logStart == nil
                ? nil
                : logStart.map {
                    let when =
                        $0 < period.start
                        ? "less than a year before this period"
                        : $0 <= period.end ? "within this period" : "after this period"
                    return """
                        The log starts on \(HumanDates.span($0, $0)), \(when), so no partner or country is singled out \
                        as met for the first time.
                        """
                },
            newPartners: picksOutNew ? joined(figures.partners.names.filter { !earlier.partners.contains($0) }) : nil,
            newCountries: picksOutNew
                ? joined(figures.countries.names.filter { !earlier.countries.contains($0) }) : nil,
            byCategory: breakdown(current) { [$0.record.category.map(config.label(ofCategory:))] },
            byCountry: breakdown(current) { [$0.record.place?.country] },
            byPartner: breakdown(current) { $0.record.organisations.isEmpty ? [nil] : $0.record.organisations },
            byFormat: formatBreakdown(current),
            byMonth: monthBreakdown(current),
            // The rows on all cores: a quarter of a big log has thousands.
            activities: current.counted.parallelMap { row($0, in: period) },
            cancelled: current.cancelled.map { row($0, in: period) },
            highlights: highlights(current),
            lookAhead: activitySet(period.next()).counted.parallelMap { [next = period.next()] in row($0, in: next) },
            indicators: indicatorRows(current),
            chart: ChartReference(
                path: ReportFile.chart.name,
                description: "Activities per month by category: " + chartData(current).description),
            trend: trend,
            trendStartsWithLog: trend.count < 8,
            places: places,
            placesNote: placesNote(current, places: places),
            footnotes: config.footnotes.map(\.text),
            dataQuality: dataIssues(current),
            leftOut: leftOut,
            leftOutNotice: Project.leftOutNotice(leftOut),
            cutSeries: current.cutSeries.map { RelativePath.display($0.origin.file, from: projectDirectory) }
        )
    }

    /// What the data-quality list says of a series cut at the occurrence limit.
    static let cutSeriesProblem =
        "a series of more than 100,000 occurrences since its start: later ones are not counted"

    /// What breakdowns and the chart call a missing category, country, partner or format.
    static let notRecorded = "Not recorded"

    // MARK: Figures

    private func figureRows(_ figures: Figures) -> [FigureRow] {
        // The figures of a period that ends before the log starts are nil.
        let previous = hasRecords(period.previous()) ? gathered.previous : nil
        let lastYear = hasRecords(period.sameLastYear()) ? gathered.lastYear : nil
        return Figure.allCases.map { figure in
            FigureRow(figure, value: figures[figure], previous: previous?[figure], lastYear: lastYear?[figure])
        }
    }

    // MARK: Trend and places

    /// The last eight quarters (fiscal quarters when fiscal years start later than January)
    /// up to the one holding the period's last day, from the log's start.
    private func trend() -> [TrendRow] {
        // The gathered quarters, latest first: the latest always, earlier ones while the log
        // reaches back into them.
        var rows: [TrendRow] = []
        for index in gathered.quarters.indices {
            if index > 0 && !hasRecords(gathered.quarters[index]) { break }
            rows.append(gathered.trend[index])
        }
        return rows.reversed()
    }

    /// What the map leaves out of `set`, whose ``MapPlace/places(of:gazetteer:)`` are `places`.
    private func placesNote(_ set: ActivitySet, places: [MapPlace]) -> String? {
        let placed = places.reduce(0) { $0 + $1.activities }
        let missing = set.counted.count - placed
        guard missing > 0 else { return nil }
        return missing == 1
            ? "1 activity has no known city and is not on the map."
            : "\(missing) activities have no known city and are not on the map."
    }

    private func joined(_ names: [String]) -> String? {
        names.isEmpty ? nil : names.joined(separator: ", ")
    }

    // MARK: Breakdowns

    /// Activities and days under one name of a breakdown; a nil name is "Not recorded".
    private struct Tally {
        var name: String?
        var activities = 0
        var days = 0

        var row: BreakdownRow {
            BreakdownRow(name: name ?? ReportBuilder.notRecorded, activities: activities, days: days)
        }
    }

    /// Activities and days per name (nil: not recorded); an activity with several names
    /// (partners) counts under each. Largest first, then by name, with "Not recorded" last.
    private func breakdown(_ set: ActivitySet, names: (Occurrence) -> [String?]) -> [BreakdownRow] {
        // Tallied by each name as written first, in the order met, then by the names' keys
        // (``DistinctNames/key(_:)``, slow to make): a name keeps the spelling met first.
        var written: [String?: Tally] = [:]
        var order: [String?] = []
        for occurrence in set.counted {
            let days = occurrence.days(in: set.period)
            for name in names(occurrence) {
                if written[name] == nil { order.append(name) }
                written[name, default: Tally(name: name)].activities += 1
                written[name]?.days += days
            }
        }
        var tallies: [String?: Tally] = [:]
        for name in order {
            guard let tally = written[name] else { continue }
            let key = name.map(DistinctNames.key)
            tallies[key, default: Tally(name: name)].activities += tally.activities
            tallies[key]?.days += tally.days
        }
        return tallies.values.sorted {
            ($0.name == nil ? 1 : 0, -$0.activities, -$0.days, $0.name ?? "") < (
                $1.name == nil ? 1 : 0, -$1.activities, -$1.days, $1.name ?? ""
            )
        }.map(\.row)
    }

    /// Every format, in a fixed order, with zeros, so periods compare at a glance; "Not
    /// recorded" last, when some activity has no format.
    private func formatBreakdown(_ set: ActivitySet) -> [BreakdownRow] {
        let formats: [EventFormat?] = EventFormat.allCases + [nil]
        var tallies = formats.map { Tally(name: $0?.reportName) }
        for occurrence in set.counted {
            let index = formats.firstIndex(of: occurrence.record.format) ?? formats.count - 1
            tallies[index].activities += 1
            tallies[index].days += occurrence.days(in: set.period)
        }
        return zip(formats, tallies).filter { format, tally in format != nil || tally.activities > 0 }.map(\.1.row)
    }

    /// Every month of the period; an activity that spans two months counts in both.
    private func monthBreakdown(_ set: ActivitySet) -> [BreakdownRow] {
        set.period.months.map { month in
            let touching = set.counted.filter { $0.days(from: month.first, through: month.last) > 0 }
            return BreakdownRow(
                name: HumanDates.monthAndYear(month.first),
                activities: touching.count,
                days: touching.reduce(0) { $0 + $1.days(from: month.first, through: month.last) }
            )
        }
    }

    /// Activities per month and category, for the chart.
    func chartData(_ set: ActivitySet) -> ActivityChart {
        let categories = chartCategories(set)
        let months = set.period.months.map { month in
            ActivityChart.Month(
                label: HumanDates.month(month.first.month),
                year: month.first.year,
                counts: categories.map { category in
                    set.counted.filter {
                        $0.record.category == category && $0.days(from: month.first, through: month.last) > 0
                    }.count
                }
            )
        }
        return ActivityChart(
            title: "Activities per month by category, \(set.period.name)",
            categories: categories.map { $0.map(config.label(ofCategory:)) ?? Self.notRecorded },
            colours: categories.map(config.colour(ofCategory:)),
            months: months
        )
    }

    /// The categories present, in almanac.yml's order, others after them by name; nil (no
    /// category) last.
    private func chartCategories(_ set: ActivitySet) -> [String?] {
        let present = Set(set.counted.map(\.record.category))
        let known = config.categories.filter { present.contains($0) }
        let others = present.compactMap { $0 }.filter { !known.contains($0) }.sorted()
        return known + others + (present.contains(nil) ? [nil] : [])
    }

    // MARK: Lists

    func row(_ occurrence: Occurrence, in period: ReportPeriod) -> ActivityRow {
        let record = occurrence.record
        let place = record.place
        let placeText = place.flatMap { $0.cityAndCountry ?? $0.line }
        return ActivityRow(
            id: record.id,
            dates: HumanDates.span(occurrence.firstDay, occurrence.lastDay),
            times: HumanDates.times(occurrence.timing),
            start: occurrence.firstDay.description,
            end: occurrence.lastDay.description,
            title: record.title,
            url: record.url.map(Self.linkSafe),
            place: placeText,
            city: place?.city,
            country: place?.country,
            category: record.category.map(config.label(ofCategory:)),
            partners: record.organisations.isEmpty ? nil : record.organisations.joined(separator: ", "),
            role: record.role?.rawValue,
            format: record.format?.rawValue,
            status: record.status.rawValue,
            daysInPeriod: occurrence.days(in: period),
            isInternal: record.visibility == .internal,
            isTentative: record.status == .tentative
        )
    }

    /// A web address with the characters that end a Markdown link, a table cell or an HTML
    /// attribute encoded.
    static func linkSafe(_ url: String) -> String {
        var result = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "(": result += "%28"
            case ")": result += "%29"
            case "|": result += "%7C"
            case "<": result += "%3C"
            case ">": result += "%3E"
            case " ": result += "%20"
            case "\\": result += "%5C"
            case "`": result += "%60"
            case "\"": result += "%22"
            case "'": result += "%27"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The first sentence of each activity's summary, grouped by the month it starts in
    /// (its first month inside the period); a series appears once.
    private func highlights(_ set: ActivitySet) -> [HighlightMonth] {
        var months: [HighlightMonth] = []
        var seen = Set<String>()
        let firsts = set.counted.indices.filter { seen.insert(set.counted[$0].record.id).inserted }
        // The first sentences, on all cores: a quarter of a big log has thousands.
        let sentences = firsts.parallelMap { set.counted[$0].record.summary.flatMap(FirstSentence.of) }
        for (index, sentence) in zip(firsts, sentences) {
            guard let sentence else { continue }
            let occurrence = set.counted[index]
            let month = HumanDates.monthAndYear(max(occurrence.firstDay, set.period.start))
            let item = Highlight(
                dates: HumanDates.span(occurrence.firstDay, occurrence.lastDay), title: occurrence.record.title,
                sentence: sentence)
            if months.last?.month == month {
                months[months.count - 1].items.append(item)
            } else {
                months.append(HighlightMonth(month: month, items: [item]))
            }
        }
        return months
    }

    private func indicatorRows(_ set: ActivitySet) -> [IndicatorRow] {
        zip(config.indicators, gathered.indicatorsToDate).map { indicator, toDate in
            let span = ReportPeriod.enclosing(
                period.end, span: indicator.per, fiscalYearStartMonth: config.fiscalYearStartMonth)
            return IndicatorRow(
                name: indicator.name,
                target: indicator.target,
                per: indicator.per.rawValue,
                span: span.name,
                spanDates: HumanDates.span(span.start, span.end),
                thisPeriod: set.counted.filter { indicator.filter.matches($0.record) }.count,
                toDate: toDate,
                percent: "\(toDate * 100 / indicator.target)%",
                barPercent: min(100, toDate * 100 / indicator.target)
            )
        }
    }

    /// Counted records of the period that lack a place, category or partner; drafts of the
    /// period and drafts without a date.
    private func dataIssues(_ set: ActivitySet) -> [DataIssue] {
        var issues: [DataIssue] = []
        var seen = Set<String>()
        for occurrence in set.counted where seen.insert(occurrence.record.id).inserted {
            let record = occurrence.record
            var problems: [String] = []
            if record.place == nil {
                problems.append("no place")
            } else if record.place?.city == nil && record.place?.country == nil {
                problems.append("no city or country")
            }
            if let city = record.place?.city, record.place?.country == nil {
                problems.append("city '\(city)' not in the gazetteer, so no country")
            }
            if record.category == nil { problems.append("no category") }
            if set.cutSeries.contains(where: { $0.id == record.id }) { problems.append(Self.cutSeriesProblem) }
            if record.organisations.isEmpty { problems.append("no partner organisation") }
            if !problems.isEmpty { issues.append(issue(record, problems)) }
        }
        for record in set.cutSeries where !seen.contains(record.id) {
            issues.append(issue(record, [Self.cutSeriesProblem]))
        }
        let drafts = records.filter { record in
            record.status == .draft && !(publicOnly && record.visibility == .internal)
                && (record.timing == nil || !record.occurrences(touching: period).isEmpty)
        }
        for draft in drafts.sorted(by: {
            ($0.timing?.firstDay.dayNumber ?? Int.max, $0.id) < ($1.timing?.firstDay.dayNumber ?? Int.max, $1.id)
        }) {
            issues.append(
                issue(draft, [draft.timing == nil ? "draft without a date" : "draft, not counted until confirmed"]))
        }
        return issues
    }

    private func issue(_ record: EventRecord, _ problems: [String]) -> DataIssue {
        DataIssue(
            title: record.title, file: RelativePath.display(record.origin.file, from: projectDirectory),
            problems: problems.joined(separator: ", "))
    }
}
