import Foundation
import PropertyBased
import Testing

@testable import AlmanacModel

/// The external merge sort behind feeds and the state file: pieces spooled in sorted runs
/// come back in the order of all their keys, byte for byte.
@Suite struct SortedSpoolTests {
    @Test func piecesComeBackInKeyOrderWhateverTheRuns() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Runs of pieces: a key (few values, so that equal keys occur) and a length (up to
        // beyond the read-ahead block).
        let piece = Gen.int(in: 0...(21 * 70_001 - 1)).map { ($0 % 21, $0 / 21) }
        let runs = piece.array(of: 0...30).array(of: 0...12)
        await propertyCheck(count: 25, input: runs) { runs in
            // All in memory, all in the scratch file, or the first runs in memory.
            let budget = [64 << 20, 0, 150_000][runs.count % 3]
            let spool = try! SortedSpool<Int>(in: folder.path, for: "test", memoryBudget: budget)
            var all: [(key: Int, bytes: [UInt8])] = []
            // Odd runs come a piece at a time (one run in the spool until a sorted run or
            // order() spools them), even ones as sorted runs.
            for (number, run) in runs.enumerated() {
                // Each piece filled with a byte of its own (a byte-wise pattern is slow to make
                // in a debug build).
                let pieces = run.enumerated().map { number, piece in
                    let fill = UInt8(truncatingIfNeeded: all.count &+ number &* 31 &+ piece.0)
                    return (piece.0, [UInt8](repeating: fill, count: piece.1))
                }
                if number % 2 == 1 {
                    for (key, content) in pieces {
                        try! spool.append(key, content)
                        all.append((key, content))
                    }
                } else {
                    let sorted = pieces.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
                    all += sorted.map(\.element)
                    try! spool.appendSortedRun(
                        keys: sorted.map(\.element.0), lengths: sorted.map(\.element.1.count),
                        parts: sorted.map(\.element.1))
                }
            }
            let expected = all.indices.sorted { all[$0].key < all[$1].key || (all[$0].key == all[$1].key && $0 < $1) }
            let keys = spool.pieceKeys
            // The order by a comparison the client makes is the same.
            #expect(try! spool.order { keys[$0] < keys[$1] } == expected)
            let order = try! spool.order()
            #expect(order == expected)
            let output = folder.appendingPathComponent("out-\(UUID().uuidString)").path
            let file = try! AtomicFile(path: output)
            try! spool.copy(order, to: file.write)
            try! file.commit()
            let written = try! Data(contentsOf: URL(fileURLWithPath: output))
            var wanted = Data()
            for index in expected { wanted.append(contentsOf: all[index].bytes) }
            #expect(written == wanted)
        }
    }
}
