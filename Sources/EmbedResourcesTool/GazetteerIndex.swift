import Foundation
import NameKeys

/// The lookup index of `gazetteer.tsv`, computed at build time so that no run of `almanac`
/// folds the table's forty-five thousand spellings (a quarter of a small project's `feed`).
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
                let key = canonical(NameKey.of(name))
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
}
