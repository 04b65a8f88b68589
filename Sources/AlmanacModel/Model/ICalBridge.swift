package import ICal

/// DATE and DATE-TIME values in their iCalendar text form, as kept in the state file.
package enum ICalTimeText {
    package static func parse(_ text: String) -> ICalTime? {
        let digits = Array(text.utf8)
        func number(_ from: Int, _ length: Int) -> Int? {
            guard from + length <= digits.count else { return nil }
            return Int(String(decoding: digits[from..<(from + length)], as: UTF8.self))
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2) else { return nil }
        if digits.count == 8 { return ICalTime(year: year, month: month, day: day) }
        guard digits.count >= 15, digits[8] == UInt8(ascii: "T"), let hour = number(9, 2), let minute = number(11, 2),
            let second = number(13, 2)
        else { return nil }
        return ICalTime(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            isUTC: digits.count == 16 && digits[15] == UInt8(ascii: "Z"))
    }
}

extension ICalTime {
    /// The calendar day of this value, ignoring its time and zone.
    package var localDate: LocalDate {
        LocalDate(year: year, month: month, day: day) ?? LocalDate(dayNumber: 0)
    }
}

extension LocalDate {
    /// 00:00 UTC on this day.
    package var utcMidnight: ICalTime {
        let (year, month, day) = components
        return ICalTime(year: year, month: month, day: day, hour: 0, minute: 0, isUTC: true)
    }

    package var icalDate: ICalTime {
        let (year, month, day) = components
        return ICalTime(year: year, month: month, day: day)
    }
}

extension LocalDateTime {
    package var icalTime: ICalTime {
        let (year, month, day) = date.components
        return ICalTime(year: year, month: month, day: day, hour: hour, minute: minute)
    }
}
