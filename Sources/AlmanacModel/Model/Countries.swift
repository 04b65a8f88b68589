/// A country as organisations write it, with its other names and its capital.
public struct Country: Hashable, Sendable {
    public var name: String
    public var iso: String
    public var alternatives: [String]
    /// The capital, as named in the gazetteer.
    public var capital: String
}

/// The countries of the gazetteer, from `countries.tsv` (GeoNames, CC BY 4.0).
public struct Countries: Sendable {
    private var countries: [Country] = []
    private var index: [String: Int] = [:]

    /// The countries that ship with Almanac.
    public static let bundled: Countries = {
        var result = Countries()
        for row in TSV.bundled("countries") where row.count >= 4 {
            let country = Country(
                name: row[0], iso: row[1], alternatives: row[2].split(separator: "|").map(String.init), capital: row[3])
            result.countries.append(country)
            for name in [country.name] + country.alternatives {
                let key = Gazetteer.key(name)
                if result.index[key] == nil { result.index[key] = result.countries.count - 1 }
            }
        }
        return result
    }()

    /// The country called `name` (any listed spelling; case, accents and a leading "the"
    /// ignored): "Kosovo" finds "Kosovo*".
    public func country(named name: String) -> Country? {
        index[Gazetteer.key(name.hasSuffix("*") ? String(name.dropLast()) : name)].map { countries[$0] }
    }

    /// ``country(named:)`` for a name whose ``Gazetteer/key(_:)`` is `key`, worked out
    /// already (a record's country is also looked up in the gazetteer).
    package func country(named name: String, key: String) -> Country? {
        name.hasSuffix("*") ? country(named: name) : index[key].map { countries[$0] }
    }

    /// Every country's name, in the table's order.
    public var names: [String] { countries.map(\.name) }

    /// `name` without the marks of a footnote after it ("Kosovo*" → "Kosovo", "Kosovo †" →
    /// "Kosovo"): the trailing characters that are neither letters, digits nor brackets.
    public static func withoutMarker(_ name: String) -> String {
        var result = Substring(name)
        while let last = result.last, !last.isLetter, !last.isNumber, !")]".contains(last) { result.removeLast() }
        return String(result)
    }
}
