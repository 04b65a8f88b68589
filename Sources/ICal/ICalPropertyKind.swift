import CLibical

/// The name of an iCalendar property: one libical knows, or an `X-` extension. Typed, so
/// that a misspelt name is a compile error rather than a failure when a feed is written.
public struct ICalPropertyKind: Hashable, Sendable {
    let kind: icalproperty_kind
    /// The name of an `X-` property; nil for the others.
    let extensionName: String?

    private init(_ kind: icalproperty_kind, extensionName: String? = nil) {
        self.kind = kind
        self.extensionName = extensionName
    }

    /// An extension property such as `X-WR-CALNAME`; `name` is upper case and starts with `X-`.
    /// Only the constants below use it, so a caller cannot misspell one.
    private static func `extension`(_ name: StaticString) -> ICalPropertyKind {
        ICalPropertyKind(ICAL_X_PROPERTY, extensionName: name.description)
    }

    /// Whether `property` is of this kind (for an `X-` kind: has this name, in any case).
    func matches(_ property: OpaquePointer) -> Bool {
        guard icalproperty_isa(property) == kind else { return false }
        guard let extensionName else { return true }
        return icalproperty_get_x_name(property).map { String(cString: $0).uppercased() } == extensionName
    }

    // Calendar properties.
    public static let version = ICalPropertyKind(ICAL_VERSION_PROPERTY)
    public static let productID = ICalPropertyKind(ICAL_PRODID_PROPERTY)
    public static let calendarScale = ICalPropertyKind(ICAL_CALSCALE_PROPERTY)
    public static let name = ICalPropertyKind(ICAL_NAME_PROPERTY)
    public static let refreshInterval = ICalPropertyKind(ICAL_REFRESHINTERVAL_PROPERTY)
    public static let source = ICalPropertyKind(ICAL_SOURCE_PROPERTY)
    public static let method = ICalPropertyKind(ICAL_METHOD_PROPERTY)
    /// `X-WR-CALNAME`, `X-WR-CALDESC`, `X-WR-TIMEZONE`, `X-PUBLISHED-TTL`: the older names
    /// of NAME, DESCRIPTION, the calendar's zone and REFRESH-INTERVAL that Google, Apple and
    /// Outlook read.
    public static let calendarName = `extension`("X-WR-CALNAME")
    public static let calendarDescription = `extension`("X-WR-CALDESC")
    public static let calendarTimezone = `extension`("X-WR-TIMEZONE")
    public static let publishedTTL = `extension`("X-PUBLISHED-TTL")

    // Event properties.
    public static let uid = ICalPropertyKind(ICAL_UID_PROPERTY)
    public static let timestamp = ICalPropertyKind(ICAL_DTSTAMP_PROPERTY)
    public static let start = ICalPropertyKind(ICAL_DTSTART_PROPERTY)
    public static let end = ICalPropertyKind(ICAL_DTEND_PROPERTY)
    public static let summary = ICalPropertyKind(ICAL_SUMMARY_PROPERTY)
    public static let description = ICalPropertyKind(ICAL_DESCRIPTION_PROPERTY)
    public static let location = ICalPropertyKind(ICAL_LOCATION_PROPERTY)
    public static let url = ICalPropertyKind(ICAL_URL_PROPERTY)
    public static let exceptionDate = ICalPropertyKind(ICAL_EXDATE_PROPERTY)
    public static let sequence = ICalPropertyKind(ICAL_SEQUENCE_PROPERTY)
    public static let created = ICalPropertyKind(ICAL_CREATED_PROPERTY)
    public static let lastModified = ICalPropertyKind(ICAL_LASTMODIFIED_PROPERTY)
    public static let duration = ICalPropertyKind(ICAL_DURATION_PROPERTY)
    public static let geo = ICalPropertyKind(ICAL_GEO_PROPERTY)
    public static let categories = ICalPropertyKind(ICAL_CATEGORIES_PROPERTY)
    public static let status = ICalPropertyKind(ICAL_STATUS_PROPERTY)
    public static let classification = ICalPropertyKind(ICAL_CLASS_PROPERTY)
    public static let transparency = ICalPropertyKind(ICAL_TRANSP_PROPERTY)
    public static let recurrenceRule = ICalPropertyKind(ICAL_RRULE_PROPERTY)
    public static let recurrenceID = ICalPropertyKind(ICAL_RECURRENCEID_PROPERTY)

    /// `X-LIC-ERROR`: a problem libical found while parsing, which it adds to the component
    /// (a kind of its own to libical, not an `X-` property).
    static let libicalError = ICalPropertyKind(ICAL_XLICERROR_PROPERTY)
}

/// `STATUS` of an event.
public enum ICalStatus: String, Sendable {
    case tentative = "TENTATIVE"
    case confirmed = "CONFIRMED"
    case cancelled = "CANCELLED"

    var raw: icalproperty_status {
        switch self {
        case .tentative: ICAL_STATUS_TENTATIVE
        case .confirmed: ICAL_STATUS_CONFIRMED
        case .cancelled: ICAL_STATUS_CANCELLED
        }
    }

    /// The status libical read (it reads the value in any case); nil for one that is not an
    /// event's (a task's `COMPLETED`) or not in RFC 5545.
    init?(raw: icalproperty_status) {
        switch raw {
        case ICAL_STATUS_TENTATIVE: self = .tentative
        case ICAL_STATUS_CONFIRMED: self = .confirmed
        case ICAL_STATUS_CANCELLED: self = .cancelled
        default: return nil
        }
    }
}

/// `TRANSP`: whether an event makes its attendees busy.
public enum ICalTransparency: Sendable {
    case opaque, transparent

    var raw: icalproperty_transp { self == .opaque ? ICAL_TRANSP_OPAQUE : ICAL_TRANSP_TRANSPARENT }
}

/// `CLASS`: who may see an event.
public enum ICalClassification: Sendable {
    case `public`, `private`, confidential

    var raw: icalproperty_class {
        switch self {
        case .public: ICAL_CLASS_PUBLIC
        case .private: ICAL_CLASS_PRIVATE
        case .confidential: ICAL_CLASS_CONFIDENTIAL
        }
    }

    /// The class libical read (in any case); nil for an `X-` or unknown one.
    init?(raw: icalproperty_class) {
        switch raw {
        case ICAL_CLASS_PUBLIC: self = .public
        case ICAL_CLASS_PRIVATE: self = .private
        case ICAL_CLASS_CONFIDENTIAL: self = .confidential
        default: return nil
        }
    }
}

/// `METHOD` of a calendar; a subscribed feed is `PUBLISH`.
public enum ICalMethod: Sendable {
    case publish

    var raw: icalproperty_method { ICAL_METHOD_PUBLISH }
}
