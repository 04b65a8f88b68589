import Foundation

/// What one feed run wrote.
public struct FeedOutcome: Sendable {
    public let feed: String
    public let path: String
    public let events: Int
    /// What the feed holds, in order, with the SEQUENCE and stamps it was written with.
    let items: [FeedPlan.Item]
}

/// Writes every configured feed of a project and keeps its state file.
public struct FeedPublisher {
    public let project: Project
    public let clock: Clock
    /// Parse every written VEVENT back with libical and compare it with what was meant
    /// (`almanac feed --verify`); the test suite always does.
    public var verifiesEvents = false

    public init(project: Project, clock: Clock) {
        self.project = project
        self.clock = clock
    }

    public var statePath: String { project.directory + "/" + FeedState.fileName }

    /// Writes `<outputDirectory>/<feed>.ics` for every feed, then the state file. A lock on the
    /// project keeps two runs from interleaving; `onWait` runs if another run holds it.
    /// `progress` hears of the events written.
    public func publish(to outputDirectory: String, progress: (any ProgressReporter)? = nil, onWait: () -> Void = {}) throws -> [FeedOutcome] {
        let lock = try FileLock(path: project.directory + "/.almanac.lock", onWait: onWait)
        defer { withExtendedLifetime(lock) {} }
        var state = try FeedState.load(path: statePath)
        let feedNames = Set(project.config.feeds.map(\.name))
        for key in state.entries.keys.filter({ !feedNames.contains($0.feed) }) { state[key] = nil }
        var outcomes: [FeedOutcome] = []
        for feed in project.config.feeds {
            let plan = FeedPlan.make(feed: feed, records: project.records, config: project.config, state: &state, now: clock.now)
            let path = outputDirectory + "/" + feed.name + ".ics"
            let count = try FeedWriter(config: project.config, feed: feed, verifies: verifiesEvents).write(plan, to: path, progress: progress)
            outcomes.append(FeedOutcome(feed: feed.name, path: path, events: count, items: plan.items))
        }
        if state.isModified || !FileManager.default.fileExists(atPath: statePath) {
            try AtomicFile.write(state.serialized(), to: statePath)
        }
        return outcomes
    }
}
