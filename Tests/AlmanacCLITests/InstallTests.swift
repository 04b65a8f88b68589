import Foundation
import Testing

/// `scripts/install` as a user runs it: the installed `almanac` works with its build folder
/// gone, from a folder that has nothing to do with the clone.
@Suite struct InstallTests {
    @Test func installedBinaryWorksWithoutItsBuildFolder() throws {
        let scratch = try TemporaryFolder()
        let prefix = scratch.url.appendingPathComponent("prefix")
        let build = scratch.url.appendingPathComponent("build")
        let install = try CLI.runProgram(
            CLI.packageRoot.appendingPathComponent("scripts/install"), [prefix.path],
            environment: ["ALMANAC_SCRATCH_PATH": build.path]
        )
        try #require(install.status == 0, "scripts/install failed:\n\(install.stderr)")
        for file in [
            "bin/almanac", "share/man/man1/almanac.1", "share/bash-completion/completions/almanac",
            "share/zsh/site-functions/_almanac", "share/fish/vendor_completions.d/almanac.fish",
        ] {
            #expect(
                FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path),
                "\(file) was not installed")
        }
        try FileManager.default.removeItem(at: build)

        let almanac = prefix.appendingPathComponent("bin/almanac")
        let elsewhere = scratch.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let project = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        let reference = try TemporaryFolder(copying: CLI.packageRoot.appendingPathComponent("examples/iisg"))
        let epoch = ["SOURCE_DATE_EPOCH": "1707955200", "PATH": "\(prefix.path)/bin:/usr/bin:/bin"]

        let version = try CLI.runProgram(almanac, ["--version"], in: elsewhere)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("almanac "), "\(version.stdout)")
        #expect(version.stdout.contains("(libical 3."), "\(version.stdout)")

        for arguments in [
            ["check"], ["feed"], ["report", "2023-Q4"],
            ["new", "Board retreat", "--start", "2024-05-02", "--city", "Skopje"],
        ] {
            let result = try CLI.runProgram(
                almanac, arguments + ["--project", project.url.path], in: elsewhere, environment: epoch)
            #expect(result.status == 0, "almanac \(arguments.joined(separator: " ")) failed: \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
        }
        // The installed binary writes what the freshly built one writes.
        for arguments in [["feed"], ["report", "2023-Q4"]] {
            try CLI.run(arguments + ["--project", reference.url.path], environment: epoch)
        }
        for file in [
            "public/all.ics", "public/meetings.ics", "reports/2023-Q4/report.md", "reports/2023-Q4/report.html",
            "reports/2023-Q4/activities.csv",
        ] {
            #expect(
                try project.read(file) == reference.read(file),
                "\(file) differs between the installed and the built almanac")
        }
        let record = try project.read("events/2024/2024-05-02-board-retreat.yml")
        #expect(record.contains("country: North Macedonia"), "the gazetteer was not available: \(record)")
    }
}
