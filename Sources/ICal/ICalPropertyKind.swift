import CLibical

/// The name of an iCalendar property: one libical knows, or an `X-` extension. Typed, so
/// that a misspelt name is a compile error rather than a failure when a feed is written.
public struct ICalPropertyKind: Sendable {
    let kind: icalproperty_kind
    /// The name of an `X-` property; nil for the others.
    let extensionName: String?

    private init(_ kind: icalproperty_kind, extensionName: String? = nil) {
        self.kind = kind
        self.extensionName = extensionName
    }

    /// An extension property such as `X-WR-CALNAME`; `name` must start with `X-`.
    public static func `extension`(_ name: String) -> ICalPropertyKind {
        precondition(name.uppercased().hasPrefix("X-"), "an extension property's name starts with X-")
        return ICalPropertyKind(ICAL_X_PROPERTY, extensionName: name.uppercased())
    }

    // Calendar properties.
    public static let version = ICalPropertyKind(ICAL_VERSION_PROPERTY)
    public static let productID = ICalPropertyKind(ICAL_PRODID_PROPERTY)
    public static let calendarScale = ICalPropertyKind(ICAL_CALSCALE_PROPERTY)
    public static let name = ICalPropertyKind(ICAL_NAME_PROPERTY)
    public static let refreshInterval = ICalPropertyKind(ICAL_REFRESHINTERVAL_PROPERTY)
    public static let source = ICalPropertyKind(ICAL_SOURCE_PROPERTY)

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
}

/// `METHOD` of a calendar; a subscribed feed is `PUBLISH`.
public enum ICalMethod: Sendable {
    case publish

    var raw: icalproperty_method { ICAL_METHOD_PUBLISH }
}
