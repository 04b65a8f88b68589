/// Country outlines for report maps, from `country-outlines.tsv`: Natural Earth's 1:50m
/// admin-0 countries (public domain), simplified by scripts/data/generate-country-outlines.py.
package struct CountryOutlines: Sendable {
    /// One closed ring of a country's outline, longitude and latitude in degrees.
    package struct Ring: Sendable {
        package var iso: String
        package var points: [(longitude: Double, latitude: Double)]
        package var minLongitude: Double, maxLongitude: Double, minLatitude: Double, maxLatitude: Double
    }

    package let rings: [Ring]

    package static let bundled = CountryOutlines(rows: TSV.bundled("country-outlines"))

    /// Rows of `iso`, `points`: hundredths of a degree, the first pair absolute and each next
    /// one relative to the one before. Rows that do not read are skipped.
    init(rows: [[String]]) {
        rings = rows.compactMap { row in
            guard row.count >= 2 else { return nil }
            var x = 0
            var y = 0
            var points: [(Double, Double)] = []
            for pair in row[1].split(separator: " ") {
                let parts = pair.split(separator: ",")
                guard parts.count == 2, let dx = Int(parts[0]), let dy = Int(parts[1]) else { return nil }
                x += dx
                y += dy
                points.append((Double(x) / 100, Double(y) / 100))
            }
            guard points.count >= 4 else { return nil }
            let longitudes = points.map(\.0)
            let latitudes = points.map(\.1)
            return Ring(
                iso: row[0], points: points, minLongitude: longitudes.min()!, maxLongitude: longitudes.max()!,
                minLatitude: latitudes.min()!, maxLatitude: latitudes.max()!)
        }
    }
}
