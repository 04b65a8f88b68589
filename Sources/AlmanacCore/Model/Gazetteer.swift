import Foundation

/// A known city: its country, IANA time zone and coordinates.
public struct GazetteerPlace: Hashable, Sendable {
    public var name: String
    public var alternatives: [String]
    public var country: String
    public var timezone: String
    public var coordinates: Coordinates
}

/// The cities Almanac knows, from the GeoNames-derived `gazetteer.tsv` that ships with it
/// (CC BY 4.0), plus any a project adds.
public struct Gazetteer: Sendable {
    private var places: [GazetteerPlace] = []
    /// Folded country name of each place.
    private var countryKeys: [String] = []
    /// Folded spelling → the places with that spelling, the latest added first.
    private var index: [String: [Int]] = [:]

    /// The gazetteer that ships with Almanac.
    public static let bundled: Gazetteer = {
        var gazetteer = Gazetteer()
        for place in TSV.bundled("gazetteer").compactMap(Gazetteer.place(from:)) { gazetteer.add(place) }
        return gazetteer
    }()

    public init() {}

    private static func place(from row: [String]) -> GazetteerPlace? {
        guard row.count >= 6, let latitude = Double(row[4]), let longitude = Double(row[5]) else { return nil }
        return GazetteerPlace(
            name: row[0],
            alternatives: row[1].split(separator: "|").map(String.init),
            country: row[2],
            timezone: row[3],
            coordinates: Coordinates(latitude: latitude, longitude: longitude)
        )
    }

    /// Adds a place; its names then find it ahead of any earlier place of the same name.
    public mutating func add(_ place: GazetteerPlace) {
        places.append(place)
        countryKeys.append(Gazetteer.key(place.country))
        for key in Set(([place.name] + place.alternatives).map(Gazetteer.key)) {
            index[key, default: []].insert(places.count - 1, at: 0)
        }
    }

    /// The place called `name` (any spelling, case and accents ignored), preferring one in
    /// `country` when given.
    public func place(named name: String, country: String? = nil) -> GazetteerPlace? {
        guard let candidates = index[Gazetteer.key(name)] else { return nil }
        if let country {
            let countryKey = Gazetteer.key(country)
            if let match = candidates.first(where: { countryKeys[$0] == countryKey }) { return places[match] }
        }
        return places[candidates[0]]
    }

    /// Every place, in the order added.
    public var all: [GazetteerPlace] { places }

    /// Names compared without case, accents or a leading "the".
    static func key(_ name: String) -> String {
        // Plain Swift for ASCII, which needs no folding of accents: Foundation's folding and
        // trimming are slow, and importers look up every capitalised word.
        let start = name.firstIndex { !$0.isWhitespace } ?? name.endIndex
        let end = name.lastIndex { !$0.isWhitespace }.map { name.index(after: $0) } ?? start
        let trimmed = String(name[start..<max(start, end)])
        var folded = trimmed.utf8.allSatisfy { $0 < 0x80 } ? trimmed.lowercased() : trimmed.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        if folded.hasPrefix("the ") { folded.removeFirst(4) }
        return folded
    }
}

/// The tab-separated data files that ship with Almanac, compiled into it from `Resources/`:
/// `#` comment lines, a header row, then one row per line.
enum TSV {
    /// The rows of `Resources/<name>.tsv`.
    static func bundled(_ name: String) -> [[String]] {
        rows(EmbeddedResources.files[name + ".tsv"] ?? "")
    }

    static func rows(_ text: String) -> [[String]] {
        text.split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("#") }
            .dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
