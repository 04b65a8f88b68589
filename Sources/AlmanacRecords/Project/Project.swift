import AlmanacModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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

    /// The extensions of record files, in lower case (any case is read).
    static let recordExtensions = ["yml", "yaml", "csv"]

    /// Every record file below `events/`, sorted by path, hidden files skipped: `.yml` and
    /// `.yaml` files hold one record each, `.csv` files one record per row.
    ///
    /// The walk is that of Foundation's `FileManager.enumerator(atPath:)` on Linux (`fts`,
    /// physical, one file system), without its URL and two path strings per entry: every entry
    /// is listed whatever its type, so that a folder or a FIFO named `*.yml` is read and
    /// reported as a file that cannot be read; folders are entered, hidden ones too, but not
    /// through a symbolic link nor onto another file system; a folder that cannot be read is
    /// listed and not entered. `folder` itself must be a folder, not a link to one.
    static func recordFiles(in folder: String) -> [String] {
        var root = stat()
        guard lstat(folder, &root) == 0, root.st_mode & S_IFMT == S_IFDIR else { return [] }
        var files: [String] = []
        // Folders still to read, relative to `folder` ("" for itself).
        var pending = [""]
        while let relativeFolder = pending.popLast() {
            guard let stream = opendir(relativeFolder.isEmpty ? folder : folder + "/" + relativeFolder) else {
                continue
            }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
                let type = entry.pointee.d_type
                if type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    if lstat(folder + "/" + relative, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
                        status.st_dev == root.st_dev
                    {
                        pending.append(relative)
                    }
                }
                if name.hasPrefix(".") { continue }
                let lowercased = name.lowercased()
                if recordExtensions.contains(where: { lowercased.hasSuffix("." + $0) }) {
                    files.append(folder + "/" + relative)
                }
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
        let relative =
            path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : (path as NSString).lastPathComponent
        // No '/' needs replacing by '-': the slug makes one '-' of every run of characters that
        // are not letters or digits.
        return Identifier.slug(deletingRecordExtension(relative), maxLength: 120)
    }

    /// `2023/board.yml` → `2023/board`, as `NSString.deletingPathExtension` has it, without
    /// two NSStrings per record file: a record file's extension (`.yml`, `.yaml`, `.csv`, in
    /// any case) after a name that starts and ends with something else than a dot is dropped
    /// here; any other path (one that Foundation would also tidy: `a//b`, `a/`) is left to it.
    static func deletingRecordExtension(_ relative: String) -> String {
        let bytes = relative.utf8
        let slash = UInt8(ascii: "/")
        var doubleSlash = false
        var previous: UInt8 = 0
        for byte in bytes {  // a loop, not `zip`: its generic iterator costs a runtime lookup
            doubleSlash = doubleSlash || (byte == slash && previous == slash)
            previous = byte
        }
        guard bytes.last != slash, !doubleSlash, let dot = bytes.lastIndex(of: UInt8(ascii: "."))
        else {
            return (relative as NSString).deletingPathExtension
        }
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        let ext = bytes[bytes.index(after: dot)...].map { $0 | 0x20 }  // ASCII lower case
        if dot > nameStart, bytes[nameStart] != UInt8(ascii: "."), bytes[bytes.index(before: dot)] != UInt8(ascii: "."),
            recordExtensions.contains(where: { ext.elementsEqual($0.utf8) })
        {
            return String(relative[..<dot])
        }
        return (relative as NSString).deletingPathExtension
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
