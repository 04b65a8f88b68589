import CLibical

/// A calendar date or date-time as libical sees it: no zone object, only "is it UTC".
///
/// Local times carry their zone separately, as a TZID parameter on the property.
public struct ICalTime: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// A DATE value (all day) rather than a DATE-TIME.
    public var isDate: Bool
    /// A DATE-TIME in UTC (written with a trailing `Z`).
    public var isUTC: Bool

    /// A DATE value.
    public init(year: Int, month: Int, day: Int) {
        self.init(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, isDate: true, isUTC: false)
    }

    /// A DATE-TIME value, local unless `isUTC`.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0, isUTC: Bool = false) {
        self.init(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, isDate: false, isUTC: isUTC)
    }

    private init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, isDate: Bool, isUTC: Bool) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.isDate = isDate
        self.isUTC = isUTC
    }

    /// The UTC date-time of a Unix timestamp.
    public init(unixTime: Int64) {
        ICalLibrary.prepare()
        self.init(icaltime_from_timet_with_zone(time_t(unixTime), 0, icaltimezone_get_utc_timezone()))
    }

    init(_ raw: icaltimetype) {
        self.init(
            year: Int(raw.year), month: Int(raw.month), day: Int(raw.day),
            hour: Int(raw.hour), minute: Int(raw.minute), second: Int(raw.second),
            isDate: raw.is_date != 0, isUTC: icaltime_is_utc(raw) != 0
        )
    }

    var raw: icaltimetype {
        var time = icaltime_null_time()
        time.year = Int32(year)
        time.month = Int32(month)
        time.day = Int32(day)
        time.is_date = isDate ? 1 : 0
        if !isDate {
            time.hour = Int32(hour)
            time.minute = Int32(minute)
            time.second = Int32(second)
        }
        if isUTC { time.zone = icaltimezone_get_utc_timezone() }
        return time
    }

    /// The iCalendar text form: `20230905`, `20231207T100000` or `20231207T090000Z`.
    public var description: String {
        // What libical's icaltime_as_ical_string_r writes ("%04d%02d%02dT%02d%02d%02dZ"), made
        // here for the values a calendar holds (a feed asks for two per event); libical's own
        // for any other.
        let twoDigits = 0...99
        let inRange =
            (0...9999).contains(year) && twoDigits.contains(month) && twoDigits.contains(day)
            && (isDate || (twoDigits.contains(hour) && twoDigits.contains(minute) && twoDigits.contains(second)))
        guard inRange else { return libicalText }
        return String(unsafeUninitializedCapacity: 16) { buffer in
            var count = 0
            func put(_ value: Int, digits: Int) {
                var value = value
                for offset in (0..<digits).reversed() {
                    buffer[count + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                count += digits
            }
            put(year, digits: 4)
            put(month, digits: 2)
            put(day, digits: 2)
            guard !isDate else { return count }
            buffer[count] = UInt8(ascii: "T")
            count += 1
            put(hour, digits: 2)
            put(minute, digits: 2)
            put(second, digits: 2)
            if isUTC {
                buffer[count] = UInt8(ascii: "Z")
                count += 1
            }
            return count
        }
    }
}

extension ICalTime {
    /// libical's own text of the value (`icaltime_as_ical_string_r`).
    var libicalText: String { takeString(icaltime_as_ical_string_r(raw)) ?? "" }
}

/// Copies a string libical allocated for the caller, then frees it.
func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
}
