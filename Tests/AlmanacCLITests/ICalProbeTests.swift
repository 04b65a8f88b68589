import Foundation
import Testing

/// The libical wrapper frees what libical allocates: its probe, which calls every wrapper
/// API (the importers' DURATION, Windows TZIDs and EXDATE lists included), runs under
/// valgrind with no definite leak and no memory error.
@Suite struct ICalProbeTests {
    static let valgrind = ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: valgrind != nil, "valgrind is not installed (scripts/setup --test-tools installs it)"))
    func probeRunsCleanUnderValgrind() throws {
        let probe = CLI.productsDirectory.appendingPathComponent("ICalProbe").path
        let result = try CLI.runProgram(URL(fileURLWithPath: try #require(Self.valgrind)), ["--error-exitcode=3", "--leak-check=full", "--errors-for-leak-kinds=definite", "-q", probe])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ICalProbe: ok"))
    }
}
