import Testing

@testable import AlmanacModel

/// The shipped gazetteer is searched through an index the build computes; it must find
/// exactly what an index built from the table at run time finds.
@Suite struct GazetteerTests {
    /// The table's places, and folded spelling → their positions, the latest row first: the
    /// index as `Gazetteer.add` builds it.
    static func runtimeIndex() -> (places: [GazetteerPlace], index: [String: [Int]]) {
        let places = TSV.bundled("gazetteer").compactMap(Gazetteer.place(from:))
        var index: [String: [Int]] = [:]
        for (position, place) in places.enumerated() {
            for key in Set(([place.name] + place.alternatives).map(Gazetteer.key)) {
                index[key, default: []].insert(position, at: 0)
            }
        }
        return (places, index)
    }

    /// The record checker takes a city found in a country of that name as proof that the
    /// country is known, without the country table: every shipped place's country is in it.
    @Test func everyShippedPlacesCountryIsInTheCountryTable() {
        let countries = Set(Countries.bundled.names)
        let outside = Set(Gazetteer.bundled.all.map(\.country)).subtracting(countries)
        #expect(outside.isEmpty, "\(outside.sorted())")
    }

    @Test func thePrecomputedIndexFindsWhatTheTableSays() {
        let (places, index) = Self.runtimeIndex()
        #expect(places.count > 1600)
        #expect(Gazetteer.bundled.all == places)
        var keys = 0
        BundledGazetteer.forEachKey { _, _ in keys += 1 }
        #expect(keys == index.count)
        for (key, positions) in index {
            let found = BundledGazetteer.places(key: key).map(\.place)
            #expect(found == positions.map { places[$0] }, "\(key)")
        }
    }

    @Test func lookupsIgnoreCaseAccentsAndTheAndPreferTheCountry() {
        let gazetteer = Gazetteer.bundled
        #expect(gazetteer.place(named: "Chisinau")?.name == gazetteer.place(named: "Chișinău")?.name)
        #expect(gazetteer.place(named: "  the hague ")?.country == "Netherlands")
        #expect(gazetteer.place(named: "SARAJEVO")?.timezone == "Europe/Sarajevo")
        // A name in decomposed form finds the same city as the precomposed one.
        #expect(gazetteer.place(named: "Chis\u{0327}ina\u{0306}u")?.name == gazetteer.place(named: "Chișinău")?.name)
        #expect(gazetteer.place(named: "Nowhere-on-Sea") == nil)
        #expect(gazetteer.suggestions(for: "Sarajvo") == ["Sarajevo"])
    }

    @Test func anAddedPlaceComesBeforeTheShippedOneOfTheSameName() {
        var gazetteer = Gazetteer.bundled
        let shipped = gazetteer.place(named: "Skopje")
        gazetteer.add(
            GazetteerPlace(
                name: "Skopje", alternatives: ["Skoplje"], country: "Elsewhere", timezone: "Europe/Brussels",
                coordinates: Coordinates(latitude: 1, longitude: 2)))
        #expect(gazetteer.place(named: "skoplje")?.country == "Elsewhere")
        #expect(gazetteer.place(named: "Skopje", country: shipped?.country)?.country == shipped?.country)
        #expect(gazetteer.all.count == Gazetteer.bundled.all.count + 1)
        #expect(gazetteer.suggestions(for: "Skopjee") == ["Skopje"])
    }
}

/// Suggestions for a misspelt city are searched once per spelling, with a distance that stops
/// as soon as it is too far: a project misspelling one city in thousands of records stays fast.
@Suite struct GazetteerSuggestionTests {
    /// A gazetteer with a cache of its own (adding a place starts a new one), so that other
    /// tests running at the same time do not count here.
    static func ownGazetteer() -> Gazetteer {
        var gazetteer = Gazetteer.bundled
        gazetteer.add(
            GazetteerPlace(
                name: "Testville", alternatives: [], country: "Nowhere", timezone: "UTC",
                coordinates: Coordinates(latitude: 0, longitude: 0)))
        return gazetteer
    }

    @Test func eachSpellingIsSearchedOnce() {
        let gazetteer = Self.ownGazetteer()
        #expect(gazetteer.suggestionSearches == 0)
        for _ in 0..<50 { #expect(gazetteer.suggestions(for: "Sarajvo") == ["Sarajevo"]) }
        // Case, spaces and a leading "the" make no other spelling.
        #expect(gazetteer.suggestions(for: " SARAJVO ") == ["Sarajevo"])
        #expect(gazetteer.suggestionSearches == 1)
        // A copy (as each record checker holds) shares what was found.
        let copy = gazetteer
        #expect(copy.suggestions(for: "Sarajvo") == ["Sarajevo"])
        #expect(copy.suggestions(for: "Skopjee") == ["Skopje"])
        #expect(gazetteer.suggestionSearches == 2)
        // Another limit is another question.
        #expect(gazetteer.suggestions(for: "Sarajvo", limit: 1) == ["Sarajevo"])
        #expect(gazetteer.suggestionSearches == 3)
        // An added place may change the answer: it is searched again.
        var grown = gazetteer
        grown.add(
            GazetteerPlace(
                name: "Sarajvo Polje", alternatives: ["Sarajva"], country: "Nowhere", timezone: "UTC",
                coordinates: Coordinates(latitude: 0, longitude: 0)))
        #expect(grown.suggestionSearches == 0)
        #expect(grown.suggestions(for: "Sarajvo").contains("Sarajvo Polje"))
        #expect(grown.suggestionSearches == 1)
        #expect(gazetteer.suggestions(for: "Sarajvo") == ["Sarajevo"])
    }

    /// The optimal-string-alignment distance by its textbook definition, the whole table
    /// filled: the oracle of the three-row, bounded version Almanac runs.
    private static func textbookDistance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = [d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)].min()!
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    @Test func distancesOfKnownPairs() {
        #expect(Spelling.distance("kitten", "sitting") == 3)
        #expect(Spelling.distance("sarajvo", "sarajevo") == 1)
        #expect(Spelling.distance("ab", "ba") == 1, "a swap of two letters costs 1")
        #expect(Spelling.distance("", "abc") == 3)
        #expect(Spelling.distance("ca", "abc") == 3, "optimal string alignment, not full Damerau–Levenshtein")
    }

    /// The bounded distance is the full one when within the bound, and above the bound otherwise.
    @Test func theBoundedDistanceAgreesWithTheFullOne() {
        var keys: [String] = []
        BundledGazetteer.forEachKey { key, _ in keys.append(key) }
        let words = ["sarajvo", "skopjee", "beogard", "tirnaa", "pristina", "chisinau", "podgorca", "ab", "x", ""]
        for word in words {
            for key in keys.prefix(400) + ["sarajevo", "skopje", "beograd", "tirana", "chișinău"] {
                let full = Self.textbookDistance(word, key)
                #expect(Spelling.distance(word, key) == full, "\(word) \(key)")
                for limit in 0...3 {
                    let bounded = Spelling.distance(Array(word), Array(key), limit: limit)
                    #expect(full <= limit ? bounded == full : bounded > limit, "\(word) \(key) \(limit)")
                    let ascii = SpellingKey(word).distance(to: SpellingKey(key), limit: limit)
                    #expect(full <= limit ? ascii == full : ascii > limit, "\(word) \(key) \(limit)")
                }
            }
        }
    }
}
