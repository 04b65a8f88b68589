import AlmanacModel
import Foundation

/// A record about to be added to a project (`almanac new`): the values as given, written to
/// `events/<year>/<date>-<slug>.yml` under an id that no other record uses, after the same
/// checks as every record.
public struct NewRecord: Equatable, Sendable {
    public var title: String
    /// `2024-03-05` or `2024-03-05T10:00`; nil only for a draft.
    public var start: String?
    /// The last day, the end time (`16:00`) or the end date-time.
    public var end: String?
    public var timezone: String?
    public var venue: String?
    public var city: String?
    /// Filled in from the gazetteer when the city is known and no country is given.
    public var country: String?
    public var category: String?
    public var tags: [String] = []
    /// Partner organisations (the record's `organisations`).
    public var partners: [String] = []
    /// A head count.
    public var participants: String?
    public var role: String?
    public var format: String?
    public var status: String?
    public var visibility: String?
    public var url: String?
    public var summary: String?

    public init(title: String) {
        self.title = title
    }

    /// What adding the record came to.
    public enum Outcome: Sendable {
        /// Written to `path` (absolute); `warnings` are what `check` will say about it.
        case written(path: String, record: EventRecord, warnings: [Diagnostic])
        /// Not written: the values break the rules of a record. Each diagnostic names the
        /// option that gave the value (`--start: …`); `fields` are the keys of the fields
        /// with errors.
        case invalid(diagnostics: [Diagnostic], fields: Set<String>)
    }

    /// Checks the record and writes it into `project`, never over an existing file and under
    /// an id that no record of the project has (`-2`, `-3`… are added as needed). Cities are
    /// looked up in the project's gazetteer, its own `places:` included. `labels` name values
    /// in diagnostics where not their option (field key → label, e.g. `start` → `Start` for
    /// an answer to a question).
    public func add(to project: Project, labels: [String: String] = [:]) throws -> Outcome {
        let gazetteer = project.gazetteer
        let record = completed(with: gazetteer)
        let checker = RecordChecker(config: project.config, gazetteer: gazetteer)
        var taken = project.ids
        while true {
            let (id, path) = record.placement(in: project.directory, avoiding: taken)
            let checked = checker.check(record.draft(id: id, path: path, labels: labels))
            let control = record.controlCharacterErrors(path: path, labels: labels)
            guard let checkedRecord = checked.record, control.diagnostics.isEmpty else {
                return .invalid(
                    diagnostics: checked.diagnostics + control.diagnostics,
                    fields: checked.fieldsWithErrors.union(control.fields))
            }
            if try AtomicFile.create(try record.file(id: id).text(), at: path) {
                return .written(path: path, record: checkedRecord, warnings: checked.diagnostics)
            }
            // Another file appeared there since the project was read: take the next name.
            taken.insert(id)
        }
    }

    /// The values as a draft, each from its option (or `labels`' name for it).
    func draft(id: String, path: String, labels: [String: String]) -> RecordDraft {
        typealias Schema = RecordSchema
        func origin(_ field: RecordField) -> ValueOrigin {
            .option(labels[field.key] ?? field.optionLabel, file: path)
        }
        var draft = RecordDraft(origin: .option("the values", file: path), path: path, fallbackID: id)
        draft.set(Schema.id, id, at: origin(Schema.id))
        draft.set(Schema.title, title, at: origin(Schema.title))
        draft.set(Schema.start, start, at: origin(Schema.start))
        draft.set(Schema.end, end, at: origin(Schema.end))
        draft.set(Schema.timezone, timezone, at: origin(Schema.timezone))
        var parts = LocationParts()
        for (field, value) in [(Schema.venue, venue), (Schema.city, city), (Schema.country, country)] {
            if let value { parts[field] = LocationParts.Part(value, at: origin(field)) }
        }
        if let first = parts.first { draft[Schema.location] = DraftValue(.parts(parts), origin: first.origin) }
        draft.set(Schema.category, category, at: origin(Schema.category))
        draft.set(Schema.tags, list: tags, at: origin(Schema.tags))
        draft.set(Schema.organisations, list: partners, at: origin(Schema.organisations))
        draft.set(Schema.participants, participants, at: origin(Schema.participants))
        draft.set(Schema.role, role, at: origin(Schema.role))
        draft.set(Schema.format, format, at: origin(Schema.format))
        draft.set(Schema.status, status, at: origin(Schema.status))
        draft.set(Schema.visibility, visibility, at: origin(Schema.visibility))
        draft.set(Schema.url, url, at: origin(Schema.url))
        draft.set(Schema.summary, summary, at: origin(Schema.summary))
        return draft
    }

    /// Errors for values that hold a control character (ESC, BEL, …): `check` finds them in a
    /// record file, but a value given to `new` is checked before it is in one.
    func controlCharacterErrors(path: String, labels: [String: String]) -> (
        diagnostics: [Diagnostic], fields: Set<String>
    ) {
        typealias Schema = RecordSchema
        let values: [(RecordField, [String?])] = [
            (Schema.title, [title]), (Schema.start, [start]), (Schema.end, [end]), (Schema.timezone, [timezone]),
            (Schema.venue, [venue]), (Schema.city, [city]), (Schema.country, [country]), (Schema.category, [category]),
            (Schema.tags, tags), (Schema.organisations, partners), (Schema.participants, [participants]),
            (Schema.role, [role]), (Schema.format, [format]), (Schema.status, [status]),
            (Schema.visibility, [visibility]), (Schema.url, [url]), (Schema.summary, [summary]),
        ]
        var diagnostics: [Diagnostic] = []
        var fields: Set<String> = []
        for (field, texts) in values {
            guard
                let bad = texts.compactMap({ $0 }).lazy.compactMap({
                    $0.unicodeScalars.first(where: ControlCharacters.isForbidden)
                }).first
            else {
                continue
            }
            let origin = ValueOrigin.option(labels[field.key] ?? field.optionLabel, file: path)
            diagnostics.append(
                origin.error(
                    """
                    the value holds the control character \(ControlCharacters.name(bad)), which is not \
                    allowed in text
                    """,
                    hint:
                        """
                        control characters act on the terminal of whoever reads the text, and calendar files \
                        may not hold them; leave them out
                        """
                ))
            fields.insert(field.key)
        }
        return (diagnostics, fields)
    }

    /// The record with the country of its city, when the gazetteer knows the city.
    func completed(with gazetteer: Gazetteer) -> NewRecord {
        var record = self
        if record.country == nil, let city, let place = gazetteer.place(named: city) {
            record.country = place.country
        }
        return record
    }

    /// The first id and path free of `taken` ids and existing files:
    /// `events/2024/2024-03-05-team-meeting.yml`, then `…-team-meeting-2.yml`…
    func placement(in directory: String, avoiding taken: Set<String>) -> (id: String, path: String) {
        let day = start.flatMap { LocalDate(iso: $0.prefix(10)) }
        let base = Identifier.slug((day.map { "\($0)-" } ?? "") + title, maxLength: 80)
        let folder = Project.recordFolder(in: directory, firstDay: day)
        var suffix = 1
        while true {
            let id = suffix == 1 ? base : "\(base)-\(suffix)"
            let path = "\(folder)/\(id).yml"
            if !taken.contains(id), !FileManager.default.fileExists(atPath: path) {
                return (id, path)
            }
            suffix += 1
        }
    }

    /// The record file, with the values as given.
    func file(id: String) -> RecordFile {
        RecordFile(
            id: id, title: title, start: start, end: end, timezone: timezone,
            location: .parts(venue: venue, city: city, country: country), category: category, tags: tags,
            organisations: partners, participants: participants.map(RecordFile.Participants.count), role: role,
            format: format, status: status, visibility: visibility, url: url, summary: summary
        )
    }
}
