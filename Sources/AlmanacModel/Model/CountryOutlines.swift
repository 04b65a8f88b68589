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
            guard row.count >= 2, let points = Self.points(row[1]), points.count >= 4 else { return nil }
            let longitudes = points.map(\.longitude)
            let latitudes = points.map(\.latitude)
            return Ring(
                iso: row[0], points: points, minLongitude: longitudes.min()!, maxLongitude: longitudes.max()!,
                minLatitude: latitudes.min()!, maxLatitude: latitudes.max()!)
        }
    }

    /// The points of a ring's text, `dx,dy` pairs separated by spaces; nil when a pair does
    /// not read. Scanned as bytes: every report with a map reads some 30,000 pairs.
    private static func points(_ text: String) -> [(longitude: Double, latitude: Double)]? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = IntegerScanner(bytes: bytes)
            var points: [(longitude: Double, latitude: Double)] = []
            var x = 0
            var y = 0
            while true {
                scanner.skip(UInt8(ascii: " "))
                guard !scanner.isAtEnd else { return points }
                guard let dx = scanner.integer(), scanner.take(UInt8(ascii: ",")), let dy = scanner.integer(),
                    scanner.isAtEnd || scanner.next == UInt8(ascii: " ")
                else { return nil }
                x += dx
                y += dy
                points.append((Double(x) / 100, Double(y) / 100))
            }
        }
    }
}

/// Reads whole numbers and single bytes from the front of UTF-8 text.
private struct IntegerScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }
    var next: UInt8? { isAtEnd ? nil : bytes[offset] }

    mutating func skip(_ byte: UInt8) {
        while next == byte { offset += 1 }
    }

    /// Takes `byte` when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        offset += 1
        return true
    }

    /// A whole number of at most 18 digits with an optional sign; nil when none comes next.
    mutating func integer() -> Int? {
        let negative = next == UInt8(ascii: "-")
        if negative || next == UInt8(ascii: "+") { offset += 1 }
        var value = 0
        var digits = 0
        while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 18 {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            offset += 1
        }
        return digits > 0 ? (negative ? -value : value) : nil
    }
}
