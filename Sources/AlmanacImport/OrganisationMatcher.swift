import AlmanacModel

/// Finds the partner organisations a news item names: the known ones by any of their names
/// (acronyms only in capitals), and national ministries by their full name ("Ministry of
/// Interior of Serbia"), in order of first mention.
public struct OrganisationMatcher: Sendable {
    private let index: PhraseIndex<KnownOrganisation>
    private let excluded: Set<String>
    private let countries: Countries
    private let gazetteer: Gazetteer

    /// `known` are matched (later entries win for the same name); `excluding` names the
    /// project's own organisation, which is never listed as a partner.
    public init(
        known: [KnownOrganisation], excluding own: String?, gazetteer: Gazetteer, countries: Countries = .bundled
    ) {
        var index = PhraseIndex<KnownOrganisation>()
        for organisation in known {
            for phrase in [organisation.name] + organisation.aliases { index.add(phrase, organisation) }
        }
        self.index = index
        self.excluded = Set([own].compactMap { $0?.lowercased() })
        self.countries = countries
        self.gazetteer = gazetteer
    }

    public func organisations(in texts: [String]) -> [String] {
        var result: [String] = []
        for text in texts {
            let prose = Prose(text)
            var finds = index.finds(in: prose).map { ($0.tokens.lowerBound, name(of: $0, in: prose)) }
            finds += ministries(in: prose)
            for (_, name) in finds.sorted(by: { $0.0 < $1.0 })
            where !excluded.contains(name.lowercased()) && !result.contains(name) {
                result.append(name)
            }
        }
        return result
    }

    /// "EU Delegation to Serbia", "EU Delegation in Sarajevo": an organisation kept per
    /// place, with "to" before a country and "in" before a city, however the text put it.
    private func name(of find: PhraseIndex<KnownOrganisation>.Find, in prose: Prose) -> String {
        let organisation = find.value
        let tokens = prose.tokens
        let next = find.tokens.upperBound
        guard organisation.isPerPlace, next + 1 < tokens.count, ["to", "in"].contains(tokens[next].lowercased) else {
            return organisation.name
        }
        for length in [3, 2, 1] where next + 1 + length <= tokens.count {
            let words = tokens[(next + 1)..<(next + 1 + length)]
            guard words.allSatisfy({ $0.isWord && $0.isCapitalised }) else { continue }
            var name = words.map(\.text).joined(separator: " ")
            if name.hasSuffix("'s") || name.hasSuffix("’s") { name.removeLast(2) }
            if let country = countries.country(named: name) { return "\(organisation.name) to \(country.name)" }
            if let city = gazetteer.place(named: name) { return "\(organisation.name) in \(city.name)" }
        }
        return organisation.name
    }

    /// "Ministry of Foreign Affairs of Moldova": a ministry whose name ends with a country.
    private func ministries(in prose: Prose) -> [(Int, String)] {
        var result: [(Int, String)] = []
        let tokens = prose.tokens
        for (start, token) in tokens.enumerated() where token.text == "Ministry" {
            var i = start + 1
            while i + 1 < tokens.count, tokens[i].isWord,
                tokens[i].isCapitalised || ["of", "for", "and", "the"].contains(tokens[i].text), i - start < 10
            {
                if tokens[i].text == "of", let country = country(in: tokens, at: i + 1) {
                    let words = tokens[start...i].map(\.text) + [country.name]
                    result.append((start, words.joined(separator: " ")))
                    break
                }
                i += 1
            }
        }
        return result
    }

    /// The country named by the one to three words at `index`.
    private func country(in tokens: [Prose.Token], at index: Int) -> Country? {
        for length in [3, 2, 1] where index + length <= tokens.count {
            let words = tokens[index..<(index + length)]
            guard words.allSatisfy(\.isWord) else { continue }
            if let country = countries.country(named: words.map(\.text).joined(separator: " ")) { return country }
        }
        return nil
    }
}
