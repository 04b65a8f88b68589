import AlmanacModel
import Foundation

extension MapPlace {
    /// The cities of the counted activities that the gazetteer knows, most activities first;
    /// a city is told apart by its country.
    static func places(of set: ActivitySet, gazetteer: Gazetteer) -> [MapPlace] {
        var places: [String: MapPlace] = [:]
        for occurrence in set.counted {
            guard let place = occurrence.record.place, let city = place.city, let name = place.cityAndCountry,
                let known = gazetteer.place(named: city, country: place.country)
            else { continue }
            let country = place.country ?? known.country
            places[
                DistinctNames.key(name),
                default: MapPlace(
                    name: name, activities: 0, coordinates: known.coordinates,
                    countryCode: Countries.bundled.country(named: Countries.withoutMarker(country))?.iso)
            ].activities += 1
        }
        return places.values.sorted { (-$0.activities, $0.name) < (-$1.activities, $1.name) }
    }
}

/// A map of the period's places: country outlines (Natural Earth), the countries with
/// activity shaded, and a circle per city whose area grows with its number of activities.
/// It is framed on the places, in an equirectangular projection true to scale at the
/// frame's middle latitude, and styled by the HTML page (dark mode, print).
struct ActivityMap {
    var title: String
    var places: [MapPlace]
    var outlines: CountryOutlines = .bundled

    static let width = 600.0, height = 420.0

    /// The frame: longitudes and latitudes shown, padded around the places, at the map's
    /// proportions and at least some 6° of latitude tall, so one city still shows its region.
    private var frame: (west: Double, east: Double, south: Double, north: Double) {
        let longitudes = places.map(\.coordinates.longitude)
        let latitudes = places.map(\.coordinates.latitude)
        var (west, east) = (longitudes.min()!, longitudes.max()!)
        var (south, north) = (latitudes.min()!, latitudes.max()!)
        let padLatitude = max(1.5, (north - south) * 0.15)
        let padLongitude = max(2.0, (east - west) * 0.12)
        (west, east, south, north) = (
            west - padLongitude, east + padLongitude, south - padLatitude, north + padLatitude
        )
        if north - south < 6 {
            let grow = (6 - (north - south)) / 2
            (south, north) = (south - grow, north + grow)
        }
        let squeeze = cos((south + north) / 2 * .pi / 180)
        let aspect = Self.width / Self.height
        if (east - west) * squeeze / (north - south) < aspect {
            let grow = ((north - south) * aspect / squeeze - (east - west)) / 2
            (west, east) = (west - grow, east + grow)
        } else {
            let grow = ((east - west) * squeeze / aspect - (north - south)) / 2
            (south, north) = (south - grow, north + grow)
        }
        return (west, east, max(-89, south), min(89, north))
    }

    /// nil without places.
    func svg() -> String? {
        guard !places.isEmpty else { return nil }
        let frame = frame
        let squeeze = cos((frame.south + frame.north) / 2 * .pi / 180)
        let scale = Self.width / ((frame.east - frame.west) * squeeze)
        func project(_ longitude: Double, _ latitude: Double) -> (x: Double, y: Double) {
            ((longitude - frame.west) * squeeze * scale, (frame.north - latitude) * scale)
        }
        let active = Set(places.compactMap(\.countryCode))
        var land = ""
        var shaded = ""
        for ring in outlines.rings
        where ring.maxLongitude >= frame.west && ring.minLongitude <= frame.east && ring.maxLatitude >= frame.south
            && ring.minLatitude <= frame.north
        {
            let clipped = Self.clip(ring.points.map { project($0.longitude, $0.latitude) }, margin: 4)
            guard let path = Self.path(clipped) else { continue }
            if active.contains(ring.iso) { shaded += path } else { land += path }
        }
        var lines = [
            """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" \
            aria-labelledby="map-title map-desc">
            """,
            "<title id=\"map-title\">\(SVGText.escaped(title))</title>",
            "<desc id=\"map-desc\">\(SVGText.escaped(description))</desc>",
            "<rect class=\"map-sea\" x=\"0\" y=\"0\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\"/>",
        ]
        if !land.isEmpty { lines.append("<path class=\"map-land\" d=\"\(land)\"/>") }
        if !shaded.isEmpty { lines.append("<path class=\"map-land map-active\" d=\"\(shaded)\"/>") }
        // Largest first, so small circles stay visible on top of big ones.
        for place in places {
            let (x, y) = project(place.coordinates.longitude, place.coordinates.latitude)
            let radius = 6 * Double(place.activities).squareRoot()
            lines.append(
                """
                <circle class="map-point" cx="\(SVGText.number(x))" cy="\(SVGText.number(y))" \
                r="\(SVGText.number(radius))"><title>\(SVGText.escaped(Self.words(place)))</title></circle>
                """
            )
        }
        // Labels beside their circle, right or left, or above or below when that side is
        // taken by another label or runs off the map (bold 15px: about 9 units a character).
        var taken: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for place in places {
            let (x, y) = project(place.coordinates.longitude, place.coordinates.latitude)
            let radius = 6 * Double(place.activities).squareRoot()
            let city = place.name.components(separatedBy: ", ").first ?? place.name
            let width = Double(city.count) * 9
            let gap = radius + 4
            let candidates: [(x: Double, y: Double, anchor: SVGText.Anchor)] = [
                (x + gap, y + 5, .start), (x - gap, y + 5, .end), (x, y - gap - 2, .middle),
                (x, y + gap + 12, .middle),
            ]
            func box(_ label: (x: Double, y: Double, anchor: SVGText.Anchor)) -> (
                x0: Double, y0: Double, x1: Double, y1: Double
            ) {
                let left = label.anchor.left(of: label.x, width: width)
                return (left, label.y - 12, left + width, label.y + 3)
            }
            let fits = { (b: (x0: Double, y0: Double, x1: Double, y1: Double)) in
                b.x0 >= 2 && b.x1 <= Self.width - 2 && b.y0 >= 2 && b.y1 <= Self.height - 2
                    && !taken.contains { b.x0 < $0.x1 && $0.x0 < b.x1 && b.y0 < $0.y1 && $0.y0 < b.y1 }
            }
            let label = candidates.first { fits(box($0)) } ?? candidates[x > Self.width / 2 ? 1 : 0]
            taken.append(box(label))
            lines.append(
                """
                <text class="map-label" x="\(SVGText.number(label.x))" y="\(SVGText.number(label.y))"\
                \(label.anchor.attribute)>\(SVGText.escaped(city))</text>
                """
            )
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    /// "Skopje, North Macedonia: 2 activities; Rome, Italy: 1 activity".
    var description: String { places.map(Self.words).joined(separator: "; ") }

    static func words(_ place: MapPlace) -> String {
        "\(place.name): \(place.activities) \(place.activities == 1 ? "activity" : "activities")"
    }

    /// A ring cut to the map's rectangle (grown by `margin`), by Sutherland–Hodgman.
    static func clip(_ points: [(x: Double, y: Double)], margin: Double) -> [(x: Double, y: Double)] {
        let edges:
            [(
                inside: ((x: Double, y: Double)) -> Bool,
                cross: ((x: Double, y: Double), (x: Double, y: Double)) -> (x: Double, y: Double)
            )] = [
                (
                    { $0.x >= -margin },
                    { a, b in
                        let t = (-margin - a.x) / (b.x - a.x)
                        return (-margin, a.y + t * (b.y - a.y))
                    }
                ),
                (
                    { $0.x <= width + margin },
                    { a, b in
                        let t = (width + margin - a.x) / (b.x - a.x)
                        return (width + margin, a.y + t * (b.y - a.y))
                    }
                ),
                (
                    { $0.y >= -margin },
                    { a, b in
                        let t = (-margin - a.y) / (b.y - a.y)
                        return (a.x + t * (b.x - a.x), -margin)
                    }
                ),
                (
                    { $0.y <= height + margin },
                    { a, b in
                        let t = (height + margin - a.y) / (b.y - a.y)
                        return (a.x + t * (b.x - a.x), height + margin)
                    }
                ),
            ]
        var result = points
        for edge in edges {
            guard let last = result.last else { break }
            var output: [(x: Double, y: Double)] = []
            var previous = last
            for point in result {
                switch (edge.inside(point), edge.inside(previous)) {
                case (true, true): output.append(point)
                case (true, false):
                    output.append(edge.cross(previous, point))
                    output.append(point)
                case (false, true): output.append(edge.cross(previous, point))
                case (false, false): break
                }
                previous = point
            }
            result = output
        }
        return result
    }

    /// "M1,2L3,4…Z" at a tenth of a unit, repeated points dropped; nil for less than a triangle.
    static func path(_ points: [(x: Double, y: Double)]) -> String? {
        var cells: [String] = []
        for point in points {
            let cell = "\(SVGText.number(point.x)),\(SVGText.number(point.y))"
            if cells.last != cell { cells.append(cell) }
        }
        if cells.count > 1, cells.first == cells.last { cells.removeLast() }
        guard cells.count >= 3 else { return nil }
        return "M" + cells.joined(separator: "L") + "Z"
    }
}
