import AlmanacModel
import Foundation
internal import ICal

/// Writes one feed as an iCalendar file, event by event: each VEVENT is built as its own
/// small libical tree, serialised (and, when `verifies`, parsed back and checked), then
/// freed, so memory stays flat however many events the feed holds. Chunks of events are
/// built on all cores.
package struct FeedWriter {
    let config: ProjectConfig
    let feed: FeedDefinition
    /// A feed to subscribe to; false for a file that adds one event to a calendar, which
    /// carries no calendar name, description, refresh interval or source address, so that
    /// calendar apps import it into a calendar of the user's instead of making a new one.
    var subscription = true
    var verifies = false
    /// Events per unit of parallel work.
    var chunkSize = 512

    package init(
        config: ProjectConfig, feed: FeedDefinition, subscription: Bool = true, verifies: Bool = false,
        chunkSize: Int = 512
    ) {
        self.config = config
        self.feed = feed
        self.subscription = subscription
        self.verifies = verifies
        self.chunkSize = chunkSize
    }

    /// Writes the feed into a temporary file beside `path`, flushed to disk; the caller
    /// moves it into place with ``AtomicFile/commit(replacing:)`` once the state that
    /// describes it is saved.
    package func write(_ plan: FeedPlan, to path: String, progress: (any ProgressReporter)? = nil) throws -> AtomicFile
    {
        progress?.begin("Writing \(feed.fileName)", total: plan.items.count)
        defer { progress?.end() }
        let file = try AtomicFile(path: path)
        var header = calendarHeader().serialized()
        let end = "END:VCALENDAR\r\n"
        if header.hasSuffix(end) { header.removeLast(end.count) }
        try file.write(header)
        for zone in try timezones(for: plan) { try file.write(zone) }
        // Chunks of items are copied out one batch at a time, not all at once: a copy of the
        // whole plan would double its memory.
        let starts = Array(stride(from: 0, to: plan.items.count, by: chunkSize))
        let batch = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        for first in stride(from: 0, to: starts.count, by: batch) {
            let chunks = starts[first..<min(first + batch, starts.count)].map {
                Array(plan.items[$0..<min($0 + chunkSize, plan.items.count)])
            }
            let results = chunks.parallelMap(serialize)
            for result in results {
                let events = try result.get()
                try file.write(events.text)
                progress?.advance(by: events.count)
            }
        }
        try file.write(end)
        try file.flush()
        return file
    }

    // MARK: Calendar

    private func calendarHeader() -> ICalComponent {
        let calendar = ICalComponent(.calendar)
        let name =
            feed.title
            ?? (feed.name == "all" || config.feeds.count == 1 ? config.name : "\(config.name) (\(feed.name))")
        let ttl = ISODuration.text(seconds: config.refreshInterval)
        calendar.add(.text(.version, "2.0"))
        calendar.add(.text(.productID, "-//Almanac//Almanac activity calendar//EN"))
        calendar.add(.text(.calendarScale, "GREGORIAN"))
        calendar.add(.method(.publish))
        guard subscription else { return calendar }
        calendar.add(.text(.name, name))
        calendar.add(.text(.calendarName, name))
        if let description = feed.description ?? config.description {
            calendar.add(.text(.description, description))
            calendar.add(.text(.calendarDescription, description))
        }
        calendar.add(.text(.calendarTimezone, config.timezone))
        calendar.add(.duration(.refreshInterval, seconds: config.refreshInterval))
        calendar.add(.text(.publishedTTL, ttl))
        if let base = config.baseURL {
            let address = base + "/" + feed.fileName
            calendar.add(.uri(.source, address))
            calendar.add(.uri(.url, address))
        }
        return calendar
    }

    /// One VTIMEZONE per zone the feed uses, cut down to the feed's dates in that zone
    /// (from the day before its first event to a year after its last; open-ended series keep
    /// the zone's rules open-ended).
    private func timezones(for plan: FeedPlan) throws -> [String] {
        var ranges: [String: (first: LocalDate, last: LocalDate?)] = [:]
        for item in plan.items {
            guard let tzid = item.event.tzid else { continue }
            let first = item.event.start.localDate
            let last = item.event.lastDay
            if let known = ranges[tzid] {
                let later = known.last.flatMap { known in last.map { max(known, $0) } }
                ranges[tzid] = (min(known.first, first), later)
            } else {
                ranges[tzid] = (first, last)
            }
        }
        return try ranges.keys.sorted().map { tzid in
            let range = ranges[tzid]!
            let from = range.first.adding(days: -1).utcMidnight
            let through = range.last?.adding(days: 366).utcMidnight
            guard let zone = ICalTimezones.vtimezone(tzid, from: from, through: through) else {
                throw FeedError(
                    kind: .unavailable, feed: feed.name,
                    message: "the time zone '\(tzid)' is not in this machine's tzdata",
                    hint: "install the tzdata package")
            }
            return zone.serialized()
        }
    }

    // MARK: Events

    private func serialize(_ items: [FeedPlan.Item]) -> Result<(text: String, count: Int), FeedError> {
        var text = ""
        for item in items {
            let written = VEventBuilder(config: config).component(for: item).serialized()
            if verifies, let problem = VEventBuilder.verify(written, against: item) {
                return .failure(
                    FeedError(
                        kind: .internalError, feed: feed.name,
                        message: "the event '\(item.event.id)' did not read back as written: \(problem)",
                        hint: "this is a bug in Almanac; please report it with the record"))
            }
            text += written
        }
        return .success((text, items.count))
    }
}

/// Builds the VEVENT of one planned event.
struct VEventBuilder {
    let config: ProjectConfig

    func component(for item: FeedPlan.Item) -> ICalComponent {
        let event = item.event
        let entry = item.entry
        let vevent = ICalComponent(.event)
        vevent.add(.text(.uid, event.uid))
        vevent.add(.time(.timestamp, ICalTime(unixTime: entry.modified)))
        vevent.add(.time(.start, event.start, tzid: event.tzid))
        if let end = event.end { vevent.add(.time(.end, end, tzid: event.tzid)) }
        vevent.add(.text(.summary, event.summary))
        if let description = event.description { vevent.add(.text(.description, description)) }
        if let location = event.location { vevent.add(.text(.location, location)) }
        if let geo = event.coordinates { vevent.add(.geo(latitude: geo.latitude, longitude: geo.longitude)) }
        if !event.categories.isEmpty { vevent.add(.category(event.categories.joined(separator: ","))) }
        if let url = event.url { vevent.add(.uri(.url, url)) }
        vevent.add(.status(event.status))
        if let rule = event.rule {
            vevent.add(.recurrenceRule(rule))
            for exception in event.exceptions { vevent.add(.time(.exceptionDate, exception, tzid: event.tzid)) }
        }
        vevent.add(.transparency(event.start.isDate ? .transparent : .opaque))
        vevent.add(.classification(.public))
        vevent.add(.integer(.sequence, entry.sequence))
        vevent.add(.time(.created, ICalTime(unixTime: entry.created)))
        vevent.add(.time(.lastModified, ICalTime(unixTime: entry.modified)))
        return vevent
    }

    /// Parses a written VEVENT with libical and compares what subscribers key on.
    /// Returns a description of the first difference, or nil.
    static func verify(_ text: String, against item: FeedPlan.Item) -> String? {
        guard let parsed = ICalComponent.parse(text), parsed.kind == .event else { return "libical cannot parse it" }
        if !parsed.errors.isEmpty { return parsed.errors.joined(separator: "; ") }
        let event = item.event
        let uid = parsed.property(.uid)?.text
        if uid != event.uid { return "UID is \(uid ?? "missing"), expected \(event.uid)" }
        let start = parsed.property(.start)
        if start?.time != event.start || start?.tzid != event.tzid {
            return "DTSTART is \(start?.serialized() ?? "missing")"
        }
        let end = parsed.property(.end)
        if end?.time != event.end || (end != nil && end?.tzid != event.tzid) {
            return "DTEND is \(end?.serialized() ?? "missing")"
        }
        if parsed.property(.sequence)?.integer != item.entry.sequence { return "SEQUENCE differs" }
        return nil
    }
}

/// A feed could not be written.
public struct FeedError: AlmanacError {
    public let kind: ErrorKind
    public let feed: String
    public let message: String
    public let hint: String?

    public var origin: ErrorOrigin? { .subject("feed '\(feed)'") }
}
