package import ICal

/// When an activity happens, as the record says it.
public enum EventTiming: Hashable, Sendable {
    /// Whole days, `start` through `end` inclusive ("5–6 September").
    case allDay(start: LocalDate, end: LocalDate)
    /// Wall-clock times in the record's zone; `end` may be unknown.
    case timed(start: LocalDateTime, end: LocalDateTime?)

    /// The first day of the activity.
    public var firstDay: LocalDate {
        switch self {
        case .allDay(let start, _): return start
        case .timed(let start, _): return start.date
        }
    }

    /// The last day the activity touches; one that ends at midnight ends the day before.
    public var lastDay: LocalDate {
        switch self {
        case .allDay(_, let end): return end
        case .timed(let start, let end):
            guard let end else { return start.date }
            return end.minuteOfDay == 0 && end.date > start.date ? end.date.adding(days: -1) : end.date
        }
    }

    /// How many of its days fall between `first` and `last`, both inclusive.
    public func days(from first: LocalDate, through last: LocalDate) -> Int {
        max(0, min(lastDay, last).dayNumber - max(firstDay, first).dayNumber + 1)
    }

    /// The same activity moved by `days` days.
    public func shifted(by days: Int) -> EventTiming {
        switch self {
        case .allDay(let start, let end): return .allDay(start: start.adding(days: days), end: end.adding(days: days))
        case .timed(let start, let end): return .timed(start: start.shifted(by: days), end: end?.shifted(by: days))
        }
    }

    /// Number of days it spans, at least 1.
    public var dayCount: Int { lastDay.dayNumber - firstDay.dayNumber + 1 }

    public var isAllDay: Bool {
        if case .allDay = self { return true }
        return false
    }
}

/// Where an activity takes place.
public struct Place: Hashable, Sendable {
    public var venue: String?
    public var city: String?
    public var country: String?
    /// Free text, when the record gives the location as a single line.
    public var text: String?

    public init(venue: String? = nil, city: String? = nil, country: String? = nil, text: String? = nil) {
        self.venue = venue
        self.city = city
        self.country = country
        self.text = text
    }

    /// "The Hague, Netherlands"; nil without a city.
    public var cityAndCountry: String? {
        city.map { [$0, country].compactMap { $0 }.joined(separator: ", ") }
    }

    /// One line for calendars: "Europol premises, The Hague, Netherlands".
    public var line: String? {
        if let text { return text }
        // Joined without arrays: a feed asks for the line of every event.
        var line = ""
        func add(_ part: String?) {
            guard let part, !part.isEmpty else { return }
            if !line.isEmpty { line += ", " }
            line += part
        }
        add(venue)
        add(city)
        add(country)
        return line.isEmpty ? nil : line
    }
}

public struct Coordinates: Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// A point on the globe, or nil when the latitude is not within ±90° or the longitude
    /// not within ±180° (NaN and infinity included): the rule for every source of `geo`.
    public init?(checkedLatitude latitude: Double, longitude: Double) {
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        self.init(latitude: latitude, longitude: longitude)
    }

    /// `[latitude, longitude]` read from a list of numbers, or nil when it is not two numbers in range.
    package init?(checked numbers: [Double]) {
        guard numbers.count == 2 else { return nil }
        self.init(checkedLatitude: numbers[0], longitude: numbers[1])
    }
}

/// Whether an activity is going ahead.
public enum EventStatus: String, CaseIterable, Sendable {
    case confirmed, tentative, cancelled, draft
}

/// Who may see an activity. Internal activities never reach a feed.
public enum Visibility: String, CaseIterable, Sendable {
    case `public`, `internal`
}

/// How people take part.
public enum EventFormat: String, CaseIterable, Sendable {
    case inPerson = "in-person"
    case online, hybrid
}

/// The organisation's part in an activity.
public enum EventRole: String, CaseIterable, Sendable {
    case organised
    case coOrganised = "co-organised"
    case hosted, chaired, presented, attended

    /// Organised, co-organised, hosted or chaired: the organisation ran it.
    public var isOrganiser: Bool { self != .attended && self != .presented }
}

/// One activity of the log, validated.
public struct EventRecord: Hashable, Sendable {
    public var id: String
    /// True when the record has no `id` and it was derived from the file path.
    public var idIsDerived: Bool
    public var title: String
    public var summary: String?
    /// nil for a draft without a date.
    public var timing: EventTiming?
    /// The IANA zone of timed activities: the record's, else its city's, else the project's.
    public var timezone: String
    public var place: Place?
    public var coordinates: Coordinates?
    public var category: String?
    public var tags: [String]
    public var organisations: [String]
    /// A head count; a list of names counts its names.
    public var participants: Int?
    public var participantNames: [String]
    public var role: EventRole?
    public var format: EventFormat?
    public var status: EventStatus
    public var visibility: Visibility
    public var url: String?
    public var source: String?
    /// What an importer assumed rather than read (a year from a neighbouring item, a
    /// day-first reading of 05/09/2018, a ministry's capital as the venue), for review.
    public var sourceNote: String?
    /// The recurrence rule of a series, parsed and checked once by the record checker.
    package var repeatRule: ICalRecurrence?
    /// Start dates (or date-times) left out of a series.
    public var exceptions: [EventTiming]
    /// Where the record came from, for diagnostics.
    public var origin: SourceLocation

    public init(id: String, title: String, timing: EventTiming?, timezone: String, origin: SourceLocation) {
        self.id = id
        self.idIsDerived = false
        self.title = title
        self.timing = timing
        self.timezone = timezone
        self.tags = []
        self.organisations = []
        self.participantNames = []
        self.status = .confirmed
        self.visibility = .public
        self.exceptions = []
        self.origin = origin
    }

    /// Confirmed or tentative, dated, not a draft.
    public var isScheduled: Bool { timing != nil && status != .draft && status != .cancelled }
}
