import AlmanacModel
internal import ICal

/// The content of one VEVENT, before the stamps that ``FeedState`` adds.
package struct PublishedEvent: Sendable {
    package var id: String
    var uid: String
    var start: ICalTime
    var end: ICalTime?
    /// The TZID of timed events; nil for all-day ones.
    var tzid: String?
    package var summary: String
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
    init(record: borrowing EventRecord, timing: EventTiming, config: ProjectConfig) {
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
        categories = record.category.map { [$0] } ?? []
        for tag in record.tags where !categories.contains(tag) { categories.append(tag) }
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

    package var isCancelled: Bool { status == .cancelled }

    /// A fingerprint of everything subscribers see; it changes exactly when they should
    /// be told about a change.
    var fingerprint: String {
        // The digest of `key=value` lines in this order, `geo` last and only when there are
        // coordinates (the hashes in state files depend on it), taken in piece by piece
        // rather than of one string built for it: this runs for every event of every feed.
        var digest = Fingerprint()
        digest.add("uid=")
        digest.add(uid)
        digest.add("\nstart=")
        digest.add(start.description)
        digest.add("\nend=")
        digest.add(end?.description ?? "")
        digest.add("\ntzid=")
        digest.add(tzid ?? "")
        digest.add("\nsummary=")
        digest.add(summary)
        digest.add("\ndescription=")
        digest.add(description ?? "")
        digest.add("\nlocation=")
        digest.add(location ?? "")
        digest.add("\ncategories=")
        for (index, category) in categories.enumerated() {
            if index > 0 { digest.add(",") }
            digest.add(category)
        }
        digest.add("\nurl=")
        digest.add(url ?? "")
        digest.add("\nstatus=")
        digest.add(status.rawValue)
        digest.add("\nrule=")
        digest.add(rule?.description ?? "")
        digest.add("\nexceptions=")
        for (index, exception) in exceptions.enumerated() {
            if index > 0 { digest.add(",") }
            digest.add(exception.description)
        }
        if let coordinates { digest.add("\ngeo=\(coordinates.latitude),\(coordinates.longitude)") }
        return digest.hex
    }
}
