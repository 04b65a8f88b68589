import Foundation
import Testing

@testable import AlmanacModel
@testable import AlmanacReports

/// The report map: framed on the period's places wherever they are, outlines clipped to it.
@Suite struct ActivityMapTests {
    static func place(_ name: String, _ count: Int, _ latitude: Double, _ longitude: Double, _ code: String?)
        -> MapPlace
    {
        MapPlace(
            name: name, activities: count, coordinates: Coordinates(latitude: latitude, longitude: longitude),
            countryCode: code)
    }

    /// The circles' centres, read back from the SVG.
    static func centres(_ svg: String) -> [(Double, Double)] {
        svg.components(separatedBy: "<circle ").dropFirst().compactMap { part in
            func value(_ name: String) -> Double? {
                part.components(separatedBy: name + "=\"").dropFirst().first?.split(separator: "\"").first.flatMap {
                    Double($0)
                }
            }
            guard let x = value("cx"), let y = value("cy") else { return nil }
            return (x, y)
        }
    }

    @Test func outlinesShipForTheRegionAndBeyond() {
        let codes = Set(CountryOutlines.bundled.rings.map(\.iso))
        for code in ["AL", "BA", "XK", "ME", "MK", "RS", "MD", "IT", "US", "JP"] {
            #expect(codes.contains(code), "\(code)")
        }
        // Each ring is closed after decoding: the deltas add back up to the first point.
        for ring in CountryOutlines.bundled.rings.prefix(50) {
            #expect(ring.points.first! == ring.points.last!)
        }
    }

    @Test(arguments: [
        [place("Skopje, North Macedonia", 2, 41.9965, 21.4314, "MK")],
        [
            place("Skopje, North Macedonia", 1, 41.9965, 21.4314, "MK"),
            place("Brussels, Belgium", 3, 50.8505, 4.3488, "BE"),
        ],
        [
            place("Tirana, Albania", 1, 41.3275, 19.8187, "AL"),
            place("Washington, United States", 1, 38.8951, -77.0364, "US"),
            place("Tokyo, Japan", 1, 35.6895, 139.6917, "JP"),
        ],
    ])
    func everyPlaceIsInsideTheFrame(_ places: [MapPlace]) throws {
        let svg = try #require(ActivityMap(title: "Places", places: places).svg())
        let centres = Self.centres(svg)
        #expect(centres.count == places.count)
        for (x, y) in centres {
            #expect(
                (0...ActivityMap.width).contains(x) && (0...ActivityMap.height).contains(y),
                "(\(x), \(y)) is outside the map")
        }
        #expect(svg.contains("map-active"), "the countries with activity are shaded")
        #expect(
            svg.contains("<desc id=\"map-desc\">" + places.map(ActivityMap.words).joined(separator: "; ") + "</desc>"))
        // Outlines are cut to the frame: no coordinate far outside it.
        let numbers = svg.components(separatedBy: " d=\"").dropFirst().flatMap {
            $0.prefix { $0 != "\"" }.split(whereSeparator: { "MLZ,".contains($0) })
        }.compactMap { Double($0) }
        #expect(!numbers.isEmpty && numbers.allSatisfy { (-5...605).contains($0) })
    }

    @Test func noPlacesNoMap() {
        #expect(ActivityMap(title: "Places", places: []).svg() == nil)
    }

    @Test func clippingKeepsTheInsideOfARing() {
        let square = [(x: -100.0, y: -100.0), (x: 100.0, y: -100.0), (x: 100.0, y: 100.0), (x: -100.0, y: 100.0)]
        let clipped = ActivityMap.clip(square, margin: 0)
        #expect(clipped.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.x <= 100 && $0.y <= 100 })
        #expect(ActivityMap.path(clipped) == "M0,0L100,0L100,100L0,100Z")
    }
}
