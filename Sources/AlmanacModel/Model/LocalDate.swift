/// A calendar day with no time zone: what people mean by "5 September 2023".
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// nil when the day does not exist (2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        guard let date = Self.read(iso: text) else { return nil }
        self = date
    }

    /// ``init(iso:)`` for a String, the usual caller: the same reading, compiled for String
    /// rather than through the protocol's generic calls.
    public init?(iso text: String) {
        guard let date = Self.read(iso: text) else { return nil }
        self = date
    }

    @inline(__always)
    private static func read(iso text: some StringProtocol) -> LocalDate? {
        // The usual shape straight from its bytes; anything else as before.
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> ISODigits.Reading<(Int, Int, Int)> in
            if bytes.count == 10, let date = ISODigits.date(bytes) { return .read(date) }
            // A date has ten characters: text of another length with a character per byte
            // is none (a date-time, a day-first date), without splitting it.
            return ISODigits.hasOtherLength(bytes, than: [10]) ? .none : .unknown
        }
        switch fast ?? .unknown {
        case .read(let (year, month, day)): return LocalDate(year: year, month: month, day: day)
        case .none: return nil
        case .unknown: break
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// English month names, January first.
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1 }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2023-09-05`.
    public var description: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))" }
        // The usual year written straight into its ten bytes: the same text, without the
        // strings that padding and interpolating make (a big log writes thousands of dates).
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ value: Int, at end: Int, width: Int) {
                var value = value
                for index in stride(from: end, to: end - width, by: -1) {
                    bytes[index] = UInt8(ascii: "0") &+ UInt8(value % 10)
                    value /= 10
                }
            }
            put(y, at: 3, width: 4)
            bytes[4] = UInt8(ascii: "-")
            put(m, at: 6, width: 2)
            bytes[7] = UInt8(ascii: "-")
            put(d, at: 9, width: 2)
            return 10
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A wall-clock time on a calendar day, in no particular zone.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    /// Minutes after midnight.
    public var minuteOfDay: Int

    public init(date: LocalDate, hour: Int, minute: Int) {
        self.date = date
        self.minuteOfDay = hour * 60 + minute
    }

    public var hour: Int { minuteOfDay / 60 }

    /// The same time of day, `days` days later (earlier when negative).
    public func shifted(by days: Int) -> LocalDateTime {
        LocalDateTime(date: date.adding(days: days), hour: hour, minute: minute)
    }
    public var minute: Int { minuteOfDay % 60 }

    /// Parses `YYYY-MM-DDTHH:MM` (a space instead of `T` and `:SS` of `00` are accepted).
    public init?(iso text: some StringProtocol) {
        // `YYYY-MM-DDTHH:MM` (or `:00` after it) straight from its bytes; anything else as before.
        if let (year, month, day, minutes) = text.utf8.withContiguousStorageIfAvailable({ bytes in
            ISODigits.dateTime(bytes)
        }) ?? nil {
            guard let date = LocalDate(year: year, month: month, day: day), let minutes else { return nil }
            self.init(date: date, hour: minutes / 60, minute: minutes % 60)
            return
        }
        let text = String(text)
        guard text.count >= 16 else { return nil }
        let separator = text[text.index(text.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == " ", let date = LocalDate(iso: text.prefix(10)),
            let time = LocalDateTime.timeOfDay(text.dropFirst(11))
        else { return nil }
        self.init(date: date, hour: time / 60, minute: time % 60)
    }

    /// Minutes after midnight of `HH:MM` or `HH:MM:00`.
    public static func timeOfDay(_ text: some StringProtocol) -> Int? {
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> ISODigits.Reading<Int?> in
            let bytes = UnsafeBufferPointer(rebasing: bytes[...])
            if let minutes = ISODigits.time(bytes) { return .read(minutes) }
            // `HH:MM` or `HH:MM:00`, five or eight characters (a date-time is neither).
            return ISODigits.hasOtherLength(bytes, than: [5, 8]) ? .none : .unknown
        }
        switch fast ?? .unknown {
        case .read(let minutes): return minutes
        case .none: return nil
        case .unknown: return timeOfDayInParts(text)
        }
    }

    /// `timeOfDay` read the general way, from its parts: the way for text that is not in
    /// one piece of memory, and the reference the shortcut is tested against.
    package static func timeOfDayInParts(_ text: some StringProtocol) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || (parts.count == 3 && parts[2] == "00"),
            parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.minuteOfDay) < (rhs.date, rhs.minuteOfDay)
    }

    /// `2023-12-07T10:00`.
    public var description: String { "\(date)T\(timeText)" }

    /// The time of day alone: `10:00`.
    public var timeText: String { "\(pad(hour, 2)):\(pad(minute, 2))" }
}

package func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// ISO dates and times of the one usual shape, read from their bytes: the general parsers
/// split generic strings, which cost thousands of instructions per date of a big CSV log.
/// Each returns nil when the bytes are not exactly of that shape, and the caller then reads
/// them the general way, so only well-formed digits take this path.
enum ISODigits {
    /// The value of the ASCII digits in `range`, nil if any is not a digit.
    /// What the bytes say: a value read, certainly none, or ask the general code.
    enum Reading<Value> {
        case read(Value)
        case none
        case unknown
    }

    /// Whether text of these bytes has a number of characters other than `lengths`, known
    /// without counting characters: fewer bytes than the least, or plain ASCII without a
    /// carriage return (which joins a line feed into one character), where a byte is a
    /// character.
    static func hasOtherLength(_ bytes: UnsafeBufferPointer<UInt8>, than lengths: [Int]) -> Bool {
        if bytes.count < lengths.min() ?? 0 { return true }
        guard !lengths.contains(bytes.count) else { return false }
        return bytes.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") }
    }

    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// `YYYY-MM-DD` at the start of `bytes`.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = value(bytes, 0..<4), let month = value(bytes, 5..<7), let day = value(bytes, 8..<10)
        else { return nil }
        return (year, month, day)
    }

    /// Minutes after midnight of exactly `HH:MM` or `HH:MM:00`: nil for another shape, and
    /// .some(nil) for an hour or minute out of range.
    static func time(_ bytes: UnsafeBufferPointer<UInt8>) -> Int?? {
        guard
            bytes.count == 5
                || (bytes.count == 8 && bytes[5] == UInt8(ascii: ":") && bytes[6] == UInt8(ascii: "0")
                    && bytes[7] == UInt8(ascii: "0")),
            bytes[2] == UInt8(ascii: ":"), let hour = value(bytes, 0..<2), let minute = value(bytes, 3..<5)
        else { return nil }
        return (0...23).contains(hour) && (0...59).contains(minute) ? .some(hour * 60 + minute) : .some(nil)
    }

    /// `YYYY-MM-DDTHH:MM` (or with a space for `T`, or `:00` after it): the date's numbers and
    /// the minutes after midnight (nil when out of range).
    static func dateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int, Int?)? {
        guard bytes.count == 16 || bytes.count == 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            let (year, month, day) = date(bytes), let minutes = time(UnsafeBufferPointer(rebasing: bytes[11...]))
        else { return nil }
        return (year, month, day, minutes)
    }
}
