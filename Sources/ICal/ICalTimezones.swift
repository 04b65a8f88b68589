import CLibical

/// The IANA time zones libical builds from the system's tzdata (`/usr/share/zoneinfo`).
public enum ICalTimezones {
    /// Whether libical knows the IANA zone, e.g. `Europe/Sarajevo`.
    public static func isKnown(_ name: String) -> Bool {
        ICalLibrary.prepare()
        return !name.isEmpty && icaltimezone_get_builtin_timezone(name) != nil
    }

    /// A VTIMEZONE for the zone, with the plain IANA name as its TZID (not libical's
    /// `/freeassociation.sourceforge.net/` prefix) and cut down to the UTC range
    /// `from`…`through` in the form Outlook accepts (RRULE-based STANDARD/DAYLIGHT blocks).
    /// Returns nil for an unknown zone.
    public static func vtimezone(_ name: String, from start: ICalTime, through end: ICalTime?) -> ICalComponent? {
        ICalLibrary.prepare()
        guard let zone = icaltimezone_get_builtin_timezone(name),
            let borrowed = icaltimezone_get_component(zone)
        else { return nil }
        let component = ICalComponent.adopting(icalcomponent_new_clone(borrowed))
        icaltimezone_truncate_vtimezone(component.pointer, start.raw, end?.raw ?? icaltime_null_time(), 1)
        if let tzid = icalcomponent_get_first_property(component.pointer, ICAL_TZID_PROPERTY) {
            icalproperty_set_tzid(tzid, name)
        }
        return component
    }

    /// Converts a local time in one zone to another zone (`UTC` allowed).
    /// Returns nil when either zone is unknown.
    public static func convert(_ time: ICalTime, from source: String, to target: String) -> ICalTime? {
        ICalLibrary.prepare()
        guard let from = zone(source), let to = zone(target) else { return nil }
        var raw = time.raw
        raw.zone = nil
        icaltimezone_convert_time(&raw, from, to)
        var result = ICalTime(raw)
        result.isUTC = target == "UTC"
        return result
    }

    private static func zone(_ name: String) -> OpaquePointer? {
        name == "UTC" ? icaltimezone_get_utc_timezone() : icaltimezone_get_builtin_timezone(name)
    }
}
