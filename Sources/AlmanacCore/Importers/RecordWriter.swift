import Foundation
import Yams

/// Writes records as YAML files, `<folder>/<id>.yml`, fields in a fixed, readable order and
/// `summary` and `source` as literal blocks. Every text is read back through the record
/// checker before anything is written, and no existing file or id is ever replaced.
public struct RecordWriter: Sendable {
    public let config: ProjectConfig
    public let gazetteer: Gazetteer

    public init(config: ProjectConfig, gazetteer: Gazetteer) {
        self.config = config
        self.gazetteer = gazetteer
    }

    /// What happened to one record.
    public enum Outcome: Equatable, Sendable {
        case written(path: String)
        /// `--dry-run`: it would have been written.
        case wouldWrite(path: String)
        /// A record with this id exists already (at `path`), so nothing was written.
        case exists(path: String)
    }

    /// Writes each record unless its id is in `existing` (id → file), came earlier in
    /// `records` (the same item twice), or its file exists.
    /// All texts are made and checked first, so a record that fails the check stops the run
    /// before any file is written.
    public func write(_ records: [EventRecord], into folder: String, existing: [String: String], dryRun: Bool) throws -> [Outcome] {
        let texts = try records.map(yaml)
        var outcomes: [Outcome] = []
        var existing = existing
        for (record, text) in zip(records, texts) {
            let path = folder + "/" + record.id + ".yml"
            defer { existing[record.id] = existing[record.id] ?? path }
            if let other = existing[record.id] {
                outcomes.append(.exists(path: other))
            } else if FileManager.default.fileExists(atPath: path) {
                outcomes.append(.exists(path: path))
            } else if dryRun {
                outcomes.append(.wouldWrite(path: path))
            } else {
                outcomes.append(try AtomicFile.create(text, at: path) ? .written(path: path) : .exists(path: path))
            }
        }
        return outcomes
    }

    /// The YAML text of `record`, checked by reading it back.
    public func yaml(for record: EventRecord) throws -> String {
        let node = Node.mapping(Node.Mapping(fields(of: record).map { (Node($0.key), $0.value) }))
        var text = try Yams.serialize(node: node, width: -1, allowUnicode: true)
        if record.status == .draft && record.timing == nil {
            text = "# Imported without a date: add `start:` (and `end:`) when it is known, then remove `status: draft`.\n" + text
        }
        try verify(text, of: record)
        return text
    }

    private func fields(of record: EventRecord) -> [(key: String, value: Node)] {
        var fields: [(key: String, value: Node)] = [("id", scalar(record.id)), ("title", scalar(record.title))]
        switch record.timing {
        case let .allDay(start, end)?:
            fields += [("start", scalar(start.description)), ("end", scalar(end.description))]
        case let .timed(start, end)?:
            fields.append(("start", scalar(start.description)))
            if let end { fields.append(("end", scalar(end.description))) }
        case nil:
            break
        }
        if case .timed? = record.timing, record.timezone != defaultZone(of: record) {
            fields.append(("timezone", scalar(record.timezone)))
        }
        if let place = record.place {
            if let text = place.text {
                fields.append(("location", scalar(text)))
            } else {
                let parts = [("venue", place.venue), ("city", place.city), ("country", place.country)].compactMap { key, value in value.map { (Node(key), scalar($0)) } }
                if !parts.isEmpty { fields.append(("location", .mapping(Node.Mapping(parts)))) }
            }
        }
        if let geo = record.coordinates {
            fields.append(("geo", list([String(format: "%.4f", geo.latitude), String(format: "%.4f", geo.longitude)])))
        }
        if let category = record.category { fields.append(("category", scalar(category))) }
        if !record.tags.isEmpty { fields.append(("tags", list(record.tags))) }
        if !record.organisations.isEmpty { fields.append(("organisations", list(record.organisations))) }
        if !record.participantNames.isEmpty {
            fields.append(("participants", list(record.participantNames)))
        } else if let count = record.participants {
            fields.append(("participants", scalar(String(count))))
        }
        if let role = record.role { fields.append(("role", scalar(role.rawValue))) }
        if let format = record.format { fields.append(("format", scalar(format.rawValue))) }
        fields.append(("status", scalar(record.status.rawValue)))
        if record.visibility != .public { fields.append(("visibility", scalar(record.visibility.rawValue))) }
        if let url = record.url { fields.append(("url", scalar(url))) }
        if let rule = record.repeatRule { fields.append(("repeat", scalar(rule))) }
        if !record.exceptions.isEmpty { fields.append(("except", list(record.exceptions.map(\.firstWritten)))) }
        if let summary = record.summary, !summary.isEmpty { fields.append(("summary", block(summary))) }
        if let source = record.source, !source.isEmpty { fields.append(("source", block(source))) }
        return fields
    }

    /// The zone a record gets when it names none: its city's, else the project's.
    private func defaultZone(of record: EventRecord) -> String {
        record.place?.city.flatMap { gazetteer.place(named: $0, country: record.place?.country)?.timezone } ?? config.timezone
    }

    /// Reads `text` back as a record: it must have no error and the same dates.
    private func verify(_ text: String, of record: EventRecord) throws {
        var diagnostics: [Diagnostic] = []
        let root = try Yams.compose(yaml: text)
        let file = YAMLFile(path: record.origin.file, root: root)
        let decoded = RecordDecoder(config: config, gazetteer: gazetteer, fallbackID: record.id).decode(file, diagnostics: &diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
        guard let decoded, errors.isEmpty, decoded.timing == record.timing, decoded.id == record.id else {
            throw RecordWriteError(id: record.id, problem: errors.first ?? "it does not read back as written")
        }
    }

    private func scalar(_ text: String) -> Node {
        // Text that YAML would read as "nothing" is quoted.
        let style: Node.Scalar.Style = ["", "~", "null", "Null", "NULL"].contains(text) ? .singleQuoted : .any
        return .scalar(Node.Scalar(text, .implicit, style))
    }

    private func block(_ text: String) -> Node {
        .scalar(Node.Scalar(text, .implicit, .literal))
    }

    private func list(_ items: [String]) -> Node {
        .sequence(Node.Sequence(items.map(scalar), .implicit, .flow))
    }
}

/// A record could not be turned into YAML that reads back the same.
public struct RecordWriteError: Error, CustomStringConvertible {
    public let id: String
    public let problem: String
    public var description: String { "the record '\(id)' cannot be written: \(problem)" }
}

extension EventTiming {
    /// The start as a record writes it: `2023-09-05` or `2023-09-05T10:00`.
    var firstWritten: String {
        switch self {
        case let .allDay(start, _): return start.description
        case let .timed(start, _): return start.description
        }
    }
}
