import AlmanacModel
import Foundation
internal import Yams

/// A record file as Almanac writes one (`almanac new`, `almanac import`): its fields as text,
/// written in ``RecordSchema``'s order (the README's "A record"), each in the style a person would write
/// it (dates plain, lists on one line, prose as a block) and quoted where YAML needs it, so
/// that every value reads back as the text it was.
struct RecordFile {
    var id: String
    var title: String
    /// `2024-03-05` or `2024-03-05T10:00`.
    var start: String?
    /// The last day, the end time (`16:00`) or the end date-time.
    var end: String?
    var timezone: String?
    var location: Location?
    /// `[latitude, longitude]`, or empty.
    var geo: [String] = []
    var category: String?
    var tags: [String] = []
    var organisations: [String] = []
    var participants: Participants?
    var role: String?
    var format: String?
    var status: String?
    var visibility: String?
    var url: String?
    var summary: String?
    var source: String?
    /// What an importer assumed (`source-note`).
    var sourceNote: String?
    /// The `repeat` rule.
    var recurrence: String?
    /// The `except` dates.
    var exceptions: [String] = []

    /// One line of text, or a map of the parts given (none: no `location`).
    enum Location {
        case text(String)
        case parts(venue: String?, city: String?, country: String?)
    }

    /// A head count, or the names of those who took part.
    enum Participants {
        case count(String)
        case names([String])
    }

    /// The file's text.
    func text() throws -> String {
        var fields: [String: Node] = ["id": YAMLText.plainNode(id), "title": YAMLText.textNode(title)]
        func add(_ key: String, _ value: String?, _ node: (String) -> Node = YAMLText.textNode) {
            if let value { fields[key] = node(value) }
        }
        func add(_ key: String, list items: [String], _ item: (String) -> Node = YAMLText.textNode) {
            if !items.isEmpty { fields[key] = YAMLText.listNode(items, item) }
        }
        add("start", start, YAMLText.plainNode)
        add("end", end, YAMLText.plainNode)
        add("timezone", timezone)
        switch location {
        case .text(let text)?:
            add("location", text)
        case .parts(let venue, let city, let country)?:
            let parts = [("venue", venue), ("city", city), ("country", country)].compactMap { key, value in
                value.map { (Node(key), YAMLText.textNode($0)) }
            }
            if !parts.isEmpty { fields["location"] = Node(parts) }
        case nil:
            break
        }
        add("geo", list: geo, YAMLText.plainNode)
        add("category", category)
        add("tags", list: tags)
        add("organisations", list: organisations)
        switch participants {
        case .count(let count)?: add("participants", count, YAMLText.plainNode)
        case .names(let names)?: add("participants", list: names)
        case nil: break
        }
        add("role", role)
        add("format", format)
        add("status", status)
        add("visibility", visibility)
        add("url", url)
        add("summary", summary, YAMLText.blockNode)
        add("source", source, YAMLText.blockNode)
        add("source-note", sourceNote)
        add("repeat", recurrence)
        add("except", list: exceptions, YAMLText.plainNode)
        let keys = RecordSchema.keys.filter { fields[$0] != nil }
        return try YAMLText.document(Node(keys.map { (Node($0), fields[$0]!) }))
    }
}

extension RecordFile {
    /// The file of a checked record. What the record would get without it is left out: the
    /// time zone of whole days, and of times when it is `defaultZone`; `visibility: public`;
    /// empty lists and prose. The status is always written.
    init(_ record: EventRecord, defaultZone: String) {
        self.init(id: record.id, title: record.title)
        switch record.timing {
        case .allDay(let start, let end)?:
            self.start = start.description
            self.end = end.description
        case .timed(let start, let end)?:
            self.start = start.description
            self.end = end?.description
            if record.timezone != defaultZone { timezone = record.timezone }
        case nil:
            break
        }
        location = record.place.map { place in
            place.text.map(Location.text) ?? .parts(venue: place.venue, city: place.city, country: place.country)
        }
        geo =
            record.coordinates.map { [String(format: "%.4f", $0.latitude), String(format: "%.4f", $0.longitude)] } ?? []
        category = record.category
        tags = record.tags
        organisations = record.organisations
        if !record.participantNames.isEmpty {
            participants = .names(record.participantNames)
        } else {
            participants = record.participants.map { .count(String($0)) }
        }
        role = record.role?.rawValue
        format = record.format?.rawValue
        status = record.status.rawValue
        if record.visibility != .public { visibility = record.visibility.rawValue }
        url = record.url
        summary = record.summary.flatMap { $0.isEmpty ? nil : $0 }
        source = record.source.flatMap { $0.isEmpty ? nil : $0 }
        sourceNote = record.sourceNote
        recurrence = record.repeatRule?.description
        exceptions = record.exceptions.map(\.firstWritten)
    }
}

extension EventTiming {
    /// The start as a record writes it: `2023-09-05` or `2023-09-05T10:00`.
    package var firstWritten: String {
        switch self {
        case .allDay(let start, _): return start.description
        case .timed(let start, _): return start.description
        }
    }
}
