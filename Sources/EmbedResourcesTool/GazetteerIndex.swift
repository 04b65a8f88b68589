import Foundation

/// The lookup index of `gazetteer.tsv`, computed at build time so that no run of `almanac`
/// folds the table's ten thousand spellings (a quarter of a small project's `feed`).
///
/// One line per folded spelling, sorted by its UTF-8 bytes: `KEY<tab>OFFSET OFFSET…`, each
/// OFFSET the byte offset in the embedded table's text of a row with that spelling, the
/// latest row first (a later row wins, as with ``Gazetteer/add(_:)``). `Gazetteer` searches
/// it in place; a test holds it equal to the index built from the table at run time.
enum GazetteerIndex {
    static func make(table: String) -> String {
        var keys: [String: [Int]] = [:]
        var offset = 0
        var headerSeen = false
        for line in table.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            defer { offset += line.count + 1 }
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            guard headerSeen else {
                headerSeen = true
                continue
            }
            let cells = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            // The rows `Gazetteer` leaves out.
            guard cells.count >= 6, Double(cells[4]) != nil, Double(cells[5]) != nil else { continue }
            let names = [cells[0]] + cells[1].utf8.split(separator: UInt8(ascii: "|")).map { String(Substring($0)) }
            var seen: Set<String> = []
            for name in names {
                let key = canonical(key(name))
                guard seen.insert(key).inserted else { continue }
                keys[key, default: []].insert(offset, at: 0)
            }
        }
        let sorted = keys.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return sorted.map { key in key + "\t" + keys[key]!.map(String.init).joined(separator: " ") }
            .joined(separator: "\n") + "\n"
    }

    /// A key in one Unicode form (NFC), so that byte order and byte equality match String
    /// equality; `Gazetteer` brings a non-ASCII key it searches for into the same form.
    static func canonical(_ key: String) -> String {
        key.utf8.allSatisfy { $0 < 0x80 } ? key : key.precomposedStringWithCanonicalMapping
    }

    // MARK: The key, exactly as `Gazetteer.key` folds it (AlmanacModel cannot be used here:
    // this tool builds part of it).

    static func key(_ name: String) -> String {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            guard byte < 0x80 else { return foldedKey(name) }
            ascii.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        var trimmed = ascii.drop(while: isSpace)
        while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
        if trimmed.starts(with: "the ".utf8) { trimmed.removeFirst(4) }
        return String(decoding: trimmed, as: UTF8.self)
    }

    private static func foldedKey(_ name: String) -> String {
        var folded = trimmed(name).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        if folded.hasPrefix("the ") { folded.removeFirst(4) }
        return folded
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }
}
