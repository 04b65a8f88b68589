import AlmanacModel
import Foundation
internal import ICal

/// Writes one feed as an iCalendar file, event by event (through a ``FeedSpool``): each
/// VEVENT is built as its own small libical tree, serialised (and, when `verifies`, parsed
/// back and checked), then freed, so memory stays flat however many events the feed holds.
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

    /// Writes the feed of `plan` into a temporary file beside `path`, flushed to disk; the
    /// caller moves it into place with ``AtomicFile/commit(replacing:)`` once the state that
    /// describes it is saved.
    package func write(_ plan: FeedPlan, to path: String, progress: (any ProgressReporter)? = nil) throws -> AtomicFile
    {
        // The feed is about to be written there: its folder may hold the scratch file.
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let spool = try FeedSpool(writer: self, path: path, scratchFolder: folder)
        try spool.append(plan.items)
        return try spool.finish(progress: progress).file
    }

    // MARK: Calendar

    fileprivate func calendarHeader() -> ICalComponent {
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
    fileprivate func timezones(_ ranges: [String: FeedSpool.DayRange]) throws -> [String] {
        try ranges.keys.sorted().map { tzid in
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

    /// The VEVENTs of the items at `indices` of `items`, one after the other, as UTF-8 bytes,
    /// and the length of each.
    fileprivate func serialize(_ items: [FeedPlan.Item], at indices: ArraySlice<Int>) -> Result<
        (bytes: [UInt8], lengths: [Int]), FeedError
    > {
        var bytes: [UInt8] = []
        var lengths: [Int] = []
        lengths.reserveCapacity(indices.count)
        // `items[index]` each time, not a copy of the item: a copy retains every field.
        for index in indices {
            let start = bytes.count
            let length = VEventBuilder(config: config).component(for: items[index]).serialize(appendingTo: &bytes)
            if verifies,
                let problem = VEventBuilder.verify(
                    String(decoding: bytes[start...], as: UTF8.self), against: items[index])
            {
                return .failure(
                    FeedError(
                        kind: .internalError, feed: feed.name,
                        message: "the event '\(items[index].event.id)' did not read back as written: \(problem)",
                        hint: "this is a bug in Almanac; please report it with the record"))
            }
            lengths.append(length)
        }
        return .success((bytes, lengths))
    }
}

/// One feed being written, a batch of planned events at a time, so that a feed of a million
/// events is written holding none of them: each VEVENT is built as its own small libical
/// tree (on all cores), serialised into an unlinked scratch file and freed. Once every event
/// is in, ``finish(progress:)`` writes the calendar's header and time zones, then copies the
/// events from the scratch file in the feed's order.
package final class FeedSpool {
    /// The first and last day (nil: a series without end) that a feed's events touch in a zone.
    fileprivate struct DayRange {
        var first: LocalDate
        var last: LocalDate?
    }

    private let writer: FeedWriter
    private let path: String
    /// The serialised events, a batch per sorted run.
    private let spool: SortedSpool<FeedPlan.Position>
    private var zones: [String: DayRange] = [:]
    /// The planned items themselves, when the caller wants them back (the site builder does).
    private var kept: [FeedPlan.Item]?

    /// A spool for the feed `writer` writes to `path`, its scratch file in `scratchFolder`
    /// (which must exist); `keepsItems` keeps the planned items for ``finish(progress:)`` to
    /// return.
    package init(writer: FeedWriter, path: String, scratchFolder: String, keepsItems: Bool = false) throws {
        self.writer = writer
        self.path = path
        spool = try SortedSpool(in: scratchFolder, for: path)
        kept = keepsItems ? [] : nil
    }

    /// How many events the feed holds so far.
    package var count: Int { spool.count }

    /// Serialises `items` (chunks of them on all cores) into the spool, as one sorted run.
    package func append(_ items: [FeedPlan.Item]) throws {
        for item in items {
            guard let tzid = item.event.tzid else { continue }
            let first = item.event.start.localDate
            let last = item.event.lastDay
            if let known = zones[tzid] {
                let later = known.last.flatMap { known in last.map { max(known, $0) } }
                zones[tzid] = DayRange(first: min(known.first, first), last: later)
            } else {
                zones[tzid] = DayRange(first: first, last: last)
            }
        }
        // Sorted here, where the key's type is known, the events are serialised in the feed's
        // order and spooled as they come.
        let positions = items.map(\.position)
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        let chunkSize = writer.chunkSize
        let chunks = stride(from: 0, to: order.count, by: chunkSize).map {
            order[$0..<min($0 + chunkSize, order.count)]
        }
        let events = try chunks.parallelMap { writer.serialize(items, at: $0) }.map { try $0.get() }
        try spool.appendSortedRun(
            keys: order.map { positions[$0] }, lengths: events.flatMap(\.lengths), parts: events.map(\.bytes))
        kept?.append(contentsOf: order.lazy.map { items[$0] })
    }

    /// Writes the feed into a temporary file beside its path, flushed to disk, and returns
    /// it (to be moved into place with ``AtomicFile/commit(replacing:)``) with the planned
    /// items in the feed's order (none unless kept).
    package func finish(progress: (any ProgressReporter)? = nil) throws -> (file: AtomicFile, items: [FeedPlan.Item]) {
        progress?.begin("Writing \((path as NSString).lastPathComponent)", total: spool.count)
        defer { progress?.end() }
        let file = try AtomicFile(path: path)
        var header = writer.calendarHeader().serialized()
        let end = "END:VCALENDAR\r\n"
        if header.hasSuffix(end) { header.removeLast(end.count) }
        try file.write(header)
        for zone in try writer.timezones(zones) { try file.write(zone) }
        // The keys compared here, where their type is known (``SortedSpool/order(by:)``).
        let keys = spool.pieceKeys
        let order = try spool.order { keys[$0] < keys[$1] }
        try spool.copy(order, progress: progress, to: file.write)
        try file.write(end)
        try file.flush()
        guard var items = kept else { return (file, []) }
        items.permute(into: order)
        return (file, items)
    }
}

/// Builds the VEVENT of one planned event.
struct VEventBuilder {
    let config: ProjectConfig

    /// The VEVENT of `item`. Its fields are read where they lie: a copy of the event would
    /// retain every one of them.
    func component(for item: borrowing FeedPlan.Item) -> ICalComponent {
        let modified = ICalTime(unixTime: item.entry.modified)
        let vevent = ICalComponent(.event)
        vevent.add(.text(.uid, item.event.uid))
        vevent.add(.time(.timestamp, modified))
        vevent.add(.time(.start, item.event.start, tzid: item.event.tzid))
        if let end = item.event.end { vevent.add(.time(.end, end, tzid: item.event.tzid)) }
        vevent.add(.text(.summary, item.event.summary))
        if let description = item.event.description { vevent.add(.text(.description, description)) }
        if let location = item.event.location { vevent.add(.text(.location, location)) }
        if let geo = item.event.coordinates { vevent.add(.geo(latitude: geo.latitude, longitude: geo.longitude)) }
        if !item.event.categories.isEmpty { vevent.add(.category(item.event.categories.joined(separator: ","))) }
        if let url = item.event.url { vevent.add(.uri(.url, url)) }
        vevent.add(.status(item.event.status))
        if let rule = item.event.rule {
            vevent.add(.recurrenceRule(rule))
            for exception in item.event.exceptions {
                vevent.add(.time(.exceptionDate, exception, tzid: item.event.tzid))
            }
        }
        vevent.add(.transparency(item.event.start.isDate ? .transparent : .opaque))
        vevent.add(.classification(.public))
        vevent.add(.integer(.sequence, item.entry.sequence))
        vevent.add(.time(.created, ICalTime(unixTime: item.entry.created)))
        vevent.add(.time(.lastModified, modified))
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

extension Array {
    /// Puts the element at `sources[k]` at position `k`, for every k, in place: one cycle of
    /// moves at a time, holding one element aside. `sources` is a permutation of the indices.
    mutating func permute(into sources: [Int]) {
        var sources = sources
        for start in indices where sources[start] != start {
            let held = self[start]
            var target = start
            while true {
                let source = sources[target]
                sources[target] = target
                if source == start {
                    self[target] = held
                    break
                }
                self[target] = self[source]
                target = source
            }
        }
    }
}
