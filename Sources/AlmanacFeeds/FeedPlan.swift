import AlmanacModel

/// What one feed publishes this run: each event with its SEQUENCE and stamps, in the feed's
/// order (``precedes(_:_:)``).
package struct FeedPlan {
    package struct Item {
        package var event: PublishedEvent
        var entry: FeedState.Entry
    }

    var items: [Item] = []

    package init(items: [Item] = []) {
        self.items = items
    }

    /// The feed's order: by start (to the minute), then id. Ids are unique in a feed, so the
    /// order is total.
    static func precedes(_ lhs: (minutes: Int64, id: String), _ rhs: (minutes: Int64, id: String)) -> Bool {
        lhs.minutes != rhs.minutes ? lhs.minutes < rhs.minutes : lhs.id < rhs.id
    }
}

extension FeedPlan.Item {
    /// The start to the minute, as one number that sorts as the start does.
    var startMinutes: Int64 {
        let start = event.start
        return ((Int64(start.year) * 100 + Int64(start.month)) * 100 + Int64(start.day)) * 10_000
            + Int64(start.hour) * 100 + Int64(start.minute)
    }
}

/// Plans one feed a batch of records at a time: what each record publishes, with the SEQUENCE
/// and stamps the previous state gives it (the state is updated as it goes), then, once every
/// record is seen, the cancellation notices of the events that left the feed.
struct FeedPlanner {
    let feed: FeedDefinition
    let config: ProjectConfig
    /// Used only to stamp changes first seen in this run and to expire cancellations.
    let now: Int64
    /// The ids the feed holds this run.
    private(set) var current = Set<String>()

    init(feed: FeedDefinition, config: ProjectConfig, now: Int64) {
        self.feed = feed
        self.config = config
        self.now = now
    }

    private var grace: Int64 { Int64(config.cancelledGraceDays) * 86_400 }

    /// The items of `records` that the feed publishes, in their order. Events and their
    /// fingerprints are made on all cores; the state is then updated in order.
    mutating func items(for records: [EventRecord], state: inout FeedState) -> [FeedPlan.Item] {
        let feed = feed
        let config = config
        let chunkSize = 1024
        let events = stride(from: 0, to: records.count, by: chunkSize).map { first in
            records[first..<min(first + chunkSize, records.count)]
        }.parallelMap { chunk in
            chunk.compactMap { record -> (event: PublishedEvent, hash: String)? in
                guard record.visibility == .public, record.status != .draft, feed.filter.matches(record),
                    let timing = record.timing
                else { return nil }
                let event = PublishedEvent(record: record, timing: timing, config: config)
                return (event, event.fingerprint)
            }
        }
        var items: [FeedPlan.Item] = []
        items.reserveCapacity(events.reduce(0) { $0 + $1.count })
        current.reserveCapacity(current.count + items.capacity)
        for (event, hash) in events.joined() {
            let key = FeedState.Key(feed: feed.name, id: event.id)
            current.insert(event.id)
            let entry = Self.updated(state[key], for: event, hash: hash, now: now)
            state[key] = entry
            if !event.isCancelled || now - (entry.gone ?? now) < grace {
                items.append(FeedPlan.Item(event: event, entry: entry))
            }
        }
        return items
    }

    /// Once every record is planned: the cancellation notices of the events that left the
    /// feed, still within the grace period; the state forgets the others.
    func departed(state: inout FeedState) -> [FeedPlan.Item] {
        // Keys first: changing the state while iterating it would copy all of it.
        let departed = state.entries.keys.filter { $0.feed == feed.name && !current.contains($0.id) }
        var items: [FeedPlan.Item] = []
        for key in departed {
            guard let entry = state[key] else { continue }
            guard let tombstone = PublishedEvent(tombstoneFor: key.id, entry: entry, config: config) else {
                state[key] = nil
                continue
            }
            let notice = Self.updated(entry, for: tombstone, hash: tombstone.fingerprint, now: now)
            if now - (notice.gone ?? now) < grace {
                state[key] = notice
                items.append(FeedPlan.Item(event: tombstone, entry: notice))
            } else {
                state[key] = nil
            }
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
