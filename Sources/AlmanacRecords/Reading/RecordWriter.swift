import AlmanacModel
import Foundation

/// Writes records as YAML files, `events/<year>/<id>.yml` or `<folder>/<id>.yml`, laid out
/// by `RecordFile` like every record Almanac writes. Every text is read back through the
/// record checker before anything is written, and no existing file or id is ever replaced.
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

    /// Where records are written.
    public enum Destination: Sendable {
        /// `<project>/events/<year>/<id>.yml` (`events/undated/` for drafts without a date),
        /// as `almanac new` writes them.
        case project(String)
        /// `<folder>/<id>.yml`.
        case folder(String)

        func path(of record: EventRecord) -> String {
            switch self {
            case .project(let directory):
                return Project.recordFolder(in: directory, firstDay: record.timing?.firstDay) + "/" + record.id + ".yml"
            case .folder(let folder): return folder + "/" + record.id + ".yml"
            }
        }
    }

    /// Writes each record unless its id is in `existing` (id → file), came earlier in
    /// `records` (the same item twice), or its file exists.
    /// All texts are made and checked first, so a record that fails the check stops the run
    /// before any file is written.
    public func write(_ records: [EventRecord], to destination: Destination, existing: [String: String], dryRun: Bool)
        throws -> [Outcome]
    {
        let texts = try records.map(yaml)
        var outcomes: [Outcome] = []
        var existing = existing
        for (record, text) in zip(records, texts) {
            let path = destination.path(of: record)
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
        var text = try RecordFile(record, defaultZone: defaultZone(of: record)).text()
        if record.status == .draft && record.timing == nil {
            text =
                "# Imported without a date: add `start:` (and `end:`) when it is known, then remove `status: draft`.\n"
                + text
        }
        try verify(text, of: record)
        return text
    }

    /// The zone a record gets when it names none: its city's, else the project's.
    private func defaultZone(of record: EventRecord) -> String {
        record.place?.city.flatMap { gazetteer.place(named: $0, country: record.place?.country)?.timezone }
            ?? config.timezone
    }

    /// Reads `text` back as a record: it must have no error and the same dates.
    private func verify(_ text: String, of record: EventRecord) throws {
        var diagnostics: [Diagnostic] = []
        let decoded = YAMLRecordSource(fallbackID: record.id).record(
            text: text, path: record.origin.file, checker: RecordChecker(config: config, gazetteer: gazetteer),
            diagnostics: &diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
        guard let decoded, errors.isEmpty, decoded.timing == record.timing, decoded.id == record.id else {
            throw RecordWriteError(id: record.id, problem: errors.first ?? "it does not read back as written")
        }
    }
}

/// A record could not be turned into YAML that reads back the same.
public struct RecordWriteError: AlmanacError {
    public let id: String
    public let problem: String

    public var kind: ErrorKind { .internalError }
    public var origin: ErrorOrigin? { .subject("the record '\(id)'") }
    public var message: String { "cannot be written as YAML that reads back the same: \(problem)" }
    public var hint: String? {
        "nothing more was written; this is a bug in Almanac, please report it with the input"
    }
}
