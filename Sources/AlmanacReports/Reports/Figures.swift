import AlmanacModel

/// A headline figure of a report, in the order reports list them.
public enum Figure: CaseIterable, Sendable {
    case activities
    case daysOfActivity
    case countries
    case cities
    case partnerOrganisations
    case organised
    case attended

    /// Its `metric` in summary.csv, and its `key` in the templates' `figures`.
    public var key: String {
        switch self {
        case .activities: "activities"
        case .daysOfActivity: "days_of_activity"
        case .countries: "countries"
        case .cities: "cities"
        case .partnerOrganisations: "partner_organisations"
        case .organised: "organised"
        case .attended: "attended"
        }
    }

    /// Its name in reports.
    public var name: String {
        switch self {
        case .activities: "Activities"
        case .daysOfActivity: "Days of activity"
        case .countries: "Countries"
        case .cities: "Cities"
        case .partnerOrganisations: "Partner organisations"
        case .organised: "Organised, hosted or chaired"
        case .attended: "Attended or presented"
        }
    }
}

/// The headline numbers of one period: `figures[.activities]`.
public struct Figures: Sendable {
    private var activities = 0
    private var days = 0
    private(set) var countries = DistinctNames()
    /// Cities, told apart by city and country.
    private var cities = DistinctNames()
    private(set) var partners = DistinctNames()
    private var organised = 0
    private var attended = 0

    /// No activities yet.
    init() {}

    init(_ set: ActivitySet) {
        for occurrence in set.counted { add(occurrence, in: set.period) }
    }

    /// Counts `occurrence`, a counted activity of `period`; the figures do not depend on
    /// the order occurrences are added in.
    mutating func add(_ occurrence: Occurrence, in period: ReportPeriod) {
        add(occurrence.record, days: occurrence.days(in: period))
    }

    /// Counts a counted activity of `record` with `days` days in the period.
    mutating func add(_ record: borrowing EventRecord, days: Int) {
        activities += 1
        self.days += days
        countries.insert(record.place?.country)
        if let city = record.place?.cityAndCountry { cities.insert(city) }
        for partner in record.organisations { partners.insert(partner) }
        switch record.role {
        case let role? where role.isOrganiser: organised += 1
        case .some: attended += 1
        case nil: break
        }
    }

    public subscript(_ figure: Figure) -> Int {
        switch figure {
        case .activities: activities
        case .daysOfActivity: days
        case .countries: countries.count
        case .cities: cities.count
        case .partnerOrganisations: partners.count
        case .organised: organised
        case .attended: attended
        }
    }
}
