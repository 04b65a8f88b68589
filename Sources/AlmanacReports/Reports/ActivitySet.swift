import AlmanacModel
import Foundation

/// The activities a report counts in one period, by the counting rules: every occurrence
/// that touches the period, confirmed or tentative, internal ones too unless the report is
/// public; cancelled ones are kept apart and drafts are not counted.
struct ActivitySet {
    let period: ReportPeriod
    /// Counted occurrences, in date order.
    let counted: [Occurrence]
    /// Cancelled occurrences that touch the period, in date order.
    let cancelled: [Occurrence]
    /// Counted series cut at ``EventRecord/occurrenceLimit`` occurrences before the period's
    /// end, in file order: some of their occurrences are missing from the figures.
    let cutSeries: [EventRecord]

    init(records: [EventRecord], period: ReportPeriod, publicOnly: Bool) {
        self.period = period
        var counted: [Occurrence] = []
        var cancelled: [Occurrence] = []
        var cutSeries: [EventRecord] = []
        for record in records where !(publicOnly && record.visibility == .internal) && record.status != .draft {
            let expansion = record.expansion(touching: period)
            if record.status == .cancelled {
                cancelled += expansion.occurrences
            } else {
                counted += expansion.occurrences
                if expansion.isCut { cutSeries.append(record) }
            }
        }
        self.counted = Self.chronological(counted)
        self.cancelled = Self.chronological(cancelled)
        self.cutSeries = cutSeries
    }

    /// `occurrences` in ``Occurrence/chronologically``'s order: the same comparison (day and
    /// start time, as one number, then title and id only between those of the same day and
    /// start), sorting indices. Sorting the occurrences themselves moved each (a record
    /// each) and made a tuple of strings for every comparison.
    static func chronological(_ occurrences: [Occurrence]) -> [Occurrence] {
        let places = occurrences.map(\.dayAndStart)
        let order = occurrences.indices.sorted { left, right in
            places[left] != places[right]
                ? places[left] < places[right] : Occurrence.chronologically(occurrences[left], occurrences[right])
        }
        return order.map { occurrences[$0] }
    }

    /// Days of activity: each occurrence's days inside the period, added up.
    var days: Int { counted.reduce(0) { $0 + $1.days(in: period) } }
}

extension Occurrence {
    /// The day and start time (``chronologically``'s first keys) as one number, in their
    /// order: a whole day (start -1) before the day's timed occurrences.
    var dayAndStart: Int { firstDay.dayNumber * 65_536 + startMinute + 1 }
}

/// Names compared as people mean them: case, accents and spacing ignored ("Chisinau" and
/// "Chișinău" are one city); each keeps the spelling seen first.
struct DistinctNames {
    private(set) var names: [String] = []
    private var keys: Set<String> = []
    /// Every name inserted, as given: one seen before needs no key made again.
    private var given: Set<String> = []

    mutating func insert(_ name: String?) {
        guard let name, given.insert(name).inserted else { return }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        if keys.insert(DistinctNames.key(trimmed)).inserted { names.append(trimmed) }
    }

    func contains(_ name: String) -> Bool { keys.contains(DistinctNames.key(name)) }

    var count: Int { names.count }

    static func key(_ name: String) -> String {
        Gazetteer.key(name).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
