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
    public let project: Project
    public let clock: Clock
    /// Parse every written VEVENT back with libical and compare it with what was meant
    /// (`almanac feed --verify`); the test suite always does.
    public var verifiesEvents = false
    /// Keep each feed's planned items in its ``FeedOutcome`` (the site builder reads them);
    /// `almanac feed` does not, so that they are freed once written, before the state is saved.
    public var keepsItems = true

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

    public init(project: Project, clock: Clock) {
        self.project = project
        self.clock = clock
    }

    public var statePath: String { project.directory + "/" + FeedState.fileName }

    /// Whether this project has no state file yet: its first `feed`.
    public var isFirstRun: Bool {
        var status = stat()
        return lstat(statePath, &status) != 0 && errno == ENOENT
    }

    /// Writes `<outputDirectory>/<feed>.ics` for every feed and the state file, as one
    /// transaction (see above). A lock on the project keeps two runs from interleaving;
    /// `onWait` runs if another run holds it. `progress` hears of the events written.
    /// Refuses, writing nothing, while any record has errors (``PublishGuard``).
    public func publish(to outputDirectory: String, progress: (any ProgressReporter)? = nil, onWait: () -> Void = {})
        throws -> [FeedOutcome]
    {
        try PublishGuard.check(project, publishing: .feed)
        let lock = try FileLock(path: project.directory + "/.almanac.lock", onWait: onWait)
        defer { withExtendedLifetime(lock) {} }
        var state = try FeedState.load(path: statePath)
        AtomicFile.removeStaleTemporaries(in: outputDirectory)
        AtomicFile.removeStaleTemporaries(in: project.directory)
        let feedNames = Set(project.config.feeds.map(\.name))
        for key in state.entries.keys.filter({ !feedNames.contains($0.feed) }) { state[key] = nil }
        var written: [(file: AtomicFile, outcome: FeedOutcome)] = []
        for feed in project.config.feeds {
            let plan = FeedPlan.make(
                feed: feed, records: project.records, config: project.config, state: &state, now: clock.now)
            let path = outputDirectory + "/" + feed.fileName
            let file = try FeedWriter(config: project.config, feed: feed, verifies: verifiesEvents).write(
                plan, to: path, progress: progress)
            written.append(
                (
                    file,
                    FeedOutcome(
                        feed: feed.name, path: path, events: plan.items.count, items: keepsItems ? plan.items : []
                    )
                ))
            try afterStep(.written(feed: feed.name))
        }
        if state.isModified || isFirstRun {
            try AtomicFile.write(state.serialized(), to: statePath)
        }
        try afterStep(.stateSaved)
        for (file, outcome) in written {
            try file.commit()
            try afterStep(.published(feed: outcome.feed))
        }
        return written.map(\.outcome)
    }
}
