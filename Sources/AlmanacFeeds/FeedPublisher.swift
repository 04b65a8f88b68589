import AlmanacModel
import AlmanacRecords
import Foundation

/// What one feed run wrote.
public struct FeedOutcome: Sendable {
    /// The feed's name.
    public let feed: String
    public let path: String
    public let events: Int
    /// What the feed holds, in order, with the SEQUENCE and stamps it was written with (empty
    /// unless the publisher ``FeedPublisher/keepsItems``).
    package let items: [FeedPlan.Item]

    /// `<name>.ics`.
    public var fileName: String { FeedDefinition.fileName(of: feed) }
}

/// Writes every configured feed of a project and keeps its state file.
///
/// Publishing is a transaction: every feed is written to a temporary file and flushed, then
/// the state that describes them is saved (flushed, renamed, folder flushed), and only then
/// are the feeds renamed into place. A failure or a kill at any point leaves either the old
/// feeds or feeds the saved state describes, so a SEQUENCE number is never published for one
/// content and then reused for another.
public struct FeedPublisher {
    /// The project folder, absolute.
    public let directory: String
    public let config: ProjectConfig
    public let clock: Clock
    /// Parse every written VEVENT back with libical and compare it with what was meant
    /// (`almanac feed --verify`); the test suite always does.
    public var verifiesEvents = false
    /// Keep each feed's planned items in its ``FeedOutcome`` (the site builder reads them);
    /// `almanac feed` does not, so that none is held beyond its batch.
    public var keepsItems = true
    /// Where the records come from.
    private let source: Source

    /// The records: loaded (and checked) already, or read as the feeds are written.
    private enum Source {
        case loaded(Project)
        case stream(RecordStream)
    }

    /// The steps of a publish, for tests that make one of them fail.
    enum Step: Equatable {
        /// The feed is written to its temporary file; nothing is published.
        case written(feed: String)
        /// The state is saved; no feed is in place yet.
        case stateSaved
        /// The feed is in place.
        case published(feed: String)
    }

    /// Runs after each step; a test throws from it to stop the publish there.
    var afterStep: (Step) throws -> Void = { _ in }

    /// Publishes a loaded project's records.
    public init(project: Project, clock: Clock) {
        directory = project.directory
        config = project.config
        self.clock = clock
        source = .loaded(project)
    }

    /// Publishes the records of `stream`, reading them a batch at a time as the feeds are
    /// written: a log of a million activities is published holding one batch of records.
    public init(stream: RecordStream, clock: Clock) {
        directory = stream.directory
        config = stream.config
        self.clock = clock
        source = .stream(stream)
    }

    public var statePath: String { directory + "/" + FeedState.fileName }

    /// Whether this project has no state file yet: its first `feed`.
    public var isFirstRun: Bool {
        var status = stat()
        return lstat(statePath, &status) != 0 && errno == ENOENT
    }

    /// Writes `<outputDirectory>/<feed>.ics` for every feed and the state file, as one
    /// transaction (see above). A lock on the project keeps two runs from interleaving;
    /// `onWait` runs if another run holds it. `progress` hears of the records read and the
    /// events written; `onRead` gets what reading a stream found, once it is read.
    /// Refuses, moving nothing into place, while any record has errors (``PublishGuard``).
    public func publish(
        to outputDirectory: String, progress: (any ProgressReporter)? = nil, onWait: () -> Void = {},
        onRead: (RecordStream.Summary) -> Void = { _ in }
    ) throws -> [FeedOutcome] {
        if case .loaded(let project) = source { try PublishGuard.check(project, publishing: .feed) }
        let lock = try FileLock(path: directory + "/.almanac.lock", onWait: onWait)
        defer { withExtendedLifetime(lock) {} }
        var previous = try FeedState.load(path: statePath)
        AtomicFile.removeStaleTemporaries(in: outputDirectory)
        AtomicFile.removeStaleTemporaries(in: directory)
        let next = try NextFeedState(path: statePath)
        // The entries of a feed no longer configured are left out of the next state.
        let feedNames = Set(config.feeds.map(\.name))
        if previous.keys.contains(where: { !feedNames.contains($0.feed) }) { next.isModified = true }
        let planners = config.feeds.map { FeedPlanner(feed: $0, config: config, now: clock.now) }
        let spools = try config.feeds.map { feed in
            try FeedSpool(
                writer: FeedWriter(config: config, feed: feed, verifies: verifiesEvents),
                path: outputDirectory + "/" + feed.fileName, scratchFolder: directory, keepsItems: keepsItems)
        }
        let plan = { (records: [EventRecord]) throws in
            for index in planners.indices {
                try spools[index].append(planners[index].items(for: records, previous: &previous, next: next))
            }
        }
        switch source {
        case .loaded(let project):
            try plan(project.records)
        case .stream(let stream):
            let summary = try stream.read(progress: progress, plan)
            onRead(summary)
            try PublishGuard.check(summary.diagnostics, publishing: .feed)
        }
        for index in config.feeds.indices {
            try spools[index].append(planners[index].departed(previous: previous, next: next))
        }
        // The feeds and the state are written side by side; the state is moved into place
        // once every feed is written, and the feeds once the state is.
        let savesState = next.isModified || isFirstRun
        let (feedFiles, stateFile) = try concurrently(
            { try spools.map { try $0.finish(progress: progress) } },
            { savesState ? try next.write(to: statePath) : nil })
        var written: [(file: AtomicFile, outcome: FeedOutcome)] = []
        for (index, feed) in config.feeds.enumerated() {
            let path = outputDirectory + "/" + feed.fileName
            let (file, items) = feedFiles[index]
            written.append(
                (file, FeedOutcome(feed: feed.name, path: path, events: spools[index].count, items: items)))
            try afterStep(.written(feed: feed.name))
        }
        try stateFile?.commit()
        try afterStep(.stateSaved)
        for (file, outcome) in written {
            try file.commit()
            try afterStep(.published(feed: outcome.feed))
        }
        return written.map(\.outcome)
    }
}
