import CLibical

/// An iCalendar property backed by libical. Values are escaped and folded by libical when
/// the owning component is serialised.
public final class ICalProperty {
    let pointer: OpaquePointer
    private var owner: ICalComponent?
    private var ownsPointer: Bool

    init(borrowing pointer: OpaquePointer, owner: ICalComponent) {
        self.pointer = pointer
        self.owner = owner
        self.ownsPointer = false
    }

    private init(creating pointer: OpaquePointer) {
        self.pointer = pointer
        self.owner = nil
        self.ownsPointer = true
    }

    deinit {
        if ownsPointer { icalproperty_free(pointer) }
    }

    func attach(to component: ICalComponent) {
        precondition(ownsPointer, "property already belongs to a component")
        ownsPointer = false
        owner = component
    }

    /// Called once the property was removed from its component: it is ours to free again.
    func detach() {
        owner = nil
        ownsPointer = true
    }

    private static func make(_ name: String, _ value: OpaquePointer?) -> ICalProperty {
        ICalLibrary.prepare()
        let upper = name.uppercased()
        let isExtension = upper.hasPrefix("X-")
        let kind = isExtension ? ICAL_X_PROPERTY : icalproperty_string_to_kind(upper)
        precondition(kind != ICAL_NO_PROPERTY, "unknown iCalendar property \(name)")
        let property = ICalProperty(creating: icalproperty_new(kind))
        if isExtension { icalproperty_set_x_name(property.pointer, upper) }
        if let value { icalproperty_set_value(property.pointer, value) }
        return property
    }

    // MARK: Building

    /// A TEXT property (`SUMMARY`, `DESCRIPTION`, `X-WR-CALNAME`, …). libical escapes
    /// backslashes, commas, semicolons and newlines when writing it.
    public static func text(_ name: String, _ value: String) -> ICalProperty {
        make(name, icalvalue_new_text(value))
    }

    /// A URI property (`URL`, `SOURCE`).
    public static func uri(_ name: String, _ value: String) -> ICalProperty {
        make(name, icalvalue_new_uri(value))
    }

    /// An INTEGER property (`SEQUENCE`, `PRIORITY`).
    public static func integer(_ name: String, _ value: Int) -> ICalProperty {
        make(name, icalvalue_new_integer(Int32(clamping: value)))
    }

    /// A DATE or DATE-TIME property. A local DATE-TIME gets the `TZID` parameter; a DATE gets
    /// `VALUE=DATE`.
    public static func time(_ name: String, _ time: ICalTime, tzid: String? = nil) -> ICalProperty {
        let value = time.isDate ? icalvalue_new_date(time.raw) : icalvalue_new_datetime(time.raw)
        let property = make(name, value)
        if time.isDate {
            icalproperty_add_parameter(property.pointer, icalparameter_new_value(ICAL_VALUE_DATE))
        } else if let tzid, !time.isUTC {
            icalproperty_add_parameter(property.pointer, icalparameter_new_tzid(tzid))
        }
        return property
    }

    /// A DURATION property such as `REFRESH-INTERVAL;VALUE=DURATION:PT12H`.
    public static func duration(_ name: String, seconds: Int) -> ICalProperty {
        let property = make(name, icalvalue_new_duration(icaldurationtype_from_int(Int32(clamping: seconds))))
        icalproperty_add_parameter(property.pointer, icalparameter_new_value(ICAL_VALUE_DURATION))
        return property
    }

    /// `GEO:lat;lon`.
    public static func geo(latitude: Double, longitude: Double) -> ICalProperty {
        make("GEO", icalvalue_new_geo(icalgeotype(lat: latitude, lon: longitude)))
    }

    /// `RRULE:…` from a validated rule.
    public static func recurrenceRule(_ rule: ICalRecurrence) -> ICalProperty {
        rule.withRaw { make("RRULE", icalvalue_new_recur($0)) }
    }

    /// An enumerated property (`STATUS`, `METHOD`, `CLASS`, `TRANSP`) from its iCalendar text.
    /// Returns nil when libical does not know that value.
    public static func enumerated(_ name: String, _ value: String) -> ICalProperty? {
        let property = make(name, nil)
        let kind = icalproperty_kind_to_value_kind(icalproperty_isa(property.pointer))
        guard let parsed = icalvalue_new_from_string(kind, value) else { return nil }
        icalproperty_set_value(property.pointer, parsed)
        return property
    }

    /// `CATEGORIES` with a single category. libical writes commas and semicolons in this
    /// value unescaped, and readers split on them: callers keep them out of the value.
    public static func category(_ value: String) -> ICalProperty {
        make("CATEGORIES", icalvalue_new_text(value))
    }

    /// Sets a parameter such as `TZID` or `VALUE`.
    public func setParameter(_ name: String, _ value: String) {
        icalproperty_set_parameter_from_string(pointer, name.uppercased(), value)
    }

    // MARK: Reading

    /// The property name, upper case: `DTSTART`, `X-WR-CALNAME`.
    public var name: String {
        if icalproperty_isa(pointer) == ICAL_X_PROPERTY, let xName = icalproperty_get_x_name(pointer) {
            return String(cString: xName).uppercased()
        }
        return String(cString: icalproperty_kind_to_string(icalproperty_isa(pointer)))
    }

    /// A parameter's value, such as the `TZID` of a DTSTART.
    public func parameter(_ name: String) -> String? {
        takeString(icalproperty_get_parameter_as_string_r(pointer, name.uppercased()))
    }

    /// The unescaped value of a TEXT property; for other kinds, the value as written.
    public var text: String? {
        guard let value = icalproperty_get_value(pointer) else { return nil }
        if icalvalue_isa(value) == ICAL_TEXT_VALUE, let text = icalvalue_get_text(value) {
            return String(cString: text)
        }
        return valueString
    }

    /// The value in its iCalendar text form.
    public var valueString: String? {
        takeString(icalproperty_get_value_as_string_r(pointer))
    }

    /// The value of a DATE or DATE-TIME property.
    public var time: ICalTime? {
        guard let value = icalproperty_get_value(pointer) else { return nil }
        let kind = icalvalue_isa(value)
        guard kind == ICAL_DATE_VALUE || kind == ICAL_DATETIME_VALUE else { return nil }
        let raw = icalvalue_get_datetime(value)
        return icaltime_is_null_time(raw) != 0 ? nil : ICalTime(raw)
    }

    /// The value of an INTEGER property.
    public var integer: Int? {
        guard let value = icalproperty_get_value(pointer), icalvalue_isa(value) == ICAL_INTEGER_VALUE else { return nil }
        return Int(icalvalue_get_integer(value))
    }

    /// The value of a DURATION property (`DURATION:PT1H30M`), in seconds.
    public var durationSeconds: Int? {
        guard let value = icalproperty_get_value(pointer), icalvalue_isa(value) == ICAL_DURATION_VALUE else { return nil }
        return Int(icaldurationtype_as_int(icalvalue_get_duration(value)))
    }

    /// The value of a GEO property.
    public var geo: (latitude: Double, longitude: Double)? {
        guard let value = icalproperty_get_value(pointer), icalvalue_isa(value) == ICAL_GEO_VALUE else { return nil }
        let geo = icalvalue_get_geo(value)
        return (geo.lat, geo.lon)
    }

    /// The property as one unfolded-then-refolded iCalendar line, CRLF-terminated.
    public func serialized() -> String {
        takeString(icalproperty_as_ical_string_r(pointer)) ?? ""
    }
}
