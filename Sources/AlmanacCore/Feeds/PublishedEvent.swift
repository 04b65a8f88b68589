import ICal

/// The content of one VEVENT, before the stamps that ``FeedState`` adds.
struct PublishedEvent: Sendable {
    var id: String
    var uid: String
    var start: ICalTime
    var end: ICalTime?
    /// The TZID of timed events; nil for all-day ones.
    var tzid: String?
    var summary: String
    var description: String?
    var location: String?
    var coordinates: Coordinates?
    var categories: [String] = []
    var url: String?
    var status: ICalStatus
    var rule: ICalRecurrence?
    var exceptions: [ICalTime] = []
    /// The last day the event, or its whole series, touches; nil for a series without end.
    var lastDay: LocalDate?

    /// A published record: all-day activities get DATE values and an exclusive DTEND.
    init(record: EventRecord, timing: EventTiming, config: ProjectConfig) {
        id = record.id
        uid = config.uid(for: record.id)
        switch timing {
        case .allDay(let first, let last):
            start = first.icalDate
            end = last.adding(days: 1).icalDate
        case .timed(let first, let last):
            start = first.icalTime
            end = last?.icalTime
            tzid = record.timezone
        }
        summary = record.title
        description = record.summary
        location = record.place?.line
        coordinates = record.coordinates
        categories = ([record.category].compactMap { $0 } + record.tags).reduce(into: []) { list, item in
            if !list.contains(item) { list.append(item) }
        }
        url = record.url
        status =
            switch record.status {
            case .tentative: .tentative
            case .cancelled: .cancelled
            default: .confirmed
            }
        rule = record.repeatRule
        exceptions = record.exceptions.map(\.startTime)
        lastDay = record.finalDay
    }

    /// The cancellation notice for an event that left the feed, rebuilt from the state.
    init?(tombstoneFor id: String, entry: FeedState.Entry, config: ProjectConfig) {
        guard let start = ICalTimeText.parse(entry.start) else { return nil }
        self.id = id
        uid = config.uid(for: id)
        self.start = start
        end = entry.end.flatMap(ICalTimeText.parse)
        tzid = entry.tzid
        summary = entry.title
        status = .cancelled
        lastDay = (end ?? start).localDate
    }

    var isCancelled: Bool { status == .cancelled }

    /// A fingerprint of everything subscribers see; it changes exactly when they should
    /// be told about a change.
    var fingerprint: String {
        var lines = [
            "uid=\(uid)", "start=\(start)", "end=\(end?.description ?? "")", "tzid=\(tzid ?? "")", "summary=\(summary)",
            "description=\(description ?? "")", "location=\(location ?? "")",
            "categories=\(categories.joined(separator: ","))",
            "url=\(url ?? "")", "status=\(status.rawValue)", "rule=\(rule?.description ?? "")",
            "exceptions=\(exceptions.map(\.description).joined(separator: ","))",
        ]
        if let coordinates { lines.append("geo=\(coordinates.latitude),\(coordinates.longitude)") }
        return Fingerprint.of(lines.joined(separator: "\n"))
    }
}

/// DATE and DATE-TIME values in their iCalendar text form, as kept in the state file.
enum ICalTimeText {
    static func parse(_ text: String) -> ICalTime? {
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
    var localDate: LocalDate {
        LocalDate(year: year, month: month, day: day) ?? LocalDate(dayNumber: 0)
    }
}

extension LocalDate {
    /// 00:00 UTC on this day.
    var utcMidnight: ICalTime {
        let (year, month, day) = components
        return ICalTime(year: year, month: month, day: day, hour: 0, minute: 0, isUTC: true)
    }

    var icalDate: ICalTime {
        let (year, month, day) = components
        return ICalTime(year: year, month: month, day: day)
    }
}

extension LocalDateTime {
    var icalTime: ICalTime {
        let (year, month, day) = date.components
        return ICalTime(year: year, month: month, day: day, hour: hour, minute: minute)
    }
}
