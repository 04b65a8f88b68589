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

    /// Loads and checks a project. Fails only when `almanac.yml` cannot be used at all; every
    /// other problem is in ``diagnostics``. `progress` hears of each record file read.
    public static func load(
        from directory: String, gazetteer: Gazetteer = .bundled, progress: (any ProgressReporter)? = nil
    ) -> Result<Project, ProjectLoadError> {
        let directory = URL(fileURLWithPath: directory).standardizedFileURL.path
        let configPath = directory + "/" + configFileName
        guard FileManager.default.fileExists(atPath: configPath) else {
            return .failure(
                ProjectLoadError(diagnostics: [
                    .error(
                        SourceLocation(file: configPath),
                        "there is no almanac.yml here, so this is not an Almanac project",
                        hint: """
                            run the command inside a project folder, pass \
                            --project DIR, or create one with `almanac init`
                            """
                    )
                ]))
        }
        var diagnostics: [Diagnostic] = []
        guard let file = YAMLFile.load(configPath, diagnostics: &diagnostics),
            let config = ConfigDecoder().decode(file, diagnostics: &diagnostics)
        else {
            return .failure(ProjectLoadError(diagnostics: diagnostics))
        }
        let gazetteer = config.gazetteer(base: gazetteer)
        let checker = RecordChecker(config: config, gazetteer: gazetteer)
        let files = recordFiles(in: directory + "/" + eventsFolder)
        progress?.begin("Reading records", total: files.count)
        defer { progress?.end() }
        // Read in batches, so that only one batch of per-file results exists beside the records.
        var records: [EventRecord] = []
        var ids = Set<String>()
        var leftOut = 0
        for batch in stride(from: 0, to: files.count, by: 4096).map({ Array(files[$0..<min($0 + 4096, files.count)]) })
        {
            let loaded = batch.parallelMap {
                path -> (records: [EventRecord], ids: [String], leftOut: Int, diagnostics: [Diagnostic]) in
                defer { progress?.advance(by: 1) }
                var found: [Diagnostic] = []
                if path.lowercased().hasSuffix(".csv") {
                    guard
                        let text = ImportInput.text(
                            at: path, controlCharacters: .reject, limit: nil, diagnostics: &found)
                    else { return ([], [], 1, found) }
                    let table = CSVRecords(config: config, gazetteer: gazetteer).records(from: text, file: path)
                    // Each row's errors are reported on its line.
                    let badRows = Set(table.diagnostics.filter { $0.severity == .error }.map(\.location.line)).count
                    return (table.records, table.records.map(\.id), badRows, found + table.diagnostics)
                }
                let fallbackID = derivedID(for: path, in: directory)
                guard let yaml = YAMLFile.load(path, diagnostics: &found) else { return ([], [fallbackID], 1, found) }
                let record = YAMLRecordSource(fallbackID: fallbackID).record(
                    of: yaml, checker: checker, diagnostics: &found)
                return (
                    record.map { [$0] } ?? [], [record?.id ?? YAMLRecordSource.claimedID(in: yaml) ?? fallbackID],
                    record == nil ? 1 : 0, found
                )
            }
            for result in loaded {
                // The first file's records are taken as they are, not copied: a CSV log's
                // records are most of a run's memory.
                if records.isEmpty { records = result.records } else { records += result.records }
                ids.formUnion(result.ids)
                leftOut += result.leftOut
                diagnostics += result.diagnostics
            }
        }
        let unique = firstOfEachID(records)
        diagnostics += unique.diagnostics
        leftOut += records.count - unique.records.count
        return .success(
            Project(
                directory: directory, config: config, records: unique.records, leftOut: leftOut,
                diagnostics: diagnostics, ids: ids, gazetteer: gazetteer))
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

    /// The records without those whose id an earlier one uses (records come in path order),
    /// and an error for each left out.
    private static func firstOfEachID(_ records: [EventRecord]) -> (records: [EventRecord], diagnostics: [Diagnostic]) {
        // Usually every id is unique: then the records are returned as they are, not copied.
        var ids = Set<String>(minimumCapacity: records.count)
        guard !records.allSatisfy({ ids.insert($0.id).inserted }) else { return (records, []) }
        var seen: [String: SourceLocation] = [:]
        var kept: [EventRecord] = []
        var diagnostics: [Diagnostic] = []
        for record in records {
            if let first = seen[record.id] {
                diagnostics.append(
                    .error(
                        record.origin,
                        "the id '\(record.id)' is already used by \(first.file), so this record is left out",
                        hint: "ids must be unique: give one of the two records another id"))
            } else {
                seen[record.id] = record.origin
                kept.append(record)
            }
        }
        return (kept, diagnostics)
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
