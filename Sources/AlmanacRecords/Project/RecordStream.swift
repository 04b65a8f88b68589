import AlmanacModel
import Foundation

/// A project's records, read as a stream: its record files in path order, a batch of records
/// at a time, so that a command can work through a log of a million activities while holding
/// one batch. ``Project/load(from:gazetteer:progress:)`` reads it whole.
public struct RecordStream: Sendable {
    /// The project folder, absolute.
    public let directory: String
    public let config: ProjectConfig
    /// The gazetteer the records are read with: the base one plus almanac.yml's places.
    public let gazetteer: Gazetteer
    /// Every record file below `events/`, sorted by path (``Project/recordFiles(in:)``).
    public let files: [String]
    /// Bytes of a CSV log read at a time.
    package var csvBlockSize = 2 << 20
    /// YAML record files read at a time.
    static let yamlBatchSize = 4096

    /// What reading the records found, besides the records.
    public struct Summary: Sendable {
        /// Valid records handed on.
        public internal(set) var recordCount = 0
        /// How many records were left out for their errors: record files that cannot be read,
        /// spreadsheet rows with errors, and records with an id already used.
        public internal(set) var leftOut = 0
        /// Everything found wrong, in file order; then the ids used twice.
        public internal(set) var diagnostics: [Diagnostic] = []
        /// Ids claimed by record files whose records have errors.
        public internal(set) var claimedByInvalid: Set<String> = []

        /// The errors of ids used twice, reported after the files' own problems.
        var repeatedIDs: [Diagnostic] = []
        /// The file (its index in ``RecordStream/files``) of the record that uses each id; kept
        /// only when the project has more than one record file (a CSV log checks its own rows).
        var firstFile: [String: Int] = [:]
    }

    /// Opens the project in `directory`: reads almanac.yml and lists the record files. Fails
    /// only when almanac.yml cannot be used at all.
    public static func open(_ directory: String, gazetteer: Gazetteer = .bundled) -> Result<
        RecordStream, ProjectLoadError
    > {
        let directory = URL(fileURLWithPath: directory).standardizedFileURL.path
        let configPath = directory + "/" + Project.configFileName
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
        return .success(
            RecordStream(
                directory: directory, config: config, gazetteer: config.gazetteer(base: gazetteer),
                files: Project.recordFiles(in: directory + "/" + Project.eventsFolder)))
    }

    /// Reads every record file and hands the valid records to `body`, a batch at a time, in
    /// file order: a batch of YAML files (read on all cores), or a block of a CSV log. Of the
    /// records that use one id, only the first is handed on; each later one is an error.
    /// `progress` hears of each file read.
    public func read(progress: (any ProgressReporter)? = nil, _ body: ([EventRecord]) throws -> Void) rethrows
        -> Summary
    {
        // A project with a CSV log counts bytes (a log of a million rows is one file); else files.
        let sizes = files.contains(where: Self.isLog) ? files.map(Self.size) : nil
        progress?.begin(
            "Reading records", total: sizes?.reduce(0, +) ?? files.count, unit: sizes == nil ? .items : .bytes)
        defer { progress?.end() }
        var summary = Summary()
        let checker = RecordChecker(config: config, gazetteer: gazetteer)
        var index = 0
        while index < files.count {
            if Self.isLog(files[index]) {
                let reader = CSVRecords(config: config, gazetteer: gazetteer)
                let (file, blockSize) = (files[index], csvBlockSize)
                // The next block is read and checked while the caller works on this one.
                summary.leftOut += try pipeline(
                    produce: { emit in
                        (try? reader.read(logAt: file, blockSize: blockSize, progress: sizes == nil ? nil : progress) {
                            block in
                            guard emit(block) else { throw CancellationError() }
                        }) ?? 0
                    },
                    consume: { block in
                        summary.diagnostics += block.diagnostics
                        try body(firstOfEachID(block.records, file: index, summary: &summary))
                    })
                if sizes == nil { progress?.advance(by: 1) }
                index += 1
                continue
            }
            // The YAML files up to the next CSV log, in batches read on all cores, the next
            // read while the caller works on this one: at most two batches of per-file
            // results exist at a time.
            var end = index
            while end < files.count, !Self.isLog(files[end]) { end += 1 }
            let (first, last) = (index, end)
            try pipeline(
                produce: { emit in
                    for start in stride(from: first, to: last, by: Self.yamlBatchSize) {
                        let range = start..<min(start + Self.yamlBatchSize, last)
                        let folders = RegularFile.Folders(of: files[range])
                        let batch = Array(range).parallelMap { index in
                            defer { progress?.advance(by: sizes?[index] ?? 1) }
                            return readYAML(at: index, in: folders.descriptors[index - start], checker: checker)
                        }
                        guard emit(batch) else { return }
                    }
                },
                consume: { batch in
                    var records: [EventRecord] = []
                    for file in batch {
                        summary.diagnostics += file.diagnostics
                        if let record = file.record {
                            records += firstOfEachID([record], file: file.index, summary: &summary)
                        } else {
                            summary.leftOut += 1
                            summary.claimedByInvalid.insert(file.claimedID)
                        }
                    }
                    try body(records)
                })
            index = end
        }
        summary.diagnostics += summary.repeatedIDs
        summary.repeatedIDs = []
        return summary
    }

    /// Whether the record file at `path` is a CSV log (one record per row).
    private static func isLog(_ path: String) -> Bool { path.lowercased().hasSuffix(".csv") }

    /// The size of the file at `path` in bytes (0 when it cannot be read).
    private static func size(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    /// One YAML record file: its record (nil when it has errors), the id it claims, its problems.
    private func readYAML(at index: Int, in folder: Int32?, checker: RecordChecker) -> (
        index: Int, record: EventRecord?, claimedID: String, diagnostics: [Diagnostic]
    ) {
        let path = files[index]
        var found: [Diagnostic] = []
        guard let text = YAMLFile.text(at: path, in: folder, diagnostics: &found) else {
            return (index, nil, Project.derivedID(for: path, in: directory), found)
        }
        // Most files are in the plain layout, read without YAML. A record with anything to
        // report is read again through YAML, whose diagnostics then come first, as always.
        if let draft = PlainRecordText.draft(
            of: text, path: path, fallbackID: { Project.derivedID(for: path, in: directory) })
        {
            let outcome = checker.check(draft)
            if outcome.diagnostics.isEmpty, let record = outcome.record { return (index, record, record.id, []) }
        }
        let fallbackID = Project.derivedID(for: path, in: directory)
        guard let yaml = YAMLFile.parse(text, path: path, diagnostics: &found) else {
            return (index, nil, fallbackID, found)
        }
        let record = YAMLRecordSource(fallbackID: fallbackID).record(of: yaml, checker: checker, diagnostics: &found)
        return (index, record, record?.id ?? YAMLRecordSource.claimedID(in: yaml) ?? fallbackID, found)
    }

    /// The records whose id no earlier file's record uses; an error for each other one.
    private func firstOfEachID(_ records: [EventRecord], file: Int, summary: inout Summary) -> [EventRecord] {
        guard files.count > 1 else {
            summary.recordCount += records.count
            return records
        }
        summary.firstFile.reserveCapacity(summary.firstFile.count + records.count)
        // Usually every id is new: then the records are handed on as they are, not copied.
        var kept: [EventRecord]?
        // By index: iterating would copy every record, a retain per field.
        for position in records.indices {
            let id = records[position].id
            guard let first = summary.firstFile[id], first != file else {
                summary.firstFile[id] = file
                kept?.append(records[position])
                continue
            }
            if kept == nil { kept = Array(records[..<position]) }
            summary.leftOut += 1
            summary.repeatedIDs.append(
                .error(
                    records[position].origin,
                    """
                    the id '\(id)' is already used by \(RelativePath.display(files[first], from: directory)), \
                    so this record is left out
                    """,
                    hint: "ids must be unique: give one of the two records another id"))
        }
        let result = kept ?? records
        summary.recordCount += result.count
        return result
    }
}
