import AlmanacModel
import Foundation

/// What `feed` remembers about each event it published, per feed: the fingerprint of its
/// content, its SEQUENCE, when it changed, and enough to publish it as cancelled once its
/// record is gone. Kept in `almanac-state.txt`, one sorted line per entry, to be committed
/// with the records.
public struct FeedState: Sendable {
    public static let fileName = "almanac-state.txt"

    public struct Key: Hashable, Comparable, Sendable {
        public var feed: String
        public var id: String
        public static func < (lhs: Key, rhs: Key) -> Bool { (lhs.feed, lhs.id) < (rhs.feed, rhs.id) }
    }

    public struct Entry: Codable, Equatable, Sendable {
        /// Fingerprint of the published content.
        public var hash: String
        public var sequence: Int
        /// When the event was first published (Unix seconds): CREATED.
        public var created: Int64
        /// When its content last changed: DTSTAMP and LAST-MODIFIED.
        public var modified: Int64
        /// Since when it has been cancelled or gone from the feed; it is dropped after the
        /// grace period.
        public var gone: Int64?
        /// DTSTART, DTEND and SUMMARY as last published, to announce the cancellation.
        public var start: String
        public var end: String?
        public var tzid: String?
        public var title: String
    }

    /// The file's bytes, and where in them the JSON of each key's entry lies: a state of a
    /// million entries is held as its text (about 200 bytes an entry), each entry read from it
    /// when it is wanted.
    private var text = Data()
    private var entryText: [Key: Range<Int>] = [:]

    /// The keys of the entries.
    public var keys: Dictionary<Key, Range<Int>>.Keys { entryText.keys }

    public subscript(key: Key) -> Entry? {
        entryText[key].flatMap { range in
            text.withUnsafeBytes {
                Self.entry(json: UnsafeBufferPointer(rebasing: $0.bindMemory(to: UInt8.self)[range]))
            }
        }
    }

    /// Forgets the entry of `key`.
    mutating func remove(_ key: Key) {
        entryText[key] = nil
    }

    public init() {}

    /// Reads the state file. Only a missing file is an empty state (the first run); a file
    /// that cannot be read, or is empty (a failed checkout, a disk that filled up), is an
    /// error, since taking it as empty would restart every SEQUENCE and forget every
    /// cancellation. CRLF line ends (git's `autocrlf`) are read like LF.
    public static func load(path: String) throws(FeedStateError) -> FeedState {
        var status = stat()
        if lstat(path, &status) != 0 && errno == ENOENT { return FeedState() }
        let text: Data
        do {
            text = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileWriteError(path: path, error).reason
            throw FeedStateError(
                path: path, line: 1, reason: "it cannot be read (\(reason))",
                hint: """
                    check that it is a file you may read; Almanac will not publish without it, as every event would \
                    start again at SEQUENCE 0
                    """
            )
        }
        guard !text.isBlankText else {
            throw FeedStateError(
                path: path, line: 1, reason: "it is empty, yet a feed run always writes at least its first line",
                hint: """
                    restore it from version control (git checkout -- \(fileName)); if this project never published \
                    a feed, delete it
                    """
            )
        }
        var state = FeedState()
        state.entryText = try text.withUnsafeBytes { index($0.bindMemory(to: UInt8.self), path: path) }.get()
        state.text = text
        return state
    }

    /// Where the JSON of each key's entry lies in the file's bytes. The lines are found
    /// first, then read (and each entry checked) a chunk at a time on all cores.
    private static func index(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<
        [Key: Range<Int>], FeedStateError
    > {
        var lines: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            var end =
                UnsafeBufferPointer(rebasing: bytes[start...]).firstIndex(of: UInt8(ascii: "\n")).map {
                    start + $0
                } ?? bytes.count
            let next = end + 1
            // git's `autocrlf` may have made the line ends CRLF.
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lines.append(start..<end)
            start = next
        }
        let chunkSize = 8192
        let chunks = stride(from: 0, to: lines.count, by: chunkSize).map { first in
            first..<min(first + chunkSize, lines.count)
        }
        let read = chunks.parallelMap { chunk -> Result<[(Key, Range<Int>)], FeedStateError> in
            var entries: [(Key, Range<Int>)] = []
            entries.reserveCapacity(chunk.count)
            for number in chunk {
                let line = lines[number]
                if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
                guard let entry = entry(in: bytes, line: line) else {
                    return .failure(
                        FeedStateError(path: path, line: number + 1, reason: "the line is not `<feed> <id> {…}`"))
                }
                entries.append(entry)
            }
            return .success(entries)
        }
        var index: [Key: Range<Int>] = [:]
        index.reserveCapacity(lines.count)
        for result in read {
            switch result {
            case .success(let entries): for (key, json) in entries { index[key] = json }
            case .failure(let error): return .failure(error)
            }
        }
        return .success(index)
    }

    /// The key of one line, `<feed> <id> {…}`, and where its JSON lies; nil when the line is
    /// not such a line, or its entry cannot be read.
    private static func entry(in bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> (Key, Range<Int>)? {
        guard let firstSpace = bytes[line].firstIndex(of: UInt8(ascii: " ")),
            let secondSpace = bytes[(firstSpace + 1)..<line.upperBound].firstIndex(of: UInt8(ascii: " ")),
            firstSpace > line.lowerBound, secondSpace > firstSpace + 1,
            let feed = String(validating: bytes[line.lowerBound..<firstSpace], as: UTF8.self),
            let id = String(validating: bytes[(firstSpace + 1)..<secondSpace], as: UTF8.self)
        else { return nil }
        let json = (secondSpace + 1)..<line.upperBound
        guard entry(json: UnsafeBufferPointer(rebasing: bytes[json])) != nil else { return nil }
        return (Key(feed: feed, id: id), json)
    }

    /// An entry's JSON read fast when it is as ``Entry/appendJSON(to:)`` writes it, else by
    /// `JSONDecoder`; nil for anything else, and for text that is not UTF-8.
    private static func entry(json: UnsafeBufferPointer<UInt8>) -> Entry? {
        Entry(writtenJSON: json) ?? (try? JSONDecoder().decode(Entry.self, from: Data(json)))
    }

    /// The file's text: a comment, then one line per entry sorted by feed and id.
    public func serialized() -> String {
        keys.sorted().reduce(into: Self.header) { text, key in
            text += String(decoding: Self.line(key, self[key]!), as: UTF8.self)
        }
    }

    /// The comment that starts the file.
    static let header = """
        # Almanac feed state: what each feed published, so that updates and cancellations reach subscribers. \
        Commit it with the records; do not edit.\n
        """

    /// The line of one entry, in UTF-8: `<feed> <id> {…}` and a line feed.
    static func line(_ key: Key, _ entry: Entry) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(key.feed.utf8.count + key.id.utf8.count + entry.title.utf8.count + 200)
        line += key.feed.utf8
        line.append(UInt8(ascii: " "))
        line += key.id.utf8
        line.append(UInt8(ascii: " "))
        entry.appendJSON(to: &line)
        line.append(UInt8(ascii: "\n"))
        return line
    }
}

/// The state a publish leaves, made as the feeds are planned: each entry's line is spooled as
/// it is made, and ``write(to:)`` writes the lines in key order, so that the state of a
/// million events is never held in memory.
final class NextFeedState {
    /// The lines, by key.
    private let spool: SortedSpool<FeedState.Key>
    /// Whether it differs from the state it follows (the one loaded).
    var isModified = false
    /// The lines added since the last run was spooled (one after the other), their keys and
    /// their lengths: sorted here, where the key's type is known, each megabyte of them goes
    /// to the spool as a sorted run (the spool's own sort compares keys through the generic
    /// `Comparable`, copying each key it reads).
    private var pendingKeys: [FeedState.Key] = []
    private var pendingLines: [UInt8] = []
    private var pendingLengths: [Int] = []

    /// A state to be saved at `path`.
    init(path: String) throws(FileWriteError) {
        // A state line is a fifth of its event's size: 10^5 lines fit in 32 MB.
        spool = try SortedSpool(in: (path as NSString).deletingLastPathComponent, for: path, memoryBudget: 32 << 20)
    }

    /// Adds the entry of `key`, whose line is `line` (``FeedState/line(_:_:)``).
    func add(_ key: FeedState.Key, line: [UInt8]) throws(FileWriteError) {
        pendingKeys.append(key)
        pendingLengths.append(line.count)
        pendingLines += line
        if pendingLines.count >= 1 << 20 { try spoolPending() }
    }

    /// Spools the lines added since the last run as one run, sorted by key (equal keys, which
    /// a state does not hold, would keep their order).
    private func spoolPending() throws(FileWriteError) {
        guard !pendingKeys.isEmpty else { return }
        let keys = pendingKeys
        let order = keys.indices.sorted { keys[$0] < keys[$1] || (!(keys[$1] < keys[$0]) && $0 < $1) }
        var starts: [Int] = []
        starts.reserveCapacity(keys.count)
        var start = 0
        for length in pendingLengths {
            starts.append(start)
            start += length
        }
        var run: [UInt8] = []
        run.reserveCapacity(pendingLines.count)
        for index in order { run += pendingLines[starts[index]..<starts[index] + pendingLengths[index]] }
        try spool.appendSortedRun(
            keys: order.map { keys[$0] }, lengths: order.map { pendingLengths[$0] }, parts: [run])
        pendingKeys.removeAll(keepingCapacity: true)
        pendingLines.removeAll(keepingCapacity: true)
        pendingLengths.removeAll(keepingCapacity: true)
    }

    /// Writes the state file for `path` into a temporary file beside it, flushed to disk: the
    /// comment, then the lines sorted by feed and id. The caller moves it into place with
    /// ``AtomicFile/commit(replacing:)``.
    func write(to path: String) throws(FileWriteError) -> AtomicFile {
        try spoolPending()
        // The keys compared here, where their type is known (``SortedSpool/order(by:)``).
        let keys = spool.pieceKeys
        let order = try spool.order { keys[$0] < keys[$1] }
        let file = try AtomicFile(path: path)
        try file.write(FeedState.header)
        try spool.copy(order, to: file.write)
        try file.flush()
        return file
    }
}

extension FeedState.Entry {
    /// The entry as JSON, byte for byte what `JSONEncoder` writes with sorted keys and
    /// unescaped slashes (a test holds it to that), without a `JSONEncoder` per line: at
    /// 10^5 events the encoder alone took a twentieth of a feed run.
    var json: String {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``json``'s UTF-8 to `bytes`, field by field, in the keys' sorted order.
    func appendJSON(to bytes: inout [UInt8]) {
        func put(_ text: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        put("{\"created\":")
        bytes += String(created).utf8
        if let end {
            put(",\"end\":")
            Self.appendQuoted(end, to: &bytes)
        }
        if let gone {
            put(",\"gone\":")
            bytes += String(gone).utf8
        }
        put(",\"hash\":")
        Self.appendQuoted(hash, to: &bytes)
        put(",\"modified\":")
        bytes += String(modified).utf8
        put(",\"sequence\":")
        bytes += String(sequence).utf8
        put(",\"start\":")
        Self.appendQuoted(start, to: &bytes)
        put(",\"title\":")
        Self.appendQuoted(title, to: &bytes)
        if let tzid {
            put(",\"tzid\":")
            Self.appendQuoted(tzid, to: &bytes)
        }
        put("}")
    }

    /// Appends the UTF-8 of `text` as a JSON string literal, escaped as `JSONEncoder` escapes:
    /// a quote, a backslash and the C0 controls; every other byte as it is (the bytes of a
    /// character beyond ASCII are all 0x80 or above, so none of them is escaped).
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        var text = text
        text.withUTF8 { utf8 in appendEscaped(utf8, to: &bytes) }
    }

    /// Appends `utf8` escaped as in a JSON string: at once when nothing in it needs escaping.
    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
    }
}

extension FeedState.Entry {
    /// Reads the JSON exactly as ``appendJSON(to:)`` writes it: its keys in that order,
    /// integers, and strings without escapes. Nil for anything else (JSON that `JSONDecoder`
    /// then reads, or not JSON). A state file of a million lines holds a million of these;
    /// a `JSONDecoder` per line took several seconds for them.
    init?(writtenJSON bytes: UnsafeBufferPointer<UInt8>) {
        var reader = WrittenJSONReader(bytes: bytes)
        guard reader.skip("{\"created\":"), let created = reader.integer() else { return nil }
        var end: String?
        if reader.skip(",\"end\":") {
            guard let text = reader.string() else { return nil }
            end = text
        }
        var gone: Int64?
        if reader.skip(",\"gone\":") {
            guard let number = reader.integer() else { return nil }
            gone = number
        }
        guard reader.skip(",\"hash\":"), let hash = reader.string(),
            reader.skip(",\"modified\":"), let modified = reader.integer(),
            reader.skip(",\"sequence\":"), let sequence = reader.integer(), let sequence = Int(exactly: sequence),
            reader.skip(",\"start\":"), let start = reader.string(),
            reader.skip(",\"title\":"), let title = reader.string()
        else { return nil }
        var tzid: String?
        if reader.skip(",\"tzid\":") {
            guard let text = reader.string() else { return nil }
            tzid = text
        }
        guard reader.skip("}"), reader.isAtEnd else { return nil }
        self.init(
            hash: hash, sequence: sequence, created: created, modified: modified, gone: gone, start: start, end: end,
            tzid: tzid, title: title)
    }
}

/// Reads the pieces of the JSON that ``FeedState/Entry/appendJSON(to:)`` writes.
private struct WrittenJSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var isAtEnd: Bool { index == bytes.count }

    /// Moves past `literal` when the bytes go on with it.
    mutating func skip(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count,
            memcmp(bytes.baseAddress! + index, literal.utf8Start, count) == 0
        else { return false }
        index += count
        return true
    }

    /// An integer: an optional minus, then digits.
    mutating func integer() -> Int64? {
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let first = index
        var value: Int64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(Int64(bytes[index] - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
            index += 1
        }
        guard index > first else { return nil }
        return negative ? -value : value
    }

    /// A string without escapes or control characters, as valid UTF-8.
    mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let first = index + 1
        var end = first
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            guard bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 else { return nil }
            end += 1
        }
        guard end < bytes.count, let text = String(validating: bytes[first..<end], as: UTF8.self) else { return nil }
        index = end + 1
        return text
    }
}

/// The feed state file cannot be used: which line, and why.
public struct FeedStateError: AlmanacError {
    public let path: String
    public let line: Int
    public let reason: String
    public var hint: String? = """
        restore it from version control (git checkout -- \(FeedState.fileName)); deleting it makes every event \
        start again at SEQUENCE 0
        """

    public var kind: ErrorKind { .badInput }
    public var origin: ErrorOrigin? { .location(SourceLocation(file: path, line: line)) }
    public var message: String { "the feed state file is damaged: \(reason)" }
}
