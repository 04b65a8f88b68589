internal import AlmanacFeeds
internal import AlmanacModel
internal import AlmanacRecords
internal import AlmanacSite
import Foundation
internal import Logging
import Synchronization

/// The site being served, rebuilt from the records on disk when they change.
///
/// A build that fails — a record with errors, a broken template — never replaces the site
/// being served: subscribers keep the last good feeds, the problem is logged, and the index
/// page says what is wrong until an edit fixes it.
final class SiteStore: Sendable {
    let projectDirectory: String
    let logger: Logger
    private let state: Mutex<State>

    private struct State: Sendable {
        var snapshot: SiteSnapshot
        /// The last good build, to render the index again with problems on it.
        var model: SiteModel
        /// What the records looked like at the last build attempt.
        var signature: ProjectSignature
        /// The errors of the newer records that could not be published; empty when the
        /// site is up to date.
        var problems: [String]
    }

    /// Builds the site once; fails with the errors when the records cannot be published, as
    /// there is no good site yet to fall back on.
    init(projectDirectory: String, logger: Logger) throws(SiteBuildError) {
        self.projectDirectory = URL(fileURLWithPath: projectDirectory).standardizedFileURL.path
        self.logger = logger
        let signature = ProjectSignature.read(self.projectDirectory)
        let built = try Self.build(self.projectDirectory, previous: nil)
        state = Mutex(State(snapshot: built.snapshot, model: built.model, signature: signature, problems: []))
    }

    /// The file at `path`, from the current site.
    func file(_ path: String) -> ServedFile? {
        state.withLock { $0.snapshot.files[path] }
    }

    var problems: [String] { state.withLock { $0.problems } }

    /// Rebuilds the site when the records, the settings or the day have changed since the
    /// last attempt. Returns whether it looked again.
    @discardableResult
    func reloadIfChanged() -> Bool {
        let signature = ProjectSignature.read(projectDirectory)
        let (unchanged, previous) = state.withLock { ($0.signature == signature, $0.snapshot) }
        guard !unchanged else { return false }
        let started = Date()
        do {
            let built = try Self.build(projectDirectory, previous: previous)
            state.withLock {
                $0 = State(snapshot: built.snapshot, model: built.model, signature: signature, problems: [])
            }
            logger.info(
                "site rebuilt",
                metadata: [
                    "files": "\(built.snapshot.files.count)", "ms": "\(Int(Date().timeIntervalSince(started) * 1000))",
                ])
        } catch {
            for problem in error.problems { logger.error("not published: \(problem)") }
            logger.error(
                "the records have errors: still serving the last good site",
                metadata: ["errors": "\(error.problems.count)"])
            state.withLock { current in
                current.signature = signature
                current.problems = error.problems
                let page = SitePages.index(current.model, problems: error.problems)
                let old = current.snapshot.files[SitePages.indexFile]
                current.snapshot.files[SitePages.indexFile] = ServedFile(
                    bytes: Array(page.utf8), path: SitePages.indexFile,
                    lastModified: max(Clock.wallSeconds, (old?.lastModified ?? 0) + 1),
                    refreshInterval: current.model.config.refreshInterval, isFeed: false
                )
            }
        }
        return true
    }

    /// Builds the site in a private folder, loads it into memory and deletes the folder.
    private static func build(_ directory: String, previous: SiteSnapshot?) throws(SiteBuildError) -> (
        snapshot: SiteSnapshot, model: SiteModel
    ) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "almanac-serve-\(getpid())-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let project = try Project.load(from: directory).get()
            try PublishGuard.check(project, publishing: .servedSite)
            let clock = try Clock.fromEnvironment()
            let outcome = try SiteBuilder(project: project, clock: clock).write(to: folder)
            let snapshot = try SiteSnapshot.load(
                directory: folder, feeds: Set(outcome.feeds.map(\.fileName)),
                refreshInterval: project.config.refreshInterval, previous: previous, now: Clock.wallSeconds
            )
            return (snapshot, outcome.model)
        } catch {
            throw SiteBuildError(AlmanacFailure.from(error), directory: directory)
        }
    }
}

/// Why the site could not be built: the error, and what the index page lists. Internal, as
/// The core layers are imported internally; `almanac serve` handles it as any `AlmanacError`.
struct SiteBuildError: AlmanacError {
    /// What stopped the build: the records' errors (``PublishRefusal``), almanac.yml, a
    /// template, a file that could not be written.
    let cause: any AlmanacError
    /// The problems, one diagnostic each: the records' errors, or what `cause` stands for.
    let details: [Diagnostic]
    /// The problems as the index page and the log show them, paths relative to the project.
    let problems: [String]

    init(_ cause: any AlmanacError, directory: String) {
        self.cause = cause
        if let refusal = cause as? PublishRefusal {
            // The records' errors are the problems; the refusal itself says only that.
            details = refusal.errors
            problems = refusal.errors.map { $0.formatted(relativeTo: directory) }
        } else {
            details = cause.details
            problems =
                ((cause.diagnostic.map { [$0] } ?? []) + cause.details).map { $0.formatted(relativeTo: directory) }
                + (cause.diagnostic == nil ? [cause.formatted(relativeTo: directory)] : [])
        }
    }

    var kind: ErrorKind { cause.kind }
    var origin: ErrorOrigin? { cause.origin }
    var message: String { cause.message }
    var hint: String? { cause.hint }
}

/// What the site depends on, cheaply: almanac.yml and every record file's path, size and
/// modification time, and today's date (upcoming activities move with it).
struct ProjectSignature: Equatable, Sendable {
    private var entries: [String]

    static func read(_ directory: String) -> ProjectSignature {
        let manager = FileManager.default
        func entry(_ path: String) -> String? {
            guard let attributes = try? manager.attributesOfItem(atPath: path) else { return nil }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path)\t\(attributes[.size] as? Int ?? -1)\t\(modified)"
        }
        var entries = [Project.configFileName].compactMap { entry(directory + "/" + $0) }
        let events = directory + "/" + Project.eventsFolder
        if let walker = manager.enumerator(atPath: events) {
            while let relative = walker.nextObject() as? String {
                if let line = entry(events + "/" + relative) { entries.append(line) }
            }
        }
        entries.append("day \(Clock.wallSeconds / 86_400)")
        return ProjectSignature(entries: entries.sorted())
    }
}

extension Clock {
    /// The machine's time, for HTTP stamps (never SOURCE_DATE_EPOCH: Last-Modified must move
    /// forward with real edits).
    static var wallSeconds: Int64 { Int64(Date().timeIntervalSince1970) }
}
