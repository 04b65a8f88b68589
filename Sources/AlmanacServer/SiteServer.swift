internal import AlmanacModel
import Foundation
internal import Hummingbird
internal import HummingbirdCore
public import Logging
internal import NIOCore
internal import NIOPosix

/// `almanac serve`: the project's site over HTTP/1.1, rebuilt from the records when they
/// change, on Hummingbird.
public struct SiteServer: Sendable {
    public struct Configuration: Sendable {
        public var projectDirectory: String
        public var host: String
        /// 0 picks a free port (reported to `onRunning`).
        public var port: Int
        /// How often the records are looked at for changes.
        public var pollInterval: Duration
        /// A connection idle this long is closed (slow or stalled clients).
        public var idleTimeout: Duration

        public init(
            projectDirectory: String, host: String = "127.0.0.1", port: Int = 8080,
            pollInterval: Duration = .seconds(2), idleTimeout: Duration = .seconds(30)
        ) {
            self.projectDirectory = projectDirectory
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.idleTimeout = idleTimeout
        }
    }

    public let configuration: Configuration
    public let logger: Logger
    /// The Server header.
    static let serverName = "Almanac"
    private let store: SiteStore

    /// Builds the site a first time; throws the record errors when it cannot be published.
    public init(configuration: Configuration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        store = try SiteStore(projectDirectory: configuration.projectDirectory, logger: logger)
    }

    /// Serves until SIGTERM or SIGINT (then finishes the requests in flight) or until the
    /// task is cancelled. `onRunning` gets the port once the server listens.
    public func run(onRunning: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let idle = configuration.idleTimeout.components
        let http1 = HTTP1Channel.Configuration(
            idleTimeout: .nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100)
        )
        let responder = SiteResponder(store: store, logger: logger)
        let app = Application(
            responder: responder,
            server: HTTPServerBuilder { next in
                SiteChannel(http1: HTTP1Channel(responder: next, configuration: http1), responder: responder)
            },
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: Self.serverName),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let store = store
        let interval = configuration.pollInterval
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    // A rebuild blocks for as long as it takes: on a thread of its own, not
                    // one of the few that serve requests.
                    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                        Thread.detachNewThread {
                            store.reloadIfChanged()
                            done.resume()
                        }
                    }
                }
            }
            // The server ends on a signal; the reloader then has nothing left to do.
            try await group.next()
            group.cancelAll()
        }
    }

    /// Makes SwiftNIO's event loops the threads of Swift concurrency, so a request is not
    /// handed from an I/O thread to another thread and back. Call once, from the main
    /// thread, before anything async runs; blocking work (site rebuilds) already runs on
    /// threads of its own.
    public static func runConcurrencyOnEventLoops() {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Looks at the records now rather than at the next poll.
    public func reloadIfChanged() { store.reloadIfChanged() }

    /// The errors of newer records that are not published; empty when all is current.
    public var problems: [String] { store.problems }
}
