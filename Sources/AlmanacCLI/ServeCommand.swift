import AlmanacModel
import AlmanacServer
import ArgumentParser
import Foundation
import Logging

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the published site over HTTP, updated as the records change.",
        discussion: """
            Serves the site that `almanac site` writes — feeds, subscribe page, agenda, \
            reports — from memory, on 127.0.0.1 unless --host says otherwise. It looks at the \
            records every --reload-every seconds and rebuilds the site when they changed (the \
            feeds update almanac-state.txt, as `almanac feed` does). An edit that leaves a \
            record with errors never replaces a good feed: subscribers keep the last good one \
            while the errors are logged and shown on the index page.

            Feeds are sent as text/calendar; charset=utf-8 with a strong ETag, a Last-Modified \
            that only moves forward, Cache-Control from the refresh interval, 304 answers to \
            If-None-Match and If-Modified-Since, and gzip when the client accepts it. Access \
            logs go to standard output (--quiet: none). SIGTERM or SIGINT stop it after the \
            requests in flight. Put it behind a TLS-terminating proxy to publish on the internet \
            (see the README).

            Example:
              almanac serve --project examples/iisg --port 8080

            \(ExitStatus.documentation)
            """
    )

    @Option(name: .long, help: ArgumentHelp("The address to listen on (default: loopback only).", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 8080

    @Option(
        name: .customLong("reload-every"),
        help: ArgumentHelp("Seconds between looks at the records for changes.", valueName: "seconds"))
    var reloadEvery = 2.0

    @OptionGroup var options: ProjectOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard reloadEvery >= 0.1 else { throw ValidationError("--reload-every must be at least 0.1 seconds") }
    }

    func run() throws {
        let level: Logger.Level = output.quiet ? .warning : output.verbose ? .debug : .info
        LoggingSystem.bootstrap { label in
            // Access logs are written in batches, off the threads that answer requests.
            var handler = StreamLogHandler(label: label, stream: BatchedOutput.standardOutput)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "almanac.serve")
        SiteServer.runConcurrencyOnEventLoops()
        let configuration = SiteServer.Configuration(
            projectDirectory: options.directory, host: host, port: port,
            pollInterval: .milliseconds(Int(reloadEvery * 1000))
        )
        let server = try SiteServer(configuration: configuration, logger: logger)
        let address = host.contains(":") ? "[\(host)]" : host
        let failure = BlockingRun.run {
            try await server.run { port in
                StandardStream.output.write("Serving http://\(address):\(port)/ (Ctrl-C stops)\n")
            }
        }
        BatchedOutput.standardOutput.flush()
        if let failure {
            throw (failure as? any AlmanacError)
                ?? AlmanacFailure(
                    .unavailable, .url("http://\(address):\(port)/"), "the server stopped: \(failure)",
                    hint: "pick another --port or --host, or stop the program that holds this one")
        }
    }
}

/// Runs async work to its end from synchronous code (the command's `run`), returning its error.
enum BlockingRun {
    static func run(_ work: @escaping @Sendable () async throws -> Void) -> (any Error)? {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task {
            do { try await work() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        return outcome.error
    }

    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        func set(_ error: any Error) { lock.withLock { stored = error } }
        var error: (any Error)? { lock.withLock { stored } }
    }
}
