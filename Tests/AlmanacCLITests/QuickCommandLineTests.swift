import ArgumentParser
import Testing

@testable import AlmanacCLI

/// `QuickCommandLine` reads the plainest `feed` and `check` lines without
/// swift-argument-parser: every line it reads must give the command swift-argument-parser
/// gives, with the same values; every other line is left to swift-argument-parser.
@Suite struct QuickCommandLineTests {
    /// What swift-argument-parser makes of `line`, as a `QuickCommandLine`; nil for a command
    /// other than `feed` and `check`.
    private func parsed(_ line: [String]) throws -> QuickCommandLine? {
        switch try Almanac.parseAsRoot(line) {
        case let feed as FeedCommand:
            return QuickCommandLine(
                command: "feed", project: feed.options.project, out: feed.out, verify: feed.verify,
                quiet: feed.output.quiet, verbose: feed.output.verbose)
        case let check as CheckCommand:
            return QuickCommandLine(
                command: "check", project: check.options.project, quiet: check.output.quiet,
                verbose: check.output.verbose)
        default:
            return nil
        }
    }

    @Test func readsThePlainLinesOfFeedAndCheck() throws {
        let lines: [[String]] = [
            ["feed"], ["feed", "--project", "examples/iisg"], ["feed", "--out", "public", "--verify", "-q"],
            ["feed", "--verbose", "--project", "p", "--out", "o"], ["check"], ["check", "-v", "--project", "p"],
        ]
        for line in lines {
            let quick = try #require(QuickCommandLine(line), "\(line)")
            #expect(quick == (try parsed(line)), "\(line)")
        }
        let feed = try #require(QuickCommandLine(["feed", "--out", "o", "--verify", "-v"]))
        #expect(feed == QuickCommandLine(command: "feed", out: "o", verify: true, verbose: true))
    }

    @Test func leavesEveryOtherLineToArgumentParser() {
        let lines: [[String]] = [
            [], ["help"], ["list"], ["report", "2024-Q1"], ["feed", "--help"], ["feed", "-h"], ["feed", "help"],
            ["--version"], ["--generate-completion-script", "bash"], ["feed", "--project=p"], ["feed", "-qv"],
            ["feed", "--project"], ["feed", "--project", ""], ["feed", "--project", "-p"],
            ["feed", "--out", "--verify"],
            ["feed", "--project", "a", "--project", "b"], ["feed", "-q", "--quiet"], ["feed", "-q", "-v"],
            ["feed", "--", "x"], ["feed", "extra"], ["check", "--out", "o"], ["check", "--verify"], ["Feed"],
            ["feed", "--porject", "p"],
        ]
        for line in lines {
            #expect(QuickCommandLine(line) == nil, "\(line)")
        }
    }

    /// Every line of up to four words after `feed`, `check` or `list` from a vocabulary of
    /// options, values and near misses: each one read here is read alike by
    /// swift-argument-parser.
    @Test func agreesWithArgumentParserOnEveryLineItReads() throws {
        let words = [
            "--project", "--out", "--verify", "-q", "--quiet", "-v", "--verbose", "dir", "help", "feed", "-x", "",
            "--out=o", "--", "-h", "-qv",
        ]
        var lines: [[String]] = [[]]
        for _ in 0..<4 {
            lines += lines.filter { $0.count == lines.last!.count }.flatMap { line in words.map { line + [$0] } }
        }
        var read = 0
        for name in ["feed", "check", "list"] {
            for line in lines.map({ [name] + $0 }) {
                guard let quick = QuickCommandLine(line) else { continue }
                read += 1
                #expect(quick == (try parsed(line)), "\(line)")
            }
        }
        // 274 lines in all: the comparison is not an empty one.
        #expect(read >= 250)
    }
}
