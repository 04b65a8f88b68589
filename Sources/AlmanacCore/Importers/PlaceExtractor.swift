/// The city and country where an activity took place, found with the gazetteer.
public struct ExtractedPlace: Hashable, Sendable {
    /// The gazetteer's city, or nil when only the country is known.
    public var city: GazetteerPlace?
    public var country: String
}

/// Finds the place of an activity in a news item. A name counts only when it is capitalised
/// and stands where a place of activity stands: after "in", "at" or "to" ("held in Rome",
/// "a visit to Tirana"), before its country ("Budva Montenegro", "Skopje, North Macedonia"),
/// or as a dateline at the start of the title or text ("Tirana – …"). City names that are
/// also English words (Bar, Split, Nice, Reading) therefore never match plain prose.
///
/// Of the places found, one mentioned in passing is skipped: a seat of an organisation ("the
/// EU Delegation in Sarajevo"), a place after "from", or one after words such as "previous"
/// or "next". The place in the sentence of the activity's date wins, then the title's, then
/// the first. With no city at all, an activity with a country's ministry or government takes
/// place in its capital; otherwise a country named as the place ("in Hungary", a title
/// ending ", Hungary") is kept alone.
public struct PlaceExtractor: Sendable {
    public let gazetteer: Gazetteer
    public let countries: Countries

    public init(gazetteer: Gazetteer, countries: Countries = .bundled) {
        self.gazetteer = gazetteer
        self.countries = countries
    }

    private static let placeWords: Set<String> = ["in", "at", "to", "near", "hosted", "venue"]
    /// Words before "in" that make the place the seat of an organisation, not the venue.
    private static let seatWords: Set<String> = [
        "delegation", "delegations", "embassy", "embassies", "office", "offices", "mission",
        "headquartered", "based", "seated", "consulate", "representation", "ambassador", "residing",
    ]
    /// Words in the clause before a place that make it a place mentioned in passing.
    private static let passingWords: Set<String> = [
        "previous", "previously", "last", "earlier", "next", "following", "upcoming", "former", "since", "born",
        "participants", "representatives", "colleagues", "counterparts", "guests",
    ]
    private static let institutionWords: Set<String> = ["ministry", "government", "parliament", "presidency", "minister", "president"]

    /// The place of the activity described by `title` and `body`; `dateRange` is where the
    /// activity's date was found in `body`, if it was.
    public func place(title: String, body: String, dateRange: Range<String.Index>?) -> ExtractedPlace? {
        let titleProse = Prose(title), bodyProse = Prose(body)
        let dateSentence = dateRange.map { bodyProse.sentence(at: $0.lowerBound) }
        let titleFinds = finds(in: titleProse, isTitle: true)
        let bodyFinds = finds(in: bodyProse, isTitle: false)
        let all = (titleFinds + bodyFinds).filter { !$0.isPassing }
        let titleCountry = titleFinds.last { $0.city == nil && !$0.isPassing }?.country

        var cities = all.filter { $0.city != nil }
        if let titleCountry, cities.contains(where: { $0.country == titleCountry }) {
            cities = cities.filter { $0.country == titleCountry }
        }
        let ranked = cities.enumerated().min { lhs, rhs in
            rank(lhs.element, order: lhs.offset, dateSentence: dateSentence) < rank(rhs.element, order: rhs.offset, dateSentence: dateSentence)
        }
        if let best = ranked?.element { return ExtractedPlace(city: best.city, country: best.country) }
        if let capital = institutionCapital(in: [titleProse, bodyProse]) { return capital }
        if let country = titleCountry ?? all.first(where: { $0.city == nil })?.country {
            return ExtractedPlace(city: nil, country: country)
        }
        return nil
    }

    private func rank(_ find: Find, order: Int, dateSentence: Int?) -> (Int, Int, Int) {
        let inDateSentence = !find.isTitle && dateSentence != nil && find.sentence == dateSentence
        return (inDateSentence ? 0 : 1, find.isTitle ? 0 : 1, order)
    }

    // MARK: Finding names

    private struct Find {
        var city: GazetteerPlace?
        var country: String
        var isTitle: Bool
        var sentence: Int
        var isPassing: Bool
    }

    /// Every city or country name in `prose` that stands in a place's position.
    private func finds(in prose: Prose, isTitle: Bool) -> [Find] {
        var result: [Find] = []
        var index = 0
        let tokens = prose.tokens
        while index < tokens.count {
            guard tokens[index].isWord, tokens[index].isCapitalised, let match = longestName(in: prose, at: index) else {
                index += 1
                continue
            }
            let followingCountry = countryAfter(prose, match.next)
            var city = match.city
            if let place = city, let followingCountry, followingCountry.name != place.country {
                city = gazetteer.place(named: place.name, country: followingCountry.name).flatMap { $0.country == followingCountry.name ? $0 : nil }
            }
            let confirmedByCountry = city != nil && followingCountry?.name == city?.country
            // "in the Hague": the article does not count.
            let articleBefore = index >= 1 && prose.tokens[index - 1].lowercased == "the"
            let contextIndex = articleBefore ? index - 1 : index
            let before = prose.wordBefore(contextIndex)
            let isDateline = contextIndex == 0 && match.next < tokens.count && [":", "–", "—", "-", ","].contains(tokens[match.next].text)
            let hasContext = before.map(Self.placeWords.contains) ?? false
            if let country = city?.country ?? match.country?.name, hasContext || confirmedByCountry || isDateline || isTitleSuffix(prose, index, match, isTitle) {
                let words = prose.wordsBefore(contextIndex)
                let seat = before == "in" && Self.seatWords.contains(prose.wordBefore(contextIndex - 1) ?? "")
                let passing = seat || before == "from" || words.contains(where: Self.passingWords.contains)
                result.append(Find(city: city, country: country, isTitle: isTitle, sentence: tokens[index].sentence, isPassing: passing))
            }
            index = confirmedByCountry ? (followingCountryEnd(prose, match.next) ?? match.next) : match.next
        }
        return result
    }

    /// A place set off by commas in a title: "…, Hungary", "Exercise, Sarajevo, 20 May 2025".
    private func isTitleSuffix(_ prose: Prose, _ index: Int, _ match: NameMatch, _ isTitle: Bool) -> Bool {
        guard isTitle, index > 0, prose.tokens[index - 1].text == "," else { return false }
        return match.next == prose.tokens.count || prose.tokens[match.next].text == ","
    }

    private struct NameMatch {
        var city: GazetteerPlace?
        var country: Country?
        var next: Int
    }

    /// The longest city or country name (up to four words) starting at token `index`.
    private func longestName(in prose: Prose, at index: Int) -> NameMatch? {
        let tokens = prose.tokens
        for length in stride(from: 4, through: 1, by: -1) {
            var words: [String] = []
            var i = index
            while i < tokens.count, words.count < length, tokens[i].isWord {
                words.append(tokens[i].text)
                i += 1
            }
            guard words.count == length else { continue }
            // Every word of a multi-word name is capitalised, except joining words ("Bosnia and Herzegovina").
            guard words.allSatisfy({ $0.first!.isUppercase || ["and", "of", "the", "pri", "de", "el", "upon", "am", "an"].contains($0) }) else { continue }
            let name = words.joined(separator: " ")
            let city = gazetteer.place(named: name)
            let country = countries.country(named: name)
            if let country {
                // A city-state or a city named like its country (Luxembourg, Monaco).
                let namesake = gazetteer.place(named: name, country: country.name).flatMap { $0.country == country.name ? $0 : nil }
                return NameMatch(city: namesake, country: country, next: i)
            }
            if let city { return NameMatch(city: city, country: nil, next: i) }
        }
        return nil
    }

    /// The country named right after a city, with or without a comma.
    private func countryAfter(_ prose: Prose, _ index: Int) -> Country? {
        guard let start = countryStart(prose, index) else { return nil }
        return longestName(in: prose, at: start)?.country
    }

    private func followingCountryEnd(_ prose: Prose, _ index: Int) -> Int? {
        countryStart(prose, index).flatMap { longestName(in: prose, at: $0)?.next }
    }

    private func countryStart(_ prose: Prose, _ index: Int) -> Int? {
        var i = index
        if i < prose.tokens.count, prose.tokens[i].text == "," { i += 1 }
        return i < prose.tokens.count && prose.tokens[i].isWord && prose.tokens[i].isCapitalised ? i : nil
    }

    /// The capital of the country whose ministry or government the text names
    /// ("the Ministry of Interior of Serbia").
    private func institutionCapital(in proses: [Prose]) -> ExtractedPlace? {
        for prose in proses {
            for (index, token) in prose.tokens.enumerated() where token.isWord && Self.institutionWords.contains(token.lowercased) && token.isCapitalised {
                var i = index + 1
                var words = 0
                while i < prose.tokens.count, words < 8, prose.tokens[i].isWord {
                    if prose.tokens[i].lowercased == "of", let match = longestName(in: prose, at: i + 1), let country = match.country,
                       let capital = gazetteer.place(named: country.capital, country: country.name) {
                        return ExtractedPlace(city: capital, country: country.name)
                    }
                    i += 1
                    words += 1
                }
            }
        }
        return nil
    }
}
