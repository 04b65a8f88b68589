import AlmanacModel

/// What one feed publishes this run: each event with its SEQUENCE and stamps, in order,
/// and the state to remember for next time.
package struct FeedPlan {
    package struct Item {
        package var event: PublishedEvent
        var entry: FeedState.Entry
    }

    var items: [Item] = []

    package init(items: [Item] = []) {
        self.items = items
    }

    /// Plans `feed` from the records and the previous state (updated in place). `now` is
    /// used only to stamp changes first seen in this run and to expire cancellations.
    static func make(
        feed: FeedDefinition, records: [EventRecord], config: ProjectConfig, state: inout FeedState, now: Int64
    ) -> FeedPlan {
        let grace = Int64(config.cancelledGraceDays) * 86_400
        var plan = FeedPlan()
        // A feed of every activity holds about one item per record: room for them at once,
        // rather than doubling (and briefly holding two buffers) as it fills.
        if feed.filter.matchesEverything { plan.items.reserveCapacity(records.count) }
        var current = Set<String>()
        for record in records
        where record.visibility == .public && record.status != .draft && feed.filter.matches(record) {
            guard let timing = record.timing else { continue }
            let event = PublishedEvent(record: record, timing: timing, config: config)
            let key = FeedState.Key(feed: feed.name, id: record.id)
            current.insert(record.id)
            let entry = updated(state[key], for: event, now: now)
            state[key] = entry
            if !event.isCancelled || now - (entry.gone ?? now) < grace {
                plan.items.append(Item(event: event, entry: entry))
            }
        }
        // Keys first: changing the state while iterating it would copy all of it.
        let departed = state.entries.keys.filter { $0.feed == feed.name && !current.contains($0.id) }
        for key in departed {
            guard let entry = state[key] else { continue }
            guard let tombstone = PublishedEvent(tombstoneFor: key.id, entry: entry, config: config) else {
                state[key] = nil
                continue
            }
            let notice = updated(entry, for: tombstone, now: now)
            if now - (notice.gone ?? now) < grace {
                state[key] = notice
                plan.items.append(Item(event: tombstone, entry: notice))
            } else {
                state[key] = nil
            }
        }
        // By start (to the minute), then id: ids are unique in a feed, so the order is total.
        // Sorted as (key, position) pairs, then the items moved into that order in place:
        // moving whole items while sorting, and building tuples of their fields at every
        // comparison, took a third of planning (and a sorted copy would double their memory).
        let order = plan.items.indices.map { index in
            let start = plan.items[index].event.start
            let minutes =
                ((Int64(start.year) * 100 + Int64(start.month)) * 100 + Int64(start.day)) * 10_000
                + Int64(start.hour) * 100 + Int64(start.minute)
            return (minutes: minutes, index: index)
        }.sorted { lhs, rhs in
            if lhs.minutes != rhs.minutes { return lhs.minutes < rhs.minutes }
            return plan.items[lhs.index].event.id < plan.items[rhs.index].event.id
        }
        plan.items.permute(into: order.map(\.index))
        return plan
    }

    /// The entry after publishing `event`: a new SEQUENCE and stamp when its content changed.
    private static func updated(_ old: FeedState.Entry?, for event: PublishedEvent, now: Int64) -> FeedState.Entry {
        let hash = event.fingerprint
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
