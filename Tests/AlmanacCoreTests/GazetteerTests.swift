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
