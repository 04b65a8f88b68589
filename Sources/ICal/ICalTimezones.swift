import CLibical
import Synchronization

/// The IANA time zones libical builds from the system's tzdata (`/usr/share/zoneinfo`).
///
/// libical loads a built-in zone, and works out its changes of offset, lazily and without a
/// lock of its own: two threads converting times at once can read a zone half expanded (a
/// test saw 10:00 on the first day of summer time converted with the winter offset). Every
/// use of libical's zones goes through one lock here.
public enum ICalTimezones {
    /// The lock, and what it guards besides libical: the answers of ``isKnown(_:)`` so far.
    private static let lock = Mutex<[String: Bool]>([:])

    /// Whether libical knows the IANA zone, e.g. `Europe/Sarajevo`. Each name is looked up
    /// once: libical searches its zones (some ten thousand instructions), and a log's rows
    /// name the same few zones again and again.
    public static func isKnown(_ name: String) -> Bool {
        ICalLibrary.prepare()
        return lock.withLock { known in
            if let answer = known[name] { return answer }
            let answer = !name.isEmpty && icaltimezone_get_builtin_timezone(name) != nil
            known[name] = answer
            return answer
        }
    }

    /// A VTIMEZONE for the zone, with the plain IANA name as its TZID (not libical's
    /// `/freeassociation.sourceforge.net/` prefix) and cut down to the UTC range
    /// `from`…`through` in the form Outlook accepts (RRULE-based STANDARD/DAYLIGHT blocks).
    /// Returns nil for an unknown zone.
    public static func vtimezone(_ name: String, from start: ICalTime, through end: ICalTime?) -> ICalComponent? {
        ICalLibrary.prepare()
        return lock.withLock { _ in truncatedVTimezone(name, from: start, through: end) }
    }

    private static func truncatedVTimezone(_ name: String, from start: ICalTime, through end: ICalTime?)
        -> ICalComponent?
    {
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
        let converted: icaltimetype? = lock.withLock { _ in
            guard let from = zone(source), let to = zone(target) else { return nil }
            var raw = time.raw
            raw.zone = nil
            icaltimezone_convert_time(&raw, from, to)
            return raw
        }
        guard let converted else { return nil }
        var result = ICalTime(converted)
        result.isUTC = target == "UTC"
        return result
    }

    private static func zone(_ name: String) -> OpaquePointer? {
        name == "UTC" ? icaltimezone_get_utc_timezone() : icaltimezone_get_builtin_timezone(name)
    }
}
