import Foundation
import PropertyBased
import Testing

@testable import AlmanacFeeds
@testable import AlmanacModel

/// The state file's lines are written without JSONEncoder, yet must stay exactly what it
/// writes: committed state files would otherwise change with no record changed.
@Suite struct FeedStateJSONTests {
    /// Text with everything JSON escapes, and what it does not: quotes, backslashes,
    /// control characters, slashes, accents, a line separator, an emoji.
    static let pieces = [
        "a", "Board meeting", "\"", "\\", "/", "\u{0}", "\u{8}", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1b}", "\u{1f}",
        "\u{7f}", "ș", "\u{2028}", "😀", " ", "}",
    ]

    @Test func linesAreWhatJSONEncoderWrites() async {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...12).map { picks in
            picks.map { Self.pieces[$0] }.joined()
        }
        await propertyCheck(count: 300, input: text, text, Gen.int(in: -5...2_000_000_000), Gen.int(in: 0...3)) {
            (title: String, zone: String, stamp: Int, shape: Int) in
            let entry = FeedState.Entry(
                hash: title.isEmpty ? "0123456789abcdef" : title, sequence: stamp % 1000, created: Int64(stamp),
                modified: Int64(stamp) + 60,
                gone: shape & 1 == 0 ? nil : Int64(stamp) * 2, start: "20240105T100000",
                end: shape & 2 == 0 ? nil : "20240105",
                tzid: shape == 3 ? nil : zone, title: title)
            let expected = String(decoding: try! encoder.encode(entry), as: UTF8.self)
            #expect(entry.json == expected)
        }
    }

    /// The state file is read back as it was written: its lines fast when they need no
    /// escapes, through `JSONDecoder` when they do, or when a hand edit reordered or spaced
    /// them; with LF or CRLF line ends.
    @Test func linesReadBackAsTheyWereWritten() async throws {
        let text = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...12).map { picks in
            picks.map { Self.pieces[$0] }.joined()
        }
        await propertyCheck(count: 300, input: text, Gen.int(in: -5...2_000_000_000), Gen.int(in: 0...3)) {
            (title: String, stamp: Int, shape: Int) in
            let entry = FeedState.Entry(
                hash: "0123456789abcdef", sequence: stamp % 1000, created: Int64(stamp), modified: Int64(stamp) + 60,
                gone: shape & 1 == 0 ? nil : Int64(stamp) * 2, start: "20240105T100000",
                end: shape & 2 == 0 ? nil : "20240105", tzid: shape == 3 ? nil : "Europe/Sarajevo", title: title)
            let fast = Array(entry.json.utf8).withUnsafeBufferPointer { FeedState.Entry(writtenJSON: $0) }
            let plain = title.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
            #expect(fast == (plain ? entry : nil), "\(entry.json)")
            let keys = [FeedState.Key(feed: "all", id: "board-\(stamp)"), FeedState.Key(feed: "workshops", id: "w")]
            let text = keys.reduce(FeedState.header) { $0 + String(decoding: FeedState.line($1, entry), as: UTF8.self) }
            for lineEnd in ["\n", "\r\n"] {
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)")
                try! Data(text.replacingOccurrences(of: "\n", with: lineEnd).utf8).write(to: file)
                defer { try? FileManager.default.removeItem(at: file) }
                let state = try! FeedState.load(path: file.path)
                #expect(Set(state.keys) == Set(keys))
                #expect(keys.allSatisfy { state[$0] == entry })
                #expect(state.serialized() == text)
            }
        }
        let edited = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)")
        try Data(
            """
            all board {"title": "Board", "start": "20240105", "hash": "0123456789abcdef", "sequence": 2, \
            "created": 1, "modified": 2}\n
            """.utf8
        ).write(to: edited)
        defer { try? FileManager.default.removeItem(at: edited) }
        let entry = try #require(try FeedState.load(path: edited.path)[FeedState.Key(feed: "all", id: "board")])
        #expect(entry.sequence == 2 && entry.title == "Board" && entry.end == nil)
    }

    /// A fingerprint taken in pieces is the fingerprint of the pieces joined: the hashes in
    /// committed state files must not change with how they are computed.
    @Test func aFingerprintInPiecesIsTheFingerprintOfTheWhole() async {
        let text = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...12).map { picks in
            picks.map { Self.pieces[$0] }.joined()
        }
        await propertyCheck(count: 300, input: text.array(of: 0...6)) { (parts: [String]) in
            var digest = Fingerprint()
            for part in parts { digest.add(part) }
            #expect(digest.hex == Fingerprint.of(parts.joined()))
        }
    }
}
