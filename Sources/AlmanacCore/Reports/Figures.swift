/// The headline numbers of one period.
struct Figures {
    var activities = 0
    var days = 0
    var countries = DistinctNames()
    /// Cities, told apart by city and country.
    var cities = DistinctNames()
    var partners = DistinctNames()
    var organised = 0
    var attended = 0

    init(_ set: ActivitySet) {
        activities = set.counted.count
        days = set.days
        for occurrence in set.counted {
            let record = occurrence.record
            countries.insert(record.place?.country)
            if let city = record.place?.cityAndCountry { cities.insert(city) }
            for partner in record.organisations { partners.insert(partner) }
            switch record.role {
            case let role? where role.isOrganiser: organised += 1
            case .some: attended += 1
            case nil: break
            }
        }
    }

    /// Each figure: its CSV key, its name in reports, its value.
    var metrics: [(key: String, name: String, value: Int)] {
        [
            ("activities", "Activities", activities),
            ("days_of_activity", "Days of activity", days),
            ("countries", "Countries", countries.count),
            ("cities", "Cities", cities.count),
            ("partner_organisations", "Partner organisations", partners.count),
            ("organised", "Organised, hosted or chaired", organised),
            ("attended", "Attended or presented", attended),
        ]
    }
}
