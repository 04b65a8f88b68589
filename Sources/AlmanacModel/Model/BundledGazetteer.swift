import Foundation

/// The shipped `gazetteer.tsv`, read in place: a lookup binary-searches the lookup index that
/// the build computed (`gazetteer.index`, see `EmbedResourcesTool`'s `GazetteerIndex`) and
/// reads only the rows it names. Nothing is folded or parsed at start-up.
enum BundledGazetteer {
    /// A row found for a spelling, with its folded country name.
    struct Candidate: Sendable {
        var place: GazetteerPlace
        var countryKey: String
    }

    private static let table = EmbeddedResources.files["gazetteer.tsv"] ?? ""
    private static let index = EmbeddedResources.files["gazetteer.index"] ?? ""

    /// The rows with the folded spelling `key` (``Gazetteer/key(_:)``), the latest first.
    static func places(key: String) -> [Candidate] {
        // Keys are in NFC in the index, so that byte equality is String equality.
        let key = key.utf8.allSatisfy { $0 < 0x80 } ? key : key.precomposedStringWithCanonicalMapping
        if let known = cache.withLock({ $0[key] }) { return known }
        let found = offsets(of: key).compactMap { offset in
            place(at: offset).map { Candidate(place: $0, countryKey: Gazetteer.key($0.country)) }
        }
        cache.withLock { if $0.count < 4096 { $0[key] = found } }
        return found
    }

    /// Rows found so far, by key: a project's records name the same few cities again and again.
    /// (Bounded: a log of misspellings does not make it grow without end.)
    private static let cache = LockedCache()

    /// The row offsets the index lists for `key`: a binary search over its sorted lines.
    private static func offsets(of key: String) -> [Int] {
        var index = index
        return index.withUTF8 { bytes -> [Int] in
            let newline = UInt8(ascii: "\n")
            let tab = UInt8(ascii: "\t")
            var key = key
            return key.withUTF8 { wanted -> [Int] in
                // `low` is always the start of a line; lines before it sort before `key`, lines
                // from `high` on after it.
                var low = 0
                var high = bytes.count
                while low < high {
                    var start = (low + high) / 2
                    while start > low, bytes[start - 1] != newline { start -= 1 }
                    var keyEnd = start
                    while keyEnd < bytes.count, bytes[keyEnd] != tab, bytes[keyEnd] != newline { keyEnd += 1 }
                    var lineEnd = keyEnd
                    while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
                    let candidate = UnsafeBufferPointer(rebasing: bytes[start..<keyEnd])
                    if candidate.elementsEqual(wanted) {
                        return numbers(UnsafeBufferPointer(rebasing: bytes[min(keyEnd + 1, lineEnd)..<lineEnd]))
                    }
                    if candidate.lexicographicallyPrecedes(wanted) {
                        low = lineEnd + 1
                    } else {
                        high = start
                    }
                }
                return []
            }
        }
    }

    /// `12 345` → [12, 345].
    private static func numbers(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result: [Int] = []
        var value = 0
        var inNumber = false
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                value = value * 10 + Int(byte - 0x30)
                inNumber = true
            } else if inNumber {
                result.append(value)
                value = 0
                inNumber = false
            }
        }
        if inNumber { result.append(value) }
        return result
    }

    /// The place of the row that starts at byte `offset` of the table.
    static func place(at offset: Int) -> GazetteerPlace? {
        var table = table
        return table.withUTF8 { bytes -> GazetteerPlace? in
            guard offset >= 0, offset < bytes.count else { return nil }
            var end = offset
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var cells: [String] = []
            var cellStart = offset
            for position in offset...end where position == end || bytes[position] == UInt8(ascii: "\t") {
                cells.append(
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[cellStart..<position]), as: UTF8.self))
                cellStart = position + 1
            }
            return Gazetteer.place(from: cells)
        }
    }

    /// Every place of the table, in its order.
    static var all: [GazetteerPlace] { TSV.rows(table).compactMap(Gazetteer.place(from:)) }

    /// Each spelling of the index with the offset of its latest row, ready to be compared
    /// with a misspelling, by its length in letters (`spellingsByLength[n]`, in the index's
    /// order), so that a search visits only those of about its length: made once, when the
    /// first is looked for.
    static let spellingsByLength: [[(key: SpellingKey, offset: Int)]] = {
        var result: [[(key: SpellingKey, offset: Int)]] = []
        forEachKey { key, offset in
            let spelling = SpellingKey(key)
            while result.count <= spelling.length { result.append([]) }
            result[spelling.length].append((spelling, offset))
        }
        return result
    }()

    /// Each spelling of the index with the offset of its latest row: one pass over the index's
    /// bytes (it holds tens of thousands of lines, all read for the first misspelling).
    static func forEachKey(_ body: (String, Int) -> Void) {
        var index = index
        index.withUTF8 { bytes in
            let newline = UInt8(ascii: "\n")
            let tab = UInt8(ascii: "\t")
            var lineStart = 0
            while lineStart < bytes.count {
                var keyEnd = lineStart
                while keyEnd < bytes.count, bytes[keyEnd] != tab, bytes[keyEnd] != newline { keyEnd += 1 }
                var position = keyEnd
                var offset = 0
                var digits = 0
                if position < bytes.count, bytes[position] == tab {
                    position += 1
                    while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                        offset = offset * 10 + Int(bytes[position] - 0x30)
                        digits += 1
                        position += 1
                    }
                }
                while position < bytes.count, bytes[position] != newline { position += 1 }
                if digits > 0 {
                    body(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<keyEnd]), as: UTF8.self),
                        offset)
                }
                lineStart = position + 1
            }
        }
    }
}

/// A dictionary behind a lock, shared by the threads that check records.
private final class LockedCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: [BundledGazetteer.Candidate]] = [:]

    func withLock<T>(_ body: (inout [String: [BundledGazetteer.Candidate]]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&entries)
    }
}
