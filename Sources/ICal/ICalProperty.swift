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

    deinit {
        if ownsPointer { icalproperty_free(pointer) }
    }

    /// Called once the property was removed from its component: it is ours to free again.
    func detach() {
        owner = nil
        ownsPointer = true
    }

    // MARK: Reading

    /// The property name, upper case: `DTSTART`, `X-WR-CALNAME`.
    public var name: String {
        if icalproperty_isa(pointer) == ICAL_X_PROPERTY, let xName = icalproperty_get_x_name(pointer) {
            return String(cString: xName).uppercased()
        }
        return String(cString: icalproperty_kind_to_string(icalproperty_isa(pointer)))
    }

    /// The `TZID` parameter of a DATE-TIME property (`DTSTART;TZID=Europe/Sarajevo:…`).
    public var tzid: String? {
        icalproperty_get_first_parameter(pointer, ICAL_TZID_PARAMETER).flatMap(icalparameter_get_tzid).map {
            String(cString: $0)
        }
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
        guard let value = icalproperty_get_value(pointer), icalvalue_isa(value) == ICAL_INTEGER_VALUE else {
            return nil
        }
        return Int(icalvalue_get_integer(value))
    }

    /// The value of a DURATION property (`DURATION:PT1H30M`), in seconds.
    public var durationSeconds: Int? {
        guard let value = icalproperty_get_value(pointer), icalvalue_isa(value) == ICAL_DURATION_VALUE else {
            return nil
        }
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

/// A property just built and in no component yet, made by the builders below
/// (`.text(.summary, "…")`) for ``ICalComponent/add(_:)`` to hand to a component's tree. A
/// value rather than an object: a feed of a million events allocates no wrapper per property.
public struct ICalNewProperty: ~Copyable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { icalproperty_free(pointer) }

    /// Gives the libical property away, for a component's tree to own.
    consuming func handOver() -> OpaquePointer {
        let pointer = self.pointer
        discard self
        return pointer
    }

    private static func make(_ kind: ICalPropertyKind, _ value: OpaquePointer?) -> ICalNewProperty {
        ICalLibrary.prepare()
        let property = ICalNewProperty(icalproperty_new(kind.kind))
        if let name = kind.extensionName { icalproperty_set_x_name(property.pointer, name) }
        if let value { icalproperty_set_value(property.pointer, value) }
        return property
    }

    private static func wrap(_ pointer: OpaquePointer?) -> ICalNewProperty {
        ICalLibrary.prepare()
        return ICalNewProperty(pointer!)
    }

    /// A TEXT property (`SUMMARY`, `DESCRIPTION`, `X-WR-CALNAME`, …). libical escapes
    /// backslashes, commas, semicolons and newlines when writing it.
    ///
    /// Strings reach libical through `withCString`, which lends a Swift string's own bytes;
    /// passing a `String` where C wants a pointer copies it into a new array first.
    public static func text(_ kind: ICalPropertyKind, _ value: String) -> ICalNewProperty {
        make(kind, value.withCString { icalvalue_new_text($0) })
    }

    /// A URI property (`URL`, `SOURCE`).
    public static func uri(_ kind: ICalPropertyKind, _ value: String) -> ICalNewProperty {
        make(kind, value.withCString { icalvalue_new_uri($0) })
    }

    /// An INTEGER property (`SEQUENCE`).
    public static func integer(_ kind: ICalPropertyKind, _ value: Int) -> ICalNewProperty {
        make(kind, icalvalue_new_integer(Int32(clamping: value)))
    }

    /// A DATE or DATE-TIME property. A local DATE-TIME gets the `TZID` parameter; a DATE gets
    /// `VALUE=DATE`.
    public static func time(_ kind: ICalPropertyKind, _ time: ICalTime, tzid: String? = nil) -> ICalNewProperty {
        let value = time.isDate ? icalvalue_new_date(time.raw) : icalvalue_new_datetime(time.raw)
        let property = make(kind, value)
        if time.isDate {
            icalproperty_add_parameter(property.pointer, icalparameter_new_value(ICAL_VALUE_DATE))
        } else if let tzid, !time.isUTC {
            icalproperty_add_parameter(property.pointer, tzid.withCString { icalparameter_new_tzid($0) })
        }
        return property
    }

    /// A DURATION property such as `REFRESH-INTERVAL;VALUE=DURATION:PT12H`.
    public static func duration(_ kind: ICalPropertyKind, seconds: Int) -> ICalNewProperty {
        let property = make(kind, icalvalue_new_duration(icaldurationtype_from_int(Int32(clamping: seconds))))
        icalproperty_add_parameter(property.pointer, icalparameter_new_value(ICAL_VALUE_DURATION))
        return property
    }

    /// `GEO:lat;lon`.
    public static func geo(latitude: Double, longitude: Double) -> ICalNewProperty {
        wrap(icalproperty_new_geo(icalgeotype(lat: latitude, lon: longitude)))
    }

    /// `RRULE:…` from a validated rule.
    public static func recurrenceRule(_ rule: ICalRecurrence) -> ICalNewProperty {
        rule.withRaw { wrap(icalproperty_new_rrule($0)) }
    }

    /// `STATUS:CONFIRMED`, `TENTATIVE` or `CANCELLED`.
    public static func status(_ status: ICalStatus) -> ICalNewProperty {
        wrap(icalproperty_new_status(status.raw))
    }

    /// `TRANSP:OPAQUE` or `TRANSPARENT`.
    public static func transparency(_ transparency: ICalTransparency) -> ICalNewProperty {
        wrap(icalproperty_new_transp(transparency.raw))
    }

    /// `CLASS:PUBLIC`, `PRIVATE` or `CONFIDENTIAL`.
    public static func classification(_ classification: ICalClassification) -> ICalNewProperty {
        wrap(icalproperty_new_class(classification.raw))
    }

    /// `METHOD:PUBLISH`.
    public static func method(_ method: ICalMethod) -> ICalNewProperty {
        wrap(icalproperty_new_method(method.raw))
    }

    /// `CATEGORIES` with a single category. libical writes commas and semicolons in this
    /// value unescaped, and readers split on them: callers keep them out of the value.
    public static func category(_ value: String) -> ICalNewProperty {
        wrap(value.withCString { icalproperty_new_categories($0) })
    }
}
