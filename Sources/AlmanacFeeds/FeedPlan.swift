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
        plan.items.sort { lhs, rhs in
            let (l, r) = (lhs.event.start, rhs.event.start)
            return (l.year, l.month, l.day, l.hour, l.minute, lhs.event.id) < (
                r.year, r.month, r.day, r.hour, r.minute, rhs.event.id
            )
        }
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
