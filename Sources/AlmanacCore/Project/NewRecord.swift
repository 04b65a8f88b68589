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
        /// Not written: the values break the rules of a record. `text` is the record that was
        /// checked, which the diagnostics' lines point into.
        case invalid(diagnostics: [Diagnostic], text: String)
    }

    /// Checks the record and writes it into `project`, never over an existing file and under
    /// an id that no record of the project has (`-2`, `-3`… are added as needed). Cities are
    /// looked up in the project's gazetteer, its own `places:` included.
    public func add(to project: Project) throws -> Outcome {
        let gazetteer = project.gazetteer
        let record = completed(with: gazetteer)
        var taken = project.ids
        while true {
            let (id, path) = record.placement(in: project.directory, avoiding: taken)
            let text = try record.file(id: id).text()
            var diagnostics: [Diagnostic] = []
            let decoder = RecordDecoder(config: project.config, gazetteer: gazetteer, fallbackID: id)
            guard let decoded = decoder.decode(text, path: path, diagnostics: &diagnostics) else {
                return .invalid(diagnostics: diagnostics, text: text)
            }
            if try AtomicFile.create(text, at: path) {
                return .written(path: path, record: decoded, warnings: diagnostics)
            }
            // Another file appeared there since the project was read: take the next name.
            taken.insert(id)
        }
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
