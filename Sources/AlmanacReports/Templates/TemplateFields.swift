internal import Mustache

// Templates read a report's values by name. swift-mustache finds a value by reflection
// (`Mirror`), which lists every field of a value for each name looked up: for a report of
// thousands of activities, most of its time. A report's values are handed to templates in a
// ``TemplateValue``, which gives each field by name directly: the value reflection gives (an
// optional that is nil is no value), with the report's own values in turn handed on so.
// ``FastTemplate`` reads the same fields, typed, without swift-mustache's casts.

/// A report value whose fields templates read by name.
protocol TemplateFields {
    /// The field called `key`; nil when there is none or it is nil.
    func field(_ key: String) -> TemplateField?
}

/// A field's value, typed: what templates can show or enter.
enum TemplateField {
    case text(String)
    case number(Int)
    case flag(Bool)
    case fields(any TemplateFields)
    case list([any TemplateFields])
    case texts([String])
    /// A value of another type (a figure's kind, a place's coordinates): swift-mustache reads
    /// its fields by reflection.
    case other(Any)

    static func of(_ value: String) -> TemplateField? { .text(value) }
    static func of(_ value: String?) -> TemplateField? { value.map(TemplateField.text) }
    static func of(_ value: Int) -> TemplateField? { .number(value) }
    static func of(_ value: Int?) -> TemplateField? { value.map(TemplateField.number) }
    static func of(_ value: Bool) -> TemplateField? { .flag(value) }
    static func of(_ value: some TemplateFields) -> TemplateField? { .fields(value) }
    static func of(_ value: [some TemplateFields]) -> TemplateField? { .list(value) }
    static func of(_ value: [String]) -> TemplateField? { .texts(value) }

    /// The value as swift-mustache is handed it: a report value (or a list of them) in a
    /// ``TemplateValue``, anything else as it is.
    var mustacheValue: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .fields(let fields): TemplateValue(value: fields)
        case .list(let list): list.map { TemplateValue(value: $0) }
        case .texts(let texts): texts
        case .other(let value): value
        }
    }
}

/// A report value as templates see it: its fields by name.
struct TemplateValue: MustacheParent {
    let value: any TemplateFields

    func child(named key: String) -> Any? { value.field(key)?.mustacheValue }
}

extension ReportContext: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "title": .of(self.title)
        case "organisation": .of(self.organisation)
        case "period": .of(self.period)
        case "previousPeriod": .of(self.previousPeriod)
        case "lastYearPeriod": .of(self.lastYearPeriod)
        case "nextPeriod": .of(self.nextPeriod)
        case "publicOnly": .of(self.publicOnly)
        case "visibilityNote": .of(self.visibilityNote)
        case "fiscalYearStart": .of(self.fiscalYearStart)
        case "hasRecords": .of(self.hasRecords)
        case "noRecordsNote": .of(self.noRecordsNote)
        case "comparesLastYear": .of(self.comparesLastYear)
        case "lastYearHasRecords": .of(self.lastYearHasRecords)
        case "figures": .of(self.figures)
        case "logStartNote": .of(self.logStartNote)
        case "newPartners": .of(self.newPartners)
        case "newCountries": .of(self.newCountries)
        case "byCategory": .of(self.byCategory)
        case "byCountry": .of(self.byCountry)
        case "byPartner": .of(self.byPartner)
        case "byFormat": .of(self.byFormat)
        case "byMonth": .of(self.byMonth)
        case "activities": .of(self.activities)
        case "cancelled": .of(self.cancelled)
        case "highlights": .of(self.highlights)
        case "lookAhead": .of(self.lookAhead)
        case "indicators": .of(self.indicators)
        case "chart": .of(self.chart)
        case "trend": .of(self.trend)
        case "trendStartsWithLog": .of(self.trendStartsWithLog)
        case "places": .of(self.places)
        case "placesNote": .of(self.placesNote)
        case "footnotes": .of(self.footnotes)
        case "inPage": .of(self.inPage)
        case "dataQuality": .of(self.dataQuality)
        case "leftOut": .of(self.leftOut)
        case "leftOutNotice": .of(self.leftOutNotice)
        case "cutSeries": .of(self.cutSeries)
        default: nil
        }
    }
}

extension PeriodSummary: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "label": .of(self.label)
        case "name": .of(self.name)
        case "start": .of(self.start)
        case "end": .of(self.end)
        case "dates": .of(self.dates)
        case "days": .of(self.days)
        default: nil
        }
    }
}

extension FigureRow: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "figure": .other(self.figure)
        case "key": .of(self.key)
        case "name": .of(self.name)
        case "thisPeriod": .of(self.thisPeriod)
        case "previousPeriod": .of(self.previousPeriod)
        case "changeFromPrevious": .of(self.changeFromPrevious)
        case "lastYear": .of(self.lastYear)
        case "changeFromLastYear": .of(self.changeFromLastYear)
        case "previousValue": .of(self.previousValue)
        case "lastYearValue": .of(self.lastYearValue)
        case "hasPrevious": .of(self.hasPrevious)
        case "isUp": .of(self.isUp)
        case "isDown": .of(self.isDown)
        default: nil
        }
    }
}

/// A row that counts activities and days under a name: a trend's quarter, a breakdown's category.
protocol CountedRow: TemplateFields {
    var name: String { get }
    var activities: Int { get }
    var days: Int { get }
}

extension CountedRow {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "name": .of(self.name)
        case "activities": .of(self.activities)
        case "days": .of(self.days)
        default: nil
        }
    }
}

extension TrendRow: CountedRow {}

extension MapPlace: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "name": .of(self.name)
        case "activities": .of(self.activities)
        case "coordinates": .other(self.coordinates)
        case "countryCode": .of(self.countryCode)
        default: nil
        }
    }
}

extension BreakdownRow: CountedRow {}

extension ActivityRow: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "id": .of(self.id)
        case "dates": .of(self.dates)
        case "times": .of(self.times)
        case "start": .of(self.start)
        case "end": .of(self.end)
        case "title": .of(self.title)
        case "url": .of(self.url)
        case "place": .of(self.place)
        case "city": .of(self.city)
        case "country": .of(self.country)
        case "category": .of(self.category)
        case "partners": .of(self.partners)
        case "role": .of(self.role)
        case "format": .of(self.format)
        case "status": .of(self.status)
        case "daysInPeriod": .of(self.daysInPeriod)
        case "isInternal": .of(self.isInternal)
        case "isTentative": .of(self.isTentative)
        default: nil
        }
    }
}

extension HighlightMonth: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "month": .of(self.month)
        case "items": .of(self.items)
        default: nil
        }
    }
}

extension Highlight: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "dates": .of(self.dates)
        case "title": .of(self.title)
        case "sentence": .of(self.sentence)
        default: nil
        }
    }
}

extension IndicatorRow: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "name": .of(self.name)
        case "target": .of(self.target)
        case "per": .of(self.per)
        case "span": .of(self.span)
        case "spanDates": .of(self.spanDates)
        case "thisPeriod": .of(self.thisPeriod)
        case "toDate": .of(self.toDate)
        case "percent": .of(self.percent)
        case "barPercent": .of(self.barPercent)
        default: nil
        }
    }
}

extension ChartReference: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "path": .of(self.path)
        case "description": .of(self.description)
        default: nil
        }
    }
}

extension DataIssue: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "title": .of(self.title)
        case "file": .of(self.file)
        case "problems": .of(self.problems)
        default: nil
        }
    }
}

extension HTMLPage: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "report": .of(self.report)
        case "title": .of(self.title)
        case "organisation": .of(self.organisation)
        case "period": .of(self.period)
        case "links": .of(self.links)
        case "body": .of(self.body)
        case "chartSVG": .of(self.chartSVG)
        case "trendSVG": .of(self.trendSVG)
        case "mapSVG": .of(self.mapSVG)
        case "pageHeader": .of(self.pageHeader)
        case "pageFooter": .of(self.pageFooter)
        case "contentSecurityPolicyMeta": .of(self.contentSecurityPolicyMeta)
        default: nil
        }
    }
}

extension PageLink: TemplateFields {
    func field(_ key: String) -> TemplateField? {
        switch key {
        case "name": .of(self.name)
        case "href": .of(self.href)
        default: nil
        }
    }
}
