import AlmanacModel
import Foundation

/// What `feed` remembers about each event it published, per feed: the fingerprint of its
/// content, its SEQUENCE, when it changed, and enough to publish it as cancelled once its
/// record is gone. Kept in `almanac-state.txt`, one sorted line per entry, to be committed
/// with the records.
public struct FeedState: Sendable, Equatable {
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

    public private(set) var entries: [Key: Entry] = [:]
    /// Whether an entry changed since the state was loaded.
    public private(set) var isModified = false

    /// An entry; setting a different value marks the state as modified.
    public subscript(key: Key) -> Entry? {
        get { entries[key] }
        set {
            guard entries[key] != newValue else { return }
            entries[key] = newValue
            isModified = true
        }
    }

    public init() {}

    /// Reads the state file. Only a missing file is an empty state (the first run); a file
    /// that cannot be read, or is empty (a failed checkout, a disk that filled up), is an
    /// error, since taking it as empty would restart every SEQUENCE and forget every
    /// cancellation. CRLF line ends (git's `autocrlf`) are read like LF.
    public static func load(path: String) throws(FeedStateError) -> FeedState {
        var status = stat()
        if lstat(path, &status) != 0 && errno == ENOENT { return FeedState() }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
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
        guard let text = String(data: data, encoding: .utf8) else {
            throw FeedStateError(path: path, line: 1, reason: "it is not UTF-8 text")
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw FeedStateError(
                path: path, line: 1, reason: "it is empty, yet a feed run always writes at least its first line",
                hint: """
                    restore it from version control (git checkout -- \(fileName)); if this project never published \
                    a feed, delete it
                    """
            )
        }
        var state = FeedState()
        let decoder = JSONDecoder()
        // "\r\n" is one Character in Swift: split on it too, or a CRLF file is one long comment.
        for (number, line) in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
        ).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let entry = try? decoder.decode(Entry.self, from: Data(parts[2].utf8)) else {
                throw FeedStateError(path: path, line: number + 1, reason: "the line is not `<feed> <id> {…}`")
            }
            state.entries[Key(feed: String(parts[0]), id: String(parts[1]))] = entry
        }
        return state
    }

    /// The file's text: a comment, then one line per entry sorted by feed and id.
    public func serialized() -> String {
        var text = """
            # Almanac feed state: what each feed published, so that updates and cancellations reach subscribers. \
            Commit it with the records; do not edit.\n
            """
        text.reserveCapacity(entries.count * 200)
        // The keys sorted, not the entries: a sorted copy of every entry was the largest
        // single allocation at the end of a big feed run.
        for key in entries.keys.sorted() {
            text += key.feed
            text += " "
            text += key.id
            text += " "
            entries[key]!.appendJSON(to: &text)
            text += "\n"
        }
        return text
    }
}

extension FeedState.Entry {
    /// The entry as JSON, byte for byte what `JSONEncoder` writes with sorted keys and
    /// unescaped slashes (a test holds it to that), without a `JSONEncoder` per line: at
    /// 10^5 events the encoder alone took a twentieth of a feed run.
    var json: String {
        var text = ""
        appendJSON(to: &text)
        return text
    }

    /// Appends ``json`` to `text`, field by field, in the keys' sorted order.
    func appendJSON(to text: inout String) {
        text += "{\"created\":"
        text += String(created)
        if let end {
            text += ",\"end\":"
            Self.appendQuoted(end, to: &text)
        }
        if let gone {
            text += ",\"gone\":"
            text += String(gone)
        }
        text += ",\"hash\":"
        Self.appendQuoted(hash, to: &text)
        text += ",\"modified\":"
        text += String(modified)
        text += ",\"sequence\":"
        text += String(sequence)
        text += ",\"start\":"
        Self.appendQuoted(start, to: &text)
        text += ",\"title\":"
        Self.appendQuoted(title, to: &text)
        if let tzid {
            text += ",\"tzid\":"
            Self.appendQuoted(tzid, to: &text)
        }
        text += "}"
    }

    /// A JSON string literal, escaped as `JSONEncoder` escapes.
    static func quoted(_ text: String) -> String {
        var result = ""
        appendQuoted(text, to: &result)
        return result
    }

    /// Appends `text` as a JSON string literal: as it is when nothing in it needs escaping (the
    /// usual case), else scalar by scalar.
    static func appendQuoted(_ text: String, to result: inout String) {
        result += "\""
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain {
            result += text
            result += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{08}": result += "\\b"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\u{0C}": result += "\\f"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
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
