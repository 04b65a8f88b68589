import AlmanacModel

/// What one feed publishes this run: each event with its SEQUENCE and stamps, in the feed's
/// order (``Position``).
package struct FeedPlan {
    package struct Item {
        package var event: PublishedEvent
        var entry: FeedState.Entry
    }

    /// Where an event stands in its feed: by start (to the minute), then id. Ids are unique in
    /// a feed, so the order is total.
    struct Position: Comparable {
        var minutes: Int64
        var id: String

        static func < (lhs: Position, rhs: Position) -> Bool {
            lhs.minutes != rhs.minutes ? lhs.minutes < rhs.minutes : lhs.id < rhs.id
        }
    }

    var items: [Item] = []

    package init(items: [Item] = []) {
        self.items = items
    }
}

extension FeedPlan.Item {
    /// The item's place in its feed.
    var position: FeedPlan.Position {
        let start = event.start
        let minutes =
            ((Int64(start.year) * 100 + Int64(start.month)) * 100 + Int64(start.day)) * 10_000
            + Int64(start.hour) * 100 + Int64(start.minute)
        return FeedPlan.Position(minutes: minutes, id: event.id)
    }
}

/// Plans one feed a batch of records at a time: what each record publishes, with the SEQUENCE
/// and stamps that its entry in the previous state gives it (the entry is taken from the
/// previous state, and the new one added to the next), then, once every record is seen, the
/// cancellation notices of the events that left the feed: those the previous state still holds.
struct FeedPlanner {
    let feed: FeedDefinition
    let config: ProjectConfig
    /// Used only to stamp changes first seen in this run and to expire cancellations.
    let now: Int64

    private var grace: Int64 { Int64(config.cancelledGraceDays) * 86_400 }

    /// A planned event, its state line, and its entry in the previous state.
    private struct Planned {
        /// Nil once taken.
        var item: FeedPlan.Item?
        var line: [UInt8]
        var previous: FeedState.Entry?
    }

    /// The items of `records` that the feed publishes, in their order. Events, fingerprints,
    /// entries and their lines are made on all cores; the states are then updated in order.
    func items(for records: [EventRecord], previous: inout FeedState, next: NextFeedState) throws -> [FeedPlan.Item] {
        let chunkSize = 1024
        var planned = stride(from: 0, to: records.count, by: chunkSize).map { first in
            records[first..<min(first + chunkSize, records.count)]
        }.parallelMap { [previous] chunk in plan(chunk, previous: previous) }
        var items: [FeedPlan.Item] = []
        items.reserveCapacity(planned.reduce(0) { $0 + $1.count })
        // Each item is moved out of `planned`: a copy would retain every field.
        for chunk in planned.indices {
            for index in planned[chunk].indices {
                guard let item = planned[chunk][index].item.take() else { continue }
                let key = FeedState.Key(feed: feed.name, id: item.event.id)
                previous.remove(key)
                if planned[chunk][index].previous != item.entry { next.isModified = true }
                try next.add(key, line: planned[chunk][index].line)
                if !item.event.isCancelled || now - (item.entry.gone ?? now) < grace {
                    items.append(item)
                }
            }
        }
        return items
    }

    /// The events of `records` that the feed publishes, each with its entry, the entry's line
    /// and its entry in the previous state.
    private func plan(_ records: ArraySlice<EventRecord>, previous: FeedState) -> [Planned] {
        var planned: [Planned] = []
        // By index, and each record read where it lies: a copy retains every field.
        for index in records.indices {
            guard let event = publishedEvent(of: records[index]) else { continue }
            let key = FeedState.Key(feed: feed.name, id: event.id)
            let old = previous[key]
            let entry = Self.updated(old, for: event, hash: event.fingerprint, now: now)
            let item = FeedPlan.Item(event: event, entry: entry)
            planned.append(Planned(item: item, line: FeedState.line(key, entry), previous: old))
        }
        return planned
    }

    /// The event `record` publishes in this feed; nil for a record the feed leaves out.
    private func publishedEvent(of record: borrowing EventRecord) -> PublishedEvent? {
        guard record.visibility == .public, record.status != .draft, feed.filter.matches(record),
            let timing = record.timing
        else { return nil }
        return PublishedEvent(record: record, timing: timing, config: config)
    }

    /// Once every record is planned: the cancellation notices of the events that left the
    /// feed (the entries of the feed that the previous state still holds), within the grace
    /// period; the others are forgotten.
    func departed(previous: FeedState, next: NextFeedState) throws -> [FeedPlan.Item] {
        var items: [FeedPlan.Item] = []
        for key in previous.keys where key.feed == feed.name {
            guard let entry = previous[key],
                let tombstone = PublishedEvent(tombstoneFor: key.id, entry: entry, config: config)
            else {
                next.isModified = true
                continue
            }
            let notice = Self.updated(entry, for: tombstone, hash: tombstone.fingerprint, now: now)
            guard now - (notice.gone ?? now) < grace else {
                next.isModified = true
                continue
            }
            if notice != entry { next.isModified = true }
            try next.add(key, line: FeedState.line(key, notice))
            items.append(FeedPlan.Item(event: tombstone, entry: notice))
        }
        return items
    }

    /// The entry after publishing `event`, whose fingerprint is `hash`: a new SEQUENCE and
    /// stamp when its content changed.
    private static func updated(_ old: FeedState.Entry?, for event: PublishedEvent, hash: String, now: Int64)
        -> FeedState.Entry
    {
        var entry =
            old
            ?? FeedState.Entry(
                hash: hash, sequence: 0, created: now, modified: now, gone: nil, start: "", end: nil, tzid: nil,
                title: "")
        if let old, old.hash != hash {
            entry.hash = hash
            entry.sequence = old.sequence + 1
            entry.modified = now
        }
        entry.gone = event.isCancelled ? (old?.gone ?? now) : nil
        entry.start = event.start.description
        entry.end = event.end?.description
        entry.tzid = event.tzid
        entry.title = event.summary
        return entry
    }
}
