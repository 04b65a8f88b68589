import ArgumentParser
import Testing

@testable import AlmanacCLI

/// `QuickCommandLine` reads the plainest `feed` and `check` lines without
/// swift-argument-parser: every line it reads must give the command swift-argument-parser
/// gives, with the same values; every other line is left to swift-argument-parser.
@Suite struct QuickCommandLineTests {
    /// What a parsed `feed` or `check` holds, to compare the two readings.
    private struct Values: Equatable {
        var command: String
        var project: String?
        var out: String?
        var verify: Bool
        var quiet: Bool
        var verbose: Bool

        init?(_ command: any ParsableCommand) {
            switch command {
            case let feed as FeedCommand:
                self.command = "feed"
                (project, out, verify) = (feed.options.project, feed.out, feed.verify)
                (quiet, verbose) = (feed.output.quiet, feed.output.verbose)
            case let check as CheckCommand:
                self.command = "check"
                (project, out, verify) = (check.options.project, nil, false)
                (quiet, verbose) = (check.output.quiet, check.output.verbose)
            default:
                return nil
            }
        }
    }

    @Test func readsThePlainLinesOfFeedAndCheck() throws {
        let lines: [[String]] = [
            ["feed"], ["feed", "--project", "examples/iisg"], ["feed", "--out", "public", "--verify", "-q"],
            ["feed", "--verbose", "--project", "p", "--out", "o"], ["check"], ["check", "-v", "--project", "p"],
        ]
        for line in lines {
            let quick = try #require(QuickCommandLine.command(line).flatMap(Values.init), "\(line)")
            #expect(quick == Values(try Almanac.parseAsRoot(line)), "\(line)")
        }
        let feed = try #require(QuickCommandLine.command(["feed", "--out", "o", "--verify", "-v"]) as? FeedCommand)
        #expect(feed.out == "o" && feed.verify && feed.output.verbose && !feed.output.quiet)
        #expect(feed.options.project == nil)
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
            #expect(QuickCommandLine.command(line) == nil, "\(line)")
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
                guard let quick = QuickCommandLine.command(line) else { continue }
                read += 1
                let parsed = try Almanac.parseAsRoot(line)
                #expect(Values(quick) == Values(parsed), "\(line)")
                #expect(Values(quick) != nil, "\(line)")
            }
        }
        // 274 lines in all: the comparison is not an empty one.
        #expect(read >= 250)
    }
}
