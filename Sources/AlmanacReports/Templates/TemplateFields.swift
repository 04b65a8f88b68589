internal import Mustache

// Templates read a report's values by name. swift-mustache finds a value by reflection
// (`Mirror`), which lists every field of a value for each name looked up: for a report of
// thousands of activities, most of its time. A report's values are handed to templates in a
// ``TemplateValue``, which gives each field by name directly: the value reflection gives (an
// optional that is nil is no value), with the report's own values in turn handed on so.

/// A report value whose fields templates read by name.
protocol TemplateFields {
    /// The field called `key`; nil when there is none or it is nil.
    func field(_ key: String) -> Any?
}

/// A report value as templates see it: its fields by name.
struct TemplateValue: MustacheParent {
    let value: any TemplateFields

    func child(named key: String) -> Any? { Self.wrapped(value.field(key)) }

    /// `value` for a template: a report value (or a list of them) handed on in a
    /// ``TemplateValue``; anything else as it is.
    static func wrapped(_ value: Any?) -> Any? {
        switch value {
        // Most values are text, numbers and flags: told apart without a conformance look-up.
        case nil, is String, is Int, is Bool: value
        case let fields as any TemplateFields: TemplateValue(value: fields)
        case let list as [any TemplateFields]: list.map { TemplateValue(value: $0) }
        default: value
        }
    }
}

extension ReportContext: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "title": self.title
        case "organisation": self.organisation
        case "period": self.period
        case "previousPeriod": self.previousPeriod
        case "lastYearPeriod": self.lastYearPeriod
        case "nextPeriod": self.nextPeriod
        case "publicOnly": self.publicOnly
        case "visibilityNote": self.visibilityNote
        case "fiscalYearStart": self.fiscalYearStart
        case "hasRecords": self.hasRecords
        case "noRecordsNote": self.noRecordsNote
        case "comparesLastYear": self.comparesLastYear
        case "lastYearHasRecords": self.lastYearHasRecords
        case "figures": self.figures
        case "logStartNote": self.logStartNote
        case "newPartners": self.newPartners
        case "newCountries": self.newCountries
        case "byCategory": self.byCategory
        case "byCountry": self.byCountry
        case "byPartner": self.byPartner
        case "byFormat": self.byFormat
        case "byMonth": self.byMonth
        case "activities": self.activities
        case "cancelled": self.cancelled
        case "highlights": self.highlights
        case "lookAhead": self.lookAhead
        case "indicators": self.indicators
        case "chart": self.chart
        case "trend": self.trend
        case "trendStartsWithLog": self.trendStartsWithLog
        case "places": self.places
        case "placesNote": self.placesNote
        case "footnotes": self.footnotes
        case "inPage": self.inPage
        case "dataQuality": self.dataQuality
        case "leftOut": self.leftOut
        case "leftOutNotice": self.leftOutNotice
        case "cutSeries": self.cutSeries
        default: nil
        }
    }
}

extension PeriodSummary: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "label": self.label
        case "name": self.name
        case "start": self.start
        case "end": self.end
        case "dates": self.dates
        case "days": self.days
        default: nil
        }
    }
}

extension FigureRow: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "figure": self.figure
        case "key": self.key
        case "name": self.name
        case "thisPeriod": self.thisPeriod
        case "previousPeriod": self.previousPeriod
        case "changeFromPrevious": self.changeFromPrevious
        case "lastYear": self.lastYear
        case "changeFromLastYear": self.changeFromLastYear
        case "previousValue": self.previousValue
        case "lastYearValue": self.lastYearValue
        case "hasPrevious": self.hasPrevious
        case "isUp": self.isUp
        case "isDown": self.isDown
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
    func field(_ key: String) -> Any? {
        switch key {
        case "name": self.name
        case "activities": self.activities
        case "days": self.days
        default: nil
        }
    }
}

extension TrendRow: CountedRow {}

extension MapPlace: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "name": self.name
        case "activities": self.activities
        case "coordinates": self.coordinates
        case "countryCode": self.countryCode
        default: nil
        }
    }
}

extension BreakdownRow: CountedRow {}

extension ActivityRow: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "id": self.id
        case "dates": self.dates
        case "times": self.times
        case "start": self.start
        case "end": self.end
        case "title": self.title
        case "url": self.url
        case "place": self.place
        case "city": self.city
        case "country": self.country
        case "category": self.category
        case "partners": self.partners
        case "role": self.role
        case "format": self.format
        case "status": self.status
        case "daysInPeriod": self.daysInPeriod
        case "isInternal": self.isInternal
        case "isTentative": self.isTentative
        default: nil
        }
    }
}

extension HighlightMonth: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "month": self.month
        case "items": self.items
        default: nil
        }
    }
}

extension Highlight: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "dates": self.dates
        case "title": self.title
        case "sentence": self.sentence
        default: nil
        }
    }
}

extension IndicatorRow: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "name": self.name
        case "target": self.target
        case "per": self.per
        case "span": self.span
        case "spanDates": self.spanDates
        case "thisPeriod": self.thisPeriod
        case "toDate": self.toDate
        case "percent": self.percent
        case "barPercent": self.barPercent
        default: nil
        }
    }
}

extension ChartReference: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "path": self.path
        case "description": self.description
        default: nil
        }
    }
}

extension DataIssue: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "title": self.title
        case "file": self.file
        case "problems": self.problems
        default: nil
        }
    }
}

extension HTMLPage: TemplateFields {
    func field(_ key: String) -> Any? {
        switch key {
        case "report": self.report
        case "title": self.title
        case "organisation": self.organisation
        case "period": self.period
        case "links": self.links
        case "body": self.body
        case "chartSVG": self.chartSVG
        case "trendSVG": self.trendSVG
        case "mapSVG": self.mapSVG
        case "pageHeader": self.pageHeader
        case "pageFooter": self.pageFooter
        case "contentSecurityPolicyMeta": self.contentSecurityPolicyMeta
        default: nil
        }
    }
}
