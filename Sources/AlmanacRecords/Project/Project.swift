import AlmanacModel
import Foundation

/// A calendar project on disk: `almanac.yml` and the records under `events/`.
public struct Project: Sendable {
    /// The project folder, absolute.
    public let directory: String
    public let config: ProjectConfig
    /// Valid records, in file order. Records with errors are left out (and reported), and so
    /// is every record whose id an earlier file (by path) already uses.
    public let records: [EventRecord]
    /// How many records were left out for their errors: record files that cannot be read,
    /// spreadsheet rows with errors, and records with an id already used.
    public let leftOut: Int
    /// Everything found wrong, in file order.
    public let diagnostics: [Diagnostic]
    /// Every id a record file claims, those of records with errors included.
    public let ids: Set<String>
    /// The gazetteer the records were read with: the base one plus almanac.yml's places.
    public let gazetteer: Gazetteer

    package init(
        directory: String, config: ProjectConfig, records: [EventRecord], leftOut: Int, diagnostics: [Diagnostic],
        ids: Set<String>, gazetteer: Gazetteer
    ) {
        self.directory = directory
        self.config = config
        self.records = records
        self.leftOut = leftOut
        self.diagnostics = diagnostics
        self.ids = ids
        self.gazetteer = gazetteer
    }

    public static let configFileName = "almanac.yml"
    public static let eventsFolder = "events"

    /// Loads and checks a project, all its records at once (a command that can work through
    /// them a batch at a time reads a ``RecordStream``). Fails only when `almanac.yml` cannot
    /// be used at all; every other problem is in ``diagnostics``. `progress` hears of each
    /// record file read.
    public static func load(
        from directory: String, gazetteer: Gazetteer = .bundled, progress: (any ProgressReporter)? = nil
    ) -> Result<Project, ProjectLoadError> {
        RecordStream.open(directory, gazetteer: gazetteer).map { stream in
            var records: [EventRecord] = []
            let summary = stream.read(progress: progress) { batch in
                // The first batch is taken as it is, not copied: a CSV log's records are most of
                // a run's memory.
                if records.isEmpty { records = batch } else { records += batch }
            }
            return Project(
                directory: stream.directory, config: stream.config, records: records, leftOut: summary.leftOut,
                diagnostics: summary.diagnostics, ids: Set(records.map(\.id)).union(summary.claimedByInvalid),
                gazetteer: stream.gazetteer)
        }
    }

    /// Every record file below `events/`, sorted by path, hidden files skipped: `.yml` and
    /// `.yaml` files hold one record each, `.csv` files one record per row.
    static func recordFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if [".yml", ".yaml", ".csv"].contains(where: name.lowercased().hasSuffix) {
                files.append(folder + "/" + relative)
            }
        }
        return files.sorted()
    }

    /// "2 records were left out because they have errors: run almanac check to see them.",
    /// which every command that counts or lists records shows; nil when none was.
    public static func leftOutNotice(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        let records = count == 1 ? "1 record was" : "\(count) records were"
        return
            "\(records) left out because \(count == 1 ? "it has" : "they have") errors: run almanac check to see them."
    }

    /// The folder a new record goes in: `<project>/events/<year of its first day>`, or
    /// `events/undated` for a draft without a date. `almanac new` and the importers both
    /// write there.
    public static func recordFolder(in directory: String, firstDay: LocalDate?) -> String {
        "\(directory)/\(eventsFolder)/\(firstDay.map { String($0.year) } ?? "undated")"
    }

    /// `events/2023/board.yml` → `2023-board`.
    static func derivedID(for path: String, in directory: String) -> String {
        let prefix = directory + "/" + eventsFolder + "/"
        var relative =
            path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : (path as NSString).lastPathComponent
        relative = (relative as NSString).deletingPathExtension
        return Identifier.slug(relative.replacingOccurrences(of: "/", with: "-"), maxLength: 120)
    }
}

/// `almanac.yml` is missing or unusable. The first error found is the error itself; the
/// other problems come with it as its details.
public struct ProjectLoadError: AlmanacError {
    /// Everything found wrong with almanac.yml, in file order.
    public let diagnostics: [Diagnostic]
    /// The error that stands for the others.
    private let first: Diagnostic?
    /// `.notFound` when there is no almanac.yml, else `.configuration`.
    public let kind: ErrorKind

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
        first = diagnostics.first { $0.severity == .error } ?? diagnostics.first
        kind =
            first.map { FileManager.default.fileExists(atPath: $0.location.file) } == false
            ? .notFound : .configuration
    }

    public var origin: ErrorOrigin? { first.map { .location($0.location) } }
    public var message: String { first?.message ?? "\(Project.configFileName) cannot be used" }
    public var hint: String? { first?.hint }
    public var details: [Diagnostic] {
        guard let first, let index = diagnostics.firstIndex(of: first) else { return diagnostics }
        var others = diagnostics
        others.remove(at: index)
        return others
    }
}
