import Foundation
internal import NameKeys

/// A known city: its country, IANA time zone and coordinates.
public struct GazetteerPlace: Hashable, Sendable {
    public var name: String
    public var alternatives: [String]
    public var country: String
    public var timezone: String
    public var coordinates: Coordinates

    public init(name: String, alternatives: [String], country: String, timezone: String, coordinates: Coordinates) {
        self.name = name
        self.alternatives = alternatives
        self.country = country
        self.timezone = timezone
        self.coordinates = coordinates
    }
}

/// The cities Almanac knows, from the GeoNames-derived `gazetteer.tsv` that ships with it
/// (CC BY 4.0), plus any a project adds.
///
/// The shipped table is never loaded as a whole: its lookup index is computed at build time
/// (`EmbedResourcesTool`'s `GazetteerIndex`) and searched in place, and only the rows a
/// lookup finds are read. Places a project adds are indexed here, ahead of the shipped ones.
public struct Gazetteer: Sendable {
    /// Whether the shipped table is part of this gazetteer.
    private var includesBundled = false
    /// The places added with ``add(_:)``.
    private var places: [GazetteerPlace] = []
    /// Folded country name of each added place.
    private var countryKeys: [String] = []
    /// Folded spelling → the added places with that spelling, the latest added first.
    private var index: [String: [Int]] = [:]
    /// Suggestions made so far; a new one for each added place, which may change them.
    private var suggestionCache = SuggestionCache()

    /// The gazetteer that ships with Almanac.
    public static let bundled: Gazetteer = {
        var gazetteer = Gazetteer()
        gazetteer.includesBundled = true
        return gazetteer
    }()

    public init() {}

    static func place(from row: [String]) -> GazetteerPlace? {
        guard row.count >= 6, let latitude = Double(row[4]), let longitude = Double(row[5]) else { return nil }
        return GazetteerPlace(
            name: row[0],
            alternatives: row[1].utf8.split(separator: UInt8(ascii: "|")).map { String(Substring($0)) },
            country: row[2],
            timezone: row[3],
            coordinates: Coordinates(latitude: latitude, longitude: longitude)
        )
    }

    /// Adds a place; its names then find it ahead of any earlier place of the same name.
    public mutating func add(_ place: GazetteerPlace) {
        suggestionCache = SuggestionCache()
        places.append(place)
        countryKeys.append(Gazetteer.key(place.country))
        for key in Set(([place.name] + place.alternatives).map(Gazetteer.key)) {
            index[key, default: []].insert(places.count - 1, at: 0)
        }
    }

    /// The place called `name` (any spelling, case and accents ignored), preferring one in
    /// `country` when given.
    public func place(named name: String, country: String? = nil) -> GazetteerPlace? {
        place(named: name, countryKey: country.map(Gazetteer.key))
    }

    /// ``place(named:country:)`` with the country's ``key(_:)`` worked out already (a record's
    /// country is also looked up in the country table).
    package func place(named name: String, countryKey: String?) -> GazetteerPlace? {
        let key = Gazetteer.key(name)
        // Most projects add no places: no key to hash then.
        let added = index.isEmpty ? [] : index[key] ?? []
        let shipped = includesBundled ? BundledGazetteer.places(key: key) : []
        if let countryKey {
            if let match = added.first(where: { countryKeys[$0] == countryKey }) { return places[match] }
            if let match = shipped.first(where: { $0.countryKey == countryKey }) { return match.place }
        }
        return added.first.map { places[$0] } ?? shipped.first?.place
    }

    /// Every place, in the order added (the shipped ones first).
    public var all: [GazetteerPlace] {
        (includesBundled ? BundledGazetteer.all : []) + places
    }

    /// Up to `limit` known city names that `name` is likely a misspelling of ("Sarajvo" →
    /// Sarajevo), those nearest to it. Only names of about the same length are compared, so this
    /// costs some ten thousand short comparisons and is meant for names that were not found.
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        suggestedSpellings(for: name, limit: limit).map(\.place.name)
    }

    /// The suggestions of ``suggestions(for:limit:)`` with the spelling that matched: a place's
    /// own name, or another spelling of it ("Beogard" → Beograd, which is Belgrade), so that a
    /// message can show a far-fetched match with the place it stands for.
    public func suggestedSpellings(for name: String, limit: Int = 3) -> [(spelling: String, place: GazetteerPlace)] {
        let key = Gazetteer.key(name)
        guard !key.isEmpty else { return [] }
        // A project misspells the same city in record after record: each spelling is looked
        // for once.
        if let known = suggestionCache.suggestions(for: key, limit: limit) { return known }
        let found = searchSuggestions(key: key, limit: limit)
        suggestionCache.store(found, for: key, limit: limit)
        return found
    }

    /// How many times ``suggestedSpellings(for:limit:)`` searched the spellings rather than
    /// answer from what it found before.
    package var suggestionSearches: Int { suggestionCache.searches }

    private func searchSuggestions(key: String, limit: Int) -> [(spelling: String, place: GazetteerPlace)] {
        let wanted = SpellingKey(key)
        let allowed = max(1, min(3, wanted.length / 3))
        // Each place, at the distance of its nearest spelling (its own name on a tie).
        var nearest: [String: (distance: Int, spelling: String, place: GazetteerPlace)] = [:]
        func consider(_ candidate: SpellingKey, place: () -> GazetteerPlace?) {
            guard abs(candidate.length - wanted.length) <= allowed else { return }
            let distance = wanted.distance(to: candidate, limit: allowed)
            guard distance <= allowed, let place = place() else { return }
            let isOwnName = Gazetteer.key(place.name) == candidate.text
            if let known = nearest[place.name], known.distance < distance || (known.distance == distance && !isOwnName)
            {
                return
            }
            let spelling = isOwnName ? place.name : place.alternatives.first { Gazetteer.key($0) == candidate.text }
            nearest[place.name] = (distance, spelling ?? place.name, place)
        }
        for (candidate, indices) in index { consider(SpellingKey(candidate)) { places[indices[0]] } }
        if includesBundled {
            // Spellings an added place also has are named after it, above.
            let byLength = BundledGazetteer.spellingsByLength
            for length in max(0, wanted.length - allowed)...(wanted.length + allowed) where length < byLength.count {
                for entry in byLength[length] where index.isEmpty || index[entry.key.text] == nil {
                    consider(entry.key) { BundledGazetteer.place(at: entry.offset) }
                }
            }
        }
        // Only the nearest: a second, farther name is more often noise than help.
        let least = nearest.values.map(\.distance).min()
        return nearest.values.filter { $0.distance == least }.sorted { $0.place.name < $1.place.name }.prefix(limit).map
        {
            ($0.spelling, $0.place)
        }
    }

    /// Names compared without case, accents or a leading "the".
    package static func key(_ name: String) -> String { NameKey.of(name) }
}

/// A folded spelling, ready to be compared letter by letter.
struct SpellingKey: Sendable {
    let text: String
    /// Its letters (`Character`s), as many as `text.count`.
    let length: Int
    /// Its bytes when it is plain ASCII without a carriage return, where a byte is a letter;
    /// nil otherwise, and its letters are compared as `Character`s.
    private let ascii: [UInt8]?
    /// The bytes it holds, as bits (byte modulo 64) of a set, when it is ASCII.
    private let bytes: UInt64

    init(_ text: String) {
        self.text = text
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            ascii = Array(text.utf8)
            length = text.utf8.count
            bytes = text.utf8.reduce(0) { $0 | (1 << UInt64($1 & 63)) }
        } else {
            ascii = nil
            length = text.count
            bytes = 0
        }
    }

    /// ``Spelling/distance(_:_:)`` to `other` when it is at most `limit`, else more than `limit`.
    func distance(to other: SpellingKey, limit: Int) -> Int {
        if let ascii, let theirs = other.ascii {
            // Each letter one of them has and the other has not takes an edit, and an edit
            // (a replaced letter) settles at most one of each side's: most names are that far
            // apart already, and need no table.
            let onlyHere = (bytes & ~other.bytes).nonzeroBitCount
            let onlyThere = (other.bytes & ~bytes).nonzeroBitCount
            if max(onlyHere, onlyThere) > limit { return limit + 1 }
            return Spelling.distance(ascii, theirs, limit: limit)
        }
        return Spelling.distance(Array(text), Array(other.text), limit: limit)
    }
}

/// Suggestions already made, by folded spelling and limit, shared by the copies of a gazetteer.
private final class SuggestionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: [(spelling: String, place: GazetteerPlace)]] = [:]
    private var searchCount = 0

    /// How many suggestions were stored, that is searched for.
    var searches: Int {
        lock.lock()
        defer { lock.unlock() }
        return searchCount
    }

    func suggestions(for key: String, limit: Int) -> [(spelling: String, place: GazetteerPlace)]? {
        lock.lock()
        defer { lock.unlock() }
        return entries["\(limit)\t" + key]
    }

    func store(_ suggestions: [(spelling: String, place: GazetteerPlace)], for key: String, limit: Int) {
        lock.lock()
        defer { lock.unlock() }
        searchCount += 1
        // Bounded: a log of misspellings does not make it grow without end.
        if entries.count < 4096 { entries["\(limit)\t" + key] = suggestions }
    }
}

/// The tab-separated data files that ship with Almanac, compiled into it from `Resources/`:
/// `#` comment lines, a header row, then one row per line.
package enum TSV {
    /// The rows of `Resources/<name>.tsv`.
    package static func bundled(_ name: String) -> [[String]] {
        rows(EmbeddedResources.files[name + ".tsv"] ?? "")
    }

    /// Split on raw bytes: the gazetteer alone has thousands of rows, read at every start.
    /// (The embedded files have LF line ends: EmbedResourcesTool turns CRLF into LF.)
    static func rows(_ text: String) -> [[String]] {
        var text = text
        return text.withUTF8 { bytes in
            let newline = UInt8(ascii: "\n")
            let tab = UInt8(ascii: "\t")
            let comment = UInt8(ascii: "#")
            var rows: [[String]] = []
            var headerSeen = false
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart, bytes[lineStart] != comment else { continue }
                guard headerSeen else {
                    headerSeen = true
                    continue
                }
                var cells: [String] = []
                var cellStart = lineStart
                for index in lineStart...lineEnd where index == lineEnd || bytes[index] == tab {
                    cells.append(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[cellStart..<index]), as: UTF8.self))
                    cellStart = index + 1
                }
                rows.append(cells)
            }
            return rows
        }
    }
}
