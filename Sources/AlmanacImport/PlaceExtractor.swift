import AlmanacModel

/// The city and country where an activity took place.
public struct ExtractedPlace: Hashable, Sendable {
    /// The city as the gazetteer names it, or as the text does when the gazetteer does not
    /// know it; nil when only the country is known.
    public var cityName: String?
    /// The gazetteer's city, with its coordinates and time zone, when it knows it.
    public var city: GazetteerPlace?
    public var country: String
    /// What was assumed rather than read, when the place is a guess.
    public var assumption: String?

    init(city: GazetteerPlace?, country: String) {
        self.cityName = city?.name
        self.city = city
        self.country = country
    }

    /// A city the gazetteer does not know, named with its country ("in Rakitje, Croatia").
    init(unknownCity name: String, country: String) {
        self.cityName = name
        self.country = country
    }
}

/// Finds the place of an activity in a news item. A name counts only when it is capitalised
/// and stands where a place of activity stands: after "in", "at", "to" or "visited" ("held in
/// Rome", "a visit to Tirana", "visited Ljubljana"), before its country ("Budva Montenegro",
/// "Skopje, North Macedonia"), or as a dateline at the start of the title or text ("Tirana –
/// …"). City names that are also English words (Bar, Split, Nice, Reading) therefore never
/// match plain prose. A city the gazetteer does not know counts when the text names its
/// country: "in Rakitje, Croatia".
///
/// Of the places found, one mentioned in passing is skipped: the seat of an organisation or
/// part of a name ("the EU Delegation in Sarajevo", "whose headquarters are in Vienna", "the
/// OSCE Mission to Skopje", "the Berlin Process", "the Ohrid Framework Agreement"), an origin
/// ("a delegation from Kyiv"), or a place after words such as "previous" or "next". The place
/// in the sentence of the activity's date wins (a dateline there only after the title's), then
/// the title's, then the first. With no city at all, an activity that meets or visits a
/// country's ministry or government is assumed (and flagged) to take place in its capital, one
/// the ministry only runs or backs in its country, unless a country is named as the place in
/// the text; otherwise a country named as the place ("in Hungary", a title ending ", Hungary")
/// is kept alone, as is a country the activity covers ("across Serbia", "on the whole territory
/// of Montenegro"); with no place named at all, the one country whose own institutions the text
/// names ("the Albanian State Police") is assumed, flagged. A town the gazetteer lacks counts
/// when the sentence of the date says the activity took place in it ("began in Bujanovac"),
/// flagged, and a city named in the locative case ("u Beogradu") when one city fits. A country
/// named in another case ("в Казахстане", "στην Κύπρο", "u Crnoj Gori") is that country, and a
/// country's institution named in another language ("МВД Казахстана", "Ελληνικής Αστυνομίας")
/// names it as a national institution's country, as above. An
/// activity held online ("a webinar", "met online") takes only a place named as its venue
/// ("in", "at", …) in the title or in the sentence of its date (a country alone only in the
/// title: its text names countries as topics, "a webinar on the situation in Afghanistan"),
/// never a dateline, a ministry's capital or a place in another sentence.
public struct PlaceExtractor: Sendable {
    public let gazetteer: Gazetteer
    public let countries: Countries

    public init(gazetteer: Gazetteer, countries: Countries = .bundled) {
        self.gazetteer = gazetteer
        self.countries = countries
    }

    private static let placeWords: Set<String> = [
        "in", "at", "to", "near", "hosted", "venue", "visit", "visits", "visited", "visiting",
        // "in" in the other languages whose dates are read: "à Kigali", "en Bogotá", "em Lisboa",
        // "u Podgorici" (as the gazetteer spells the case), "në Tiranë", "di Singapura", "în
        // Gdansk", "la Iași", and in Cyrillic "в Тбилиси", "во Анкара", "у Скопју".
        "à", "en", "em", "u", "në", "ne", "di", "în", "la", "в", "во", "у",
        // … and before a country's name: "au Cambodge", "aux Pays-Bas", "na Alemanha", "nel
        // Kosovo", "nella Repubblica", "im Kosovo".
        "au", "aux", "na", "nel", "nella", "im",
        // … and in Greek, "in" with the article: "στην Κύπρο", "στη Θεσσαλονίκη", "στο Βέλγιο".
        "στην", "στη", "στο", "στον", "σε",
    ]
    /// Words for "city", "town" or "municipality" shortened before a place's name, as
    /// Romanian, Russian, Ukrainian, Bulgarian, Polish and Lithuanian texts write them: "în or.
    /// Gdansk" (oraşul), "mun. Chişinău", "в г. Тбилиси", "у м. Київ", "w m. Gdańsk".
    private static let shortenedTownWords: Set<String> = [
        "or", "oraș", "oraş", "mun", "com", "г", "гр", "м", "с", "m", "gr",
    ]
    /// Nouns that introduce a place's name: "the capital Tirana", "the city of Ohrid", "the
    /// territory of Serbia".
    private static let appositionNouns: Set<String> = [
        "capital", "city", "town", "village", "municipality", "territory",
    ]
    /// Words before a country that spread the activity over it: "across Montenegro".
    private static let nationwideWords: Set<String> = ["across", "throughout"]
    /// Words before "in" (or, capitalised as in a name, before "to": "Mission to Skopje") that
    /// make the place the seat of an organisation, not the venue.
    private static let seatWords: Set<String> = [
        "delegation", "delegations", "embassy", "embassies", "office", "offices", "mission", "headquarters", "seat",
        "headquartered", "based", "seated", "consulate", "representation", "ambassador", "residing", "centre",
        "center",
    ]
    /// Capitalised nouns after a city that make it part of the name of an initiative or an
    /// instrument: "the Berlin Process", "the Salzburg Forum", "the Budapest Convention".
    private static let nameNouns: Set<String> = [
        "process", "forum", "convention", "agreement", "framework", "declaration", "initiative", "protocol", "treaty",
        "charter",
        "format", "pact",
    ]
    /// Words between a seat and "in": "whose headquarters are in", "the office, which is located in".
    private static let seatLinks: Set<String> = [
        ",", "which", "that", "is", "are", "was", "were", "located", "situated",
    ]
    /// Words before a seat that make it the venue: "at Europol headquarters in", "visited the Office in".
    private static let venueLeads: Set<String> = [
        "at", "visit", "visits", "visited", "visiting", "opened", "opens", "launched", "launches", "inaugurated",
        "inaugurates",
    ]
    /// Words in the clause before a place that make it a place mentioned in passing.
    private static let passingWords: Set<String> = [
        "previous", "previously", "last", "earlier", "next", "following", "upcoming", "former", "since", "born",
        "participants", "representatives", "colleagues", "counterparts", "guests",
        // A visit continued elsewhere, a later stage: "Delegacija je posjet nastavila odlaskom u Zagrebu".
        "continued", "proceeded", "nastavila", "nastavio", "nastavili", "nastavile", "nadaljevala", "nadaljeval",
        "nadaljevali",
    ]
    private static let nameJoiners: Set<String> = ["of", "the", "and", "for"]
    private static let institutionWords: Set<String> = [
        "ministry", "government", "parliament", "presidency", "minister", "president",
    ]

    /// The place of the activity described by `title` and `body`; `dateRange` is where the
    /// activity's date was found in `body`, if it was.
    public func place(title: String, body: String, dateRange: Range<String.Index>?) -> ExtractedPlace? {
        let titleProse = Prose(title)
        let bodyProse = Prose(body)
        let dateSentence = dateRange.map { bodyProse.sentence(at: $0.lowerBound) }
        let onlineSentences = OnlineActivity.sentences(in: bodyProse)
        let isOnline = !onlineSentences.isEmpty || !OnlineActivity.sentences(in: titleProse).isEmpty
        // Online, only a venue in the title or in the sentence of the date (or, without one, of
        // the activity being online) is the activity's; other sentences name places in passing.
        // A country alone counts only in the title: the text names countries as the topic.
        let activitySentences = dateSentence.map { [$0] } ?? onlineSentences
        // A city on the date line that opens the text of an online activity is where it was
        // launched or held: "7 JUNE 2024 TIRANA, ALBANIA" over "the online course".
        let counts = { (find: Find) in
            !find.isPassing
                && (!isOnline
                    || find.followsPlaceWord
                        && (find.isTitle || find.place.cityName != nil && activitySentences.contains(find.sentence))
                    || find.isDateline && !find.isTitle && find.place.cityName != nil && find.sentence == 0)
        }
        var titleFinds = finds(in: titleProse, isTitle: true)
        var bodyFinds = finds(in: bodyProse, isTitle: false)
        // A town the gazetteer lacks, named as an institution's seat, is in the one country
        // the item's other places are in; without one it is dropped.
        let countries = Set((titleFinds + bodyFinds).map(\.place.country).filter { !$0.isEmpty })
        func placeTowns(_ finds: inout [Find]) {
            finds.removeAll { $0.isUnknownVenue && $0.sentence != dateSentence }
            if countries.count == 1 {
                for index in finds.indices where finds[index].place.country.isEmpty {
                    finds[index].place.country = countries.first!
                    if finds[index].isUnknownVenue, let town = finds[index].place.cityName {
                        finds[index].place.assumption = """
                            the gazetteer does not know \(town), the town the text names as the venue, so it \
                            is written as the text spells it, in \(countries.first!), the country of the item's \
                            other places
                            """
                    }
                }
            }
            finds.removeAll { $0.place.country.isEmpty }
        }
        let regions = Self.regionsOfKnownCities(titleFinds + bodyFinds, in: [title, body])
        titleFinds.removeAll { $0.isUnknownVenue && regions.contains($0.place.cityName ?? "") }
        bodyFinds.removeAll { $0.isUnknownVenue && regions.contains($0.place.cityName ?? "") }
        placeTowns(&titleFinds)
        placeTowns(&bodyFinds)
        let all = (titleFinds + bodyFinds).filter(counts)
        let titleCountry = titleFinds.filter(counts).last { $0.place.cityName == nil }?.place.country

        var cities = all.filter { $0.place.cityName != nil }
        if let titleCountry, cities.contains(where: { $0.place.country == titleCountry }) {
            cities = cities.filter { $0.place.country == titleCountry }
        } else if let titleCountry {
            // A dateline in another country than the one the title names as the place is where
            // the news was written: "BELGRADE, 25 September 2008 - …" under "… study visit to
            // Slovenia".
            cities.removeAll { $0.isDateline && $0.place.country != titleCountry }
        }
        let ranked = cities.enumerated().min { lhs, rhs in
            rank(lhs.element, order: lhs.offset, dateSentence: dateSentence)
                < rank(rhs.element, order: rhs.offset, dateSentence: dateSentence)
        }
        if let best = ranked?.element { return best.place }
        let country = titleCountry ?? all.first(where: { $0.place.cityName == nil })?.place.country
        let isNationwide = all.contains { $0.isNationwide && $0.place.country == country }
        // A country named as the place ("a workshop in Serbia") stays a country.
        let isNamedAsPlace = all.contains {
            $0.place.cityName == nil && $0.followsPlaceWord && !$0.isTitle && $0.place.country == country
        }
        if !isOnline, let capital = adjectivalCapital(in: [titleProse, bodyProse], country: country) {
            return capital
        }
        if !isOnline, let named = eventNamedCity(in: [titleProse, bodyProse]),
            country.map({ $0 == named.country }) ?? true
        {
            return named
        }
        if !isOnline, !isNationwide, !isNamedAsPlace,
            let capital = institutionCapital(in: [titleProse, bodyProse], country: country)
        {
            return capital
        }
        if !isOnline, country == nil, let host = visitedInstitutionCountry(in: [titleProse, bodyProse]) {
            return host
        }
        if !isOnline, country == nil, let national = nationalInstitutionCountry(in: [titleProse, bodyProse]) {
            return national
        }
        return country.map { ExtractedPlace(city: nil, country: $0) }
    }

    /// The names the gazetteer lacks that the text writes right after a city it knows and a
    /// comma, as a region the city is in: "Nusa Dua, Bali, (Antara) - … held in Bali" is held
    /// in Nusa Dua, not in a town named Bali.
    private static func regionsOfKnownCities(_ finds: [Find], in texts: [String]) -> Set<String> {
        let unknown = finds.filter(\.isUnknownVenue).compactMap(\.place.cityName)
        let known = finds.compactMap(\.place.city?.name)
        return Set(
            unknown.filter { town in
                known.contains { city in texts.contains { $0.contains(city + ", " + town) } }
            })
    }

    /// The place named in the sentence of the date wins (a dateline there only after the
    /// title's), then the title's, then the first.
    private func rank(_ find: Find, order: Int, dateSentence: Int?) -> (Int, Int, Int, Int) {
        let inDateSentence = !find.isTitle && !find.isDateline && dateSentence != nil && find.sentence == dateSentence
        return (inDateSentence ? 0 : 1, find.isTitle ? 0 : 1, find.isVenue ? 0 : 1, order)
    }

    // MARK: Finding names

    private struct Find {
        var place: ExtractedPlace
        var isTitle: Bool
        var sentence: Int
        var isPassing: Bool
        /// Named after "in", "at", "visited" …, not only by its position.
        var followsPlaceWord: Bool
        /// A whole country: "across Montenegro", "on the whole territory of Serbia".
        var isNationwide = false
        /// Named only as the dateline at a paragraph's start: "SKOPJE, 9 May 2008 – …".
        var isDateline = false
        /// Named as a venue ("in the capital, Moscow") in a sentence that speaks of no other
        /// time ("Following the adoption … in Ohrid"): it beats a dateline ("RIYADH: …").
        var isVenue = false
        /// A town the gazetteer lacks, named after a verb of taking place ("began in Bujanovac"):
        /// it counts only in the sentence of the activity's date, and is flagged.
        var isUnknownVenue = false
    }

    /// Every city or country name in `prose` that stands in a place's position.
    private func finds(in prose: Prose, isTitle: Bool) -> [Find] {
        var result: [Find] = []
        var index = 0
        let tokens = prose.tokens
        // In a title, a name in quotation marks is a project's or an event's ("the project on
        // \"… Border Police in the Republic of Moldova (TRABOR)\""), not the activity's place.
        let quoted = isTitle ? Self.quotedTokens(prose) : []
        while index < tokens.count {
            // "У словацькому Пряшеві", "в казахстанском Караганде": a town the gazetteer does not
            // know, after a word for "in" and its country's adjective, is in that country.
            if let country = adjectiveBeforeUnknownTown(prose, at: index), !quoted.contains(index) {
                result.append(
                    Find(
                        place: ExtractedPlace(city: nil, country: country.name), isTitle: isTitle,
                        sentence: tokens[index].sentence, isPassing: isPassing(prose, at: index, end: index + 2),
                        followsPlaceWord: true,
                        isVenue: !isTitle && !sentenceSpeaksOfOtherTimes(prose, index)
                            && !looksAheadOfTheReport(prose, index)))
                index += 2
                continue
            }
            guard tokens[index].isWord, tokens[index].isCapitalised, !quoted.contains(index),
                !Self.isFieldLabel(prose, index)
            else {
                index += 1
                continue
            }
            let match = longestName(in: prose, at: index)
            let followingCountry = match.flatMap { countryAfter(prose, $0.next) }
            var city = match?.city
            if let place = city, let followingCountry, followingCountry.name != place.country {
                city = gazetteer.place(named: place.name, country: followingCountry.name).flatMap {
                    $0.country == followingCountry.name ? $0 : nil
                }
            }
            guard let match, let country = city?.country ?? match.country?.name else {
                // Unknown here, or known only in another country than the one named after it.
                if match == nil, let inflected = inflectedCity(in: prose, at: index) {
                    // "održana u Beogradu", "v Ljubljani", "w Warszawie", "në Tiranë".
                    result.append(
                        Find(
                            place: ExtractedPlace(city: inflected, country: inflected.country), isTitle: isTitle,
                            sentence: tokens[index].sentence, isPassing: isPassing(prose, at: index, end: index + 1),
                            followsPlaceWord: true,
                            isVenue: !isTitle && !sentenceSpeaksOfOtherTimes(prose, index)
                                && !looksAheadOfTheReport(prose, index)))
                    index += 1
                } else if let unknown = unknownCity(in: prose, at: index) {
                    result.append(
                        Find(
                            place: unknown.place, isTitle: isTitle, sentence: tokens[index].sentence,
                            isPassing: isPassing(prose, at: index, end: unknown.next), followsPlaceWord: true))
                    index = unknown.next
                } else if match == nil, let town = institutionTown(in: prose, at: index) {
                    // Its country is filled in from the item's other places.
                    result.append(
                        Find(
                            place: ExtractedPlace(unknownCity: town, country: ""), isTitle: isTitle,
                            sentence: tokens[index].sentence, isPassing: isPassing(prose, at: index, end: index + 1),
                            followsPlaceWord: true, isVenue: !isTitle))
                    index += 1
                } else if match == nil, !isTitle, let town = venueTown(in: prose, at: index) {
                    // Its country is filled in from the item's other places, and it is flagged.
                    result.append(
                        Find(
                            place: ExtractedPlace(unknownCity: town.name, country: ""), isTitle: false,
                            sentence: tokens[index].sentence, isPassing: isPassing(prose, at: index, end: town.next),
                            followsPlaceWord: true, isVenue: true, isUnknownVenue: true))
                    index = town.next
                } else {
                    index = match?.next ?? index + 1
                }
                continue
            }
            let confirmedByCountry = city != nil && followingCountry?.name == city?.country
            let contextIndex = leadIn(prose, index)
            let startsParagraph = contextIndex == 0 || tokens[contextIndex - 1].text == "\n"
            // "Saudi Arabia, Russia sign …" opens with a list of countries, not a dateline.
            let opensList =
                match.country != nil && match.next + 1 < tokens.count && tokens[match.next].text == ","
                && longestName(in: prose, at: match.next + 1)?.country != nil
            let isDateline =
                startsParagraph && match.next < tokens.count && !opensList
                && [":", "–", "—", "-", ","].contains(tokens[match.next].text)
                || endsDateLine(prose, index, match.next) || isOnDateLine(prose, index)
            let isNationwide = city == nil && isNationwide(prose, contextIndex, index)
            let followsPlaceWord =
                isNationwide || (prose.wordBefore(contextIndex).map(Self.placeWords.contains) ?? false)
                || isDestination(prose, contextIndex)
                || hostsAfter(prose, match.next) || city == nil && endsVenueName(prose, index)
                || city != nil && namesTheInstitutionVenue(prose, index)
            // "in Tokyo and Nagoya": an activity in two cities of one country is in the country.
            let pairedCity =
                followsPlaceWord && city != nil && match.next + 1 < tokens.count
                && tokens[match.next].lowercased == "and"
                && longestName(in: prose, at: match.next + 1).map { other in
                    other.country == nil && other.city?.country == country && other.city != city
                } ?? false
            if followsPlaceWord || confirmedByCountry || isDateline || isTitleSuffix(prose, index, match, isTitle) {
                result.append(
                    Find(
                        place: ExtractedPlace(city: pairedCity ? nil : city, country: country), isTitle: isTitle,
                        sentence: tokens[index].sentence,
                        isPassing: isPassing(prose, at: contextIndex, end: match.next),
                        followsPlaceWord: followsPlaceWord, isNationwide: isNationwide,
                        isDateline: isDateline && !followsPlaceWord,
                        isVenue: followsPlaceWord && !isTitle && !sentenceSpeaksOfOtherTimes(prose, index)
                            && !looksAheadOfTheReport(prose, index)))
            }
            index = confirmedByCountry ? (followingCountryEnd(prose, match.next) ?? match.next) : match.next
        }
        return result
    }

    /// Words that label a field of the page before a colon: "Izvor: RTRS", "Извор: АТВ", "Burimi:
    /// KP", "Source: WAM", "Foto: MUP". "Izvor" is also a village's name; as a label it names none.
    private static let fieldLabels: Set<String> = [
        "izvor", "izvori", "source", "sources", "burimi", "burim", "foto", "photo", "fotografija", "autor", "author",
    ]

    /// The word at `index` labels a field: one of ``fieldLabels`` (in Latin letters), right
    /// before a colon.
    private static func isFieldLabel(_ prose: Prose, _ index: Int) -> Bool {
        guard index + 1 < prose.tokens.count, prose.tokens[index + 1].text == ":" else { return false }
        let word = prose.tokens[index].lowercased
        let spellings =
            word.unicodeScalars.contains(where: Cyrillic.isCyrillic) ? Cyrillic.latinSpellings(word) : [word]
        return spellings.contains(where: fieldLabels.contains)
    }

    /// The indices of the tokens within quotation marks ("…", “…”).
    private static func quotedTokens(_ prose: Prose) -> Set<Int> {
        var result: Set<Int> = []
        var open: Int?
        for (index, token) in prose.tokens.enumerated() {
            switch token.text {
            case "“": open = index
            case "”":
                if let start = open { result.formUnion(start..<index) }
                open = nil
            case "\"":
                if let start = open {
                    result.formUnion(start..<index)
                    open = nil
                } else {
                    open = index
                }
            default: break
            }
        }
        return result
    }

    /// Where the words before a name at `index` begin: at its article ("in the Hague") or at
    /// an apposition that names what it is ("in the capital Tirana", "in the Albanian capital,
    /// Tirana", "in the city of Ohrid"), so that the word before them tells its role.
    private func leadIn(_ prose: Prose, _ index: Int) -> Int {
        let tokens = prose.tokens
        // "în or. Gdansk": the shortened word for a town is part of the name's lead-in.
        if index >= 3, tokens[index - 1].text == ".", tokens[index - 2].isWord,
            Self.shortenedTownWords.contains(tokens[index - 2].text), tokens[index - 3].isWord
        {
            return index - 2
        }
        var i = index - 1
        if i >= 0, tokens[i].text == "," {
            i -= 1
            // "in the capital of Montenegro, Podgorica": past the country whose capital it is.
            if let of = countryOfApposition(prose, endingAt: i) { i = of }
        }
        if i >= 1, tokens[i].lowercased == "of", Self.appositionNouns.contains(tokens[i - 1].lowercased) { i -= 1 }
        if i >= 0, Self.appositionNouns.contains(tokens[i].lowercased) {
            // "the capital", "the Albanian capital": up to two words to the article.
            if let article = (max(0, i - 3)..<i).last(where: { tokens[$0].lowercased == "the" }),
                tokens[article + 1..<i].allSatisfy(\.isWord)
            {
                return article
            }
        }
        return index >= 1 && tokens[index - 1].lowercased == "the" ? index - 1 : index
    }

    /// The index of "of" before a country's name of up to four words ending at token `last`,
    /// itself after an apposition noun: "the capital of Montenegro" ending at "Montenegro".
    private func countryOfApposition(_ prose: Prose, endingAt last: Int) -> Int? {
        let tokens = prose.tokens
        for start in stride(from: last, through: max(2, last - 3), by: -1) {
            guard tokens[start].isWord else { return nil }
            if tokens[start - 1].lowercased == "of", Self.appositionNouns.contains(tokens[start - 2].lowercased),
                let name = longestName(in: prose, at: start), name.country != nil, name.next == last + 1
            {
                return start - 1
            }
        }
        return nil
    }

    /// Nouns of a police administration or station, in the case they take after "u" (in) or in
    /// the genitive after a noun in that case: "u Policijskoj upravi Prijedor", "u prostorijama
    /// Policijske uprave Prijedor", "u Policijskoj stanici Centar".
    private static let institutionVenueNouns: Set<String> = [
        "upravi", "uprave", "stanici", "stanice", "управи", "управе", "станици", "станице",
    ]

    /// A town named in the nominative after an institution whose premises the activity is in:
    /// "U prostorijama Policijske uprave Prijedor, dana 27.02.2019. godine, održan je …", "U
    /// Policijskoj upravi Prijedor danas je održan …". The institution's noun stands right before
    /// the town, and "u" (in) at most three words before it.
    private func namesTheInstitutionVenue(_ prose: Prose, _ index: Int) -> Bool {
        let tokens = prose.tokens
        guard index >= 2, Self.institutionVenueNouns.contains(tokens[index - 1].lowercased) else { return false }
        var i = index - 2
        var words = 0
        while i >= 0, tokens[i].isWord, words < 3 {
            if ["u", "у"].contains(tokens[i].lowercased) { return true }
            words += 1
            i -= 1
        }
        return false
    }

    /// Verbs of setting out, before "for" and a destination: "departed for Sofia".
    private static let departureVerbs: Set<String> = [
        "departed", "departs", "depart", "left", "leaves", "leaving", "headed", "heads", "flew", "travelled",
        "traveled", "set", "off",
    ]

    /// A place named as where someone set out for: "the Minister departed for Sofia, capital of
    /// Bulgaria, to make a working visit".
    private func isDestination(_ prose: Prose, _ index: Int) -> Bool {
        let words = prose.wordsBefore(index, limit: 2)
        return words.count == 2 && words[1] == "for" && Self.departureVerbs.contains(words[0])
    }

    /// A country named as the whole area of an activity: after "across" or "throughout", or
    /// as "the (whole) territory of".
    private func isNationwide(_ prose: Prose, _ leadIn: Int, _ index: Int) -> Bool {
        Self.nationwideWords.contains(prose.wordBefore(leadIn) ?? "")
            || prose.tokens[leadIn..<index].contains { $0.lowercased == "territory" }
    }

    /// A place named from token `index` to `end` in passing: a seat ("the Delegation in", "whose
    /// headquarters are in", "the Mission to") unless the activity is at it ("at Europol
    /// headquarters in", "visited the Office in"), part of a name ("the Berlin Process"), an
    /// origin ("from") or after a passing word.
    private func isPassing(_ prose: Prose, at index: Int, end: Int) -> Bool {
        let before = prose.wordBefore(index)
        var seatIndex = index - 2
        while seatIndex >= 0, Self.seatLinks.contains(prose.tokens[seatIndex].lowercased) { seatIndex -= 1 }
        // "the Delegation of the European Union to Serbia": past the name of whose mission it is.
        var named = seatIndex
        while named >= 1, !Self.seatWords.contains(prose.tokens[named].lowercased), prose.tokens[named].isWord,
            prose.tokens[named].isCapitalised || ["of", "the"].contains(prose.tokens[named].text)
        { named -= 1 }
        // … and "the Regional Office of UNHCR in Budapest" (but "met the Ambassador of Italy in
        // Tirana" is a meeting in Tirana: a person is no seat).
        if before == "to" || before == "in" && prose.tokens[max(named, 0)].lowercased != "ambassador",
            named < seatIndex, named >= 0, Self.seatWords.contains(prose.tokens[named].lowercased),
            prose.tokens[named + 1].text == "of"
        {
            seatIndex = named
        }
        // "a visit of the members … to the Office of the Council of Europe in Belgrade": the seat visited.
        let leadWords = prose.wordsBefore(seatIndex, limit: 12)
        let visitedSeat =
            (leadWords.last == "the" ? leadWords.dropLast().last : leadWords.last) == "to"
            && leadWords.contains(where: Self.visitWords.contains)
        let seat =
            seatIndex >= 0 && Self.seatWords.contains(prose.tokens[seatIndex].lowercased)
            && (before == "in" || (before == "to" && prose.tokens[seatIndex].isCapitalised))
            && !prose.wordsBefore(seatIndex, limit: 4).contains(where: Self.venueLeads.contains) && !visitedSeat
            && !hostsAfterPlace(prose, end)
        let nameNoun =
            end < prose.tokens.count && prose.tokens[end].isCapitalised
            && Self.nameNouns.contains(prose.tokens[end].lowercased)
        let words = prose.wordsBefore(index)
        // "the last meeting in Tirana", but not "met last week in Tirana".
        let passing = words.indices.contains { i in
            Self.passingWords.contains(words[i]) && !(i + 1 < words.count && Self.timeUnits.contains(words[i + 1]))
        }
        return seat || nameNoun || Self.originWords.contains(before ?? "") || describesAThing(prose, placeAt: index)
            || passing
            || isGenitiveSeat(prose, index)
    }

    /// "From" before a place of origin, in English and in the region's languages: "kolegica iz
    /// Lisabona", "делегација из Београда", "një delegacion nga Tirana".
    private static let originWords: Set<String> = ["from", "iz", "из", "nga"]

    /// Seat nouns in the genitive, in Serbian, Croatian and Bosnian (Latin, and Cyrillic in Latin
    /// letters): of a delegation, embassy, office, mission, headquarters, representation, consulate,
    /// centre or court. Their locative ("u Trening centru") is the venue, not these.
    private static let genitiveSeatNouns: Set<String> = [
        "delegacije", "ambasade", "kancelarije", "ureda", "misije", "sjedišta", "sedišta", "sjedista", "sedista",
        "predstavništva", "predstavnistva", "konzulata", "centra", "suda",
        // … and Macedonian's definite forms before "на" (of), in Latin letters ("Мисијата на ОБСЕ во
        // Скопје"), and Albanian's genitive ("Misionit të OSBE-së në Shkup").
        "misijata", "ambasadata", "kancelarijata", "delegacijata", "pretstavnistvoto", "konzulatot", "misionit",
        "ambasadës", "zyrës", "delegacionit",
    ]
    /// Clitics and auxiliaries that stand in a clause's predicate, which a name does not hold.
    private static let predicateClitics: Set<String> = ["je", "su", "se", "će", "ce", "bi", "smo", "ste", "sam"]

    /// A place after a locative preposition that ends the name of an institution in the
    /// genitive, as a person's title names its seat: "komandant Trening centra za operacije
    /// podrške mira (PSOTC) u Sarajevu", "dužnosnika Višeg i Apelacionog suda u Beogradu". At most
    /// four words of the name (and an acronym in brackets) between the noun and the preposition.
    private func isGenitiveSeat(_ prose: Prose, _ index: Int) -> Bool {
        let tokens = prose.tokens
        guard index >= 2,
            Self.locativePrepositions.contains(tokens[index - 1].lowercased)
                || ["у", "в", "во"].contains(
                    tokens[index - 1].lowercased)
        else { return false }
        var i = index - 2
        // "(PSOTC)": an acronym in brackets.
        if tokens[i].text == ")", i >= 2, tokens[i - 2].text == "(" { i -= 3 }
        var words = 0
        while i >= 0, tokens[i].isWord, words <= 4 {
            let spellings =
                tokens[i].text.unicodeScalars.contains(where: Cyrillic.isCyrillic)
                ? Cyrillic.latinSpellings(tokens[i].lowercased) : [tokens[i].lowercased]
            if spellings.contains(where: Self.genitiveSeatNouns.contains) { return true }
            if spellings.contains(where: Self.predicateClitics.contains) { return false }
            words += 1
            i -= 1
        }
        return false
    }

    private static let visitWords: Set<String> = ["visit", "visits", "visited", "visiting", "trip", "tour"]

    private static let timeUnits: Set<String> = [
        "week", "weekend", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday",
    ]

    /// The sentence of token `index` holds a word of another time ("Following …", "the previous").
    private func sentenceSpeaksOfOtherTimes(_ prose: Prose, _ index: Int) -> Bool {
        prose.sentenceTokens(of: index).contains { $0.isWord && Self.passingWords.contains($0.lowercased) }
    }

    /// The place ending before token `end`, with its country after it, is the subject of a
    /// verb of hosting: "Customs Training Centre in Vilnius, Lithuania was hosting".
    private func hostsAfterPlace(_ prose: Prose, _ end: Int) -> Bool {
        if hostsAfter(prose, end) { return true }
        guard end + 1 < prose.tokens.count, prose.tokens[end].text == ",",
            let country = longestName(in: prose, at: end + 1), country.country != nil
        else { return false }
        return hostsAfter(prose, country.next)
    }

    /// Verbs whose subject is the venue: "the Congress Centre Brdo pri Kranju is hosting",
    /// "Ohrid hosts", "Skopje will host".
    private static let hostVerbs: Set<String> = ["host", "hosts", "hosted", "hosting"]

    /// The name ending before token `next` is the subject of a verb of hosting.
    private func hostsAfter(_ prose: Prose, _ next: Int) -> Bool {
        var i = next
        if i < prose.tokens.count,
            ["is", "was", "will", "has", "have", "had", "to"].contains(prose.tokens[i].lowercased)
        {
            i += 1
        }
        return i < prose.tokens.count && prose.tokens[i].isWord && Self.hostVerbs.contains(prose.tokens[i].lowercased)
    }

    /// Words that join the parts of an institution's name: "Police Academy under the MoI of Georgia".
    private static let institutionJoiners: Set<String> = ["of", "the", "and", "for", "under"]
    /// Words before an institution that make it the venue: "at the Police Academy of Croatia".
    private static let venueVerbs: Set<String> = ["at", "visit", "visits", "visited", "visiting"]

    /// The country at token `index` ends the name of an institution the activity is at or
    /// visits ("received at the Police Academy of Croatia", "visited Police Academy under the
    /// MoI of Georgia"); not an embassy's or a delegation's ("at the Embassy of Italy"), whose
    /// seat is in another country, nor a ministry's ("a visit to the Ministry of Interior of
    /// Montenegro" is taken to be in its capital).
    private func endsVenueName(_ prose: Prose, _ index: Int) -> Bool {
        let tokens = prose.tokens
        guard index >= 2, tokens[index - 1].lowercased == "of" else { return false }
        var i = index - 1
        var head: Int?
        while i > 0, tokens[i - 1].isWord,
            tokens[i - 1].isCapitalised || Self.institutionJoiners.contains(tokens[i - 1].lowercased)
        {
            i -= 1
            if tokens[i].isCapitalised { head = i }
        }
        // A ministry's or a government's is in the capital: left to ``institutionCapital(in:country:)``.
        guard let head, !Self.seatWords.contains(tokens[head].lowercased),
            !Self.institutionWords.contains(tokens[head].lowercased),
            !Self.seatWords.contains(where: { seat in tokens[head..<index].contains { $0.lowercased == seat } })
        else { return false }
        return prose.wordBefore(i).map(Self.venueVerbs.contains) ?? false
    }

    /// The sentence of token `index` looks ahead ("these trainings will also be held in Odesa")
    /// while the text's first sentence (of six words or more: not a publication line) reports:
    /// it names a later session's place, not the venue.
    private func looksAheadOfTheReport(_ prose: Prose, _ index: Int) -> Bool {
        guard let lead = prose.leadSentence, lead.sentence != prose.tokens[index].sentence else { return false }
        return RelativeDay.isFuture(prose, sentenceOf: index)
            && !RelativeDay.isFuture(prose, sentenceOf: lead.firstWord)
    }

    /// "the Agreement signed in Warsaw", "semnat la Vidin": a participle, not led by an
    /// auxiliary ("was signed in"), right before "in" (in any language) and the place.
    private func describesAThing(_ prose: Prose, placeAt index: Int) -> Bool {
        let words = prose.wordIndices(before: index, limit: 3)
        guard words.count >= 2, Self.placeWords.contains(prose.tokens[words[words.count - 1]].lowercased),
            ActivityDateReader.describingParticiples.contains(prose.tokens[words[words.count - 2]].lowercased)
        else { return false }
        // "the Summit that concluded in Dubai yesterday": after a relative pronoun it is the verb
        // of a clause, which places what it tells of.
        return words.count < 3
            || !ActivityDateReader.auxiliaries.contains(prose.tokens[words[words.count - 3]].lowercased)
                && !Self.relativePronouns.contains(prose.tokens[words[words.count - 3]].lowercased)
    }

    private static let relativePronouns: Set<String> = ["that", "which"]

    /// A city the gazetteer does not know, named after "in" with its country: "in Rakitje,
    /// Croatia". Its words are capitalised, not in capitals (an acronym is no city).
    private func unknownCity(in prose: Prose, at index: Int) -> (place: ExtractedPlace, next: Int)? {
        guard prose.wordBefore(index) == "in" else { return nil }
        let tokens = prose.tokens
        var end = index
        while end < tokens.count, end - index < 3, tokens[end].isWord, tokens[end].isCapitalised,
            tokens[end].text.contains(where: \.isLowercase)
        {
            end += 1
            guard end + 1 < tokens.count, tokens[end].text == "," else { continue }
            let name = tokens[index..<end].map(\.text).joined(separator: " ")
            if let country = longestName(in: prose, at: end + 1), let known = country.country {
                return (ExtractedPlace(unknownCity: name, country: known.name), country.next)
            }
            // "in Scheveningen, near The Hague": the country of the city it is near.
            if tokens[end + 1].lowercased == "near", end + 2 < tokens.count,
                let near = longestName(in: prose, at: tokens[end + 2].lowercased == "the" ? end + 3 : end + 2),
                let city = near.city, near.country == nil
            {
                return (ExtractedPlace(unknownCity: name, country: city.country), near.next)
            }
        }
        return nil
    }

    /// Words before "in" that name where an activity took place: "began in Bujanovac",
    /// "concluded in Lalitpur", "the police training centre in Mitrovo Polje".
    private static let takingPlaceWords: Set<String> = [
        "held", "began", "begun", "begins", "started", "starts", "opened", "opens", "concluded", "concludes",
        "ended", "ends", "closed", "place", "met", "meet", "meets", "gathered", "convened", "organised",
        "organized", "conducted", "hosted", "centre", "center", "academy", "college", "school", "camp", "base",
    ]
    private static let relativeDays: Set<String> = ["today", "yesterday", "tomorrow"]
    /// Capitalised words that are no town's name: regions, buildings, languages' and peoples'.
    private static let notTownWords: Set<String> = [
        "hotel", "hall", "house", "palace", "building", "centre", "center", "academy", "headquarters", "premises",
        "parliament", "court", "office", "room", "europe", "asia", "africa", "america", "balkans", "region",
        "english", "french", "spanish", "russian", "arabic", "cooperation", "co-operation", "partnership",
        "accordance", "line", "order", "addition", "particular", "view", "support", "person", "session",
    ]

    /// A town the gazetteer lacks, named after a verb of taking place or an institution and
    /// "in" (or "the town of"): one to three capitalised words (not an acronym, a month, a
    /// weekday, a country's adjective or a building), and where the next name ends.
    private func venueTown(in prose: Prose, at index: Int) -> (name: String, next: Int)? {
        let tokens = prose.tokens
        // "began in", "began today in", "the town of".
        var words = prose.wordsBefore(index, limit: 3)
        if words.count == 3, Self.relativeDays.contains(words[1]) { words.remove(at: 1) }
        words = Array(words.suffix(2))
        guard words.count == 2,
            words[1] == "in" && Self.takingPlaceWords.contains(words[0])
                || words[1] == "of" && ["town", "village", "municipality"].contains(words[0])
        else { return nil }
        var end = index
        while end < tokens.count, end - index < 3, tokens[end].isWord, tokens[end].isCapitalised,
            tokens[end].text.dropFirst().allSatisfy({ $0.isLowercase || $0 == "-" }), tokens[end].text.count > 2,
            !Self.notTownWords.contains(tokens[end].lowercased),
            DateTokenizer.months[tokens[end].lowercased] == nil, DateTokenizer.weekdays[tokens[end].lowercased] == nil,
            country(ofAdjective: tokens[end].text) == nil
        {
            end += 1
        }
        // Stopped short of a longer capitalised name: "in Mitrovo Polje Training Centre".
        guard end > index, end == tokens.count || !(tokens[end].isWord && tokens[end].isCapitalised) else {
            return nil
        }
        return (tokens[index..<end].map(\.text).joined(separator: " "), end)
    }

    /// Prepositions of place that inflect the name after them, in the South Slavic languages,
    /// Slovenian, Slovak, Czech, Polish and Albanian: "u", "v", "w", "në", and "na" as they
    /// write it before some places ("na Brdu kod Kranja", "na Cetinju").
    private static let locativePrepositions: Set<String> = ["u", "v", "w", "në", "ve", "na"]
    /// Endings of a city's name in the locative case, and what its name in the nominative may end
    /// with instead: "Beogradu" → "Beograd", "Sarajevu" → "Sarajevo", "Ljubljani" → "Ljubljana",
    /// "Warszawie" → "Warszawa", "Krakowie" → "Krakow", "Bratislave" → "Bratislava", "Tiranë" →
    /// "Tirana", and with the consonant softened: "Banjaluci" → "Banjaluka", "Rizi" → "Riga",
    /// "Lubaniu" → "Lubań".
    private static let locativeEndings: [(ending: String, nominatives: [String])] = [
        ("ie", ["a", ""]), ("u", ["", "o", "a", "e"]), ("i", ["a", "e", ""]), ("e", ["a", "o"]), ("ë", ["a", ""]),
        ("ci", ["ka"]), ("zi", ["ga"]), ("niu", ["n"]),
        // A plural name's locative: "na Brijunima" → "Brijuni".
        ("ima", ["i"]),
    ]

    /// The city the gazetteer knows whose name, inflected after a locative preposition, is the
    /// word at token `index` ("u Beogradu", or in a title in capitals "ODRŽANOJ U BEOGRADU");
    /// nil unless exactly one city fits.
    private func inflectedCity(in prose: Prose, at index: Int) -> GazetteerPlace? {
        let written = prose.tokens[index].text
        let isCyrillic = written.unicodeScalars.contains(where: Cyrillic.isCyrillic)
        guard index >= 1,
            isCyrillic
                ? Self.cyrillicLocativePrepositions.contains(prose.tokens[index - 1].lowercased)
                : Self.locativePrepositions.contains(prose.tokens[index - 1].lowercased),
            written.count > 3,
            written.dropFirst().allSatisfy(\.isLowercase) || written.allSatisfy(\.isUppercase)
        else { return nil }
        // "у Бањалуци": Serbian Cyrillic, in the South Slavic Latin spelling ("Banjaluci").
        let word = isCyrillic ? (Cyrillic.latinSpellings(written.lowercased()).last ?? "") : written.lowercased()
        if !isCyrillic, let city = twoWordInflectedCity(adjective: word, in: prose, at: index) { return city }
        var found: [(city: GazetteerPlace, name: String, ending: String, usual: Int)] = []
        for (ending, nominatives) in Self.locativeEndings where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            for (usual, name) in nominatives.map({ stem + $0 }).enumerated() {
                if let city = gazetteer.place(named: name) { found.append((city, name, ending, usual)) }
            }
        }
        // Only when no name fits as written: "u Sisku" is Sisak.
        if found.isEmpty, word.hasSuffix("u") {
            for name in Self.withFleetingVowel(String(word.dropLast())) where !Self.fleetingCommonNouns.contains(name) {
                if let city = gazetteer.place(named: name) { found.append((city, name, "u", 0)) }
            }
        }
        // "u Mitrovici" is Mitrovica's locative; that another town is also called "Mitrovic" (a
        // spelling without the ending) does not make it ambiguous. Of two names of which one is
        // the other with a vowel more, the one the ending more usually comes from wins: "a"
        // before "-i" (feminine), nothing before "-u" (masculine: "u Beogradu" is Beograd).
        let fitting = found.filter { candidate in
            !found.contains { other in
                other.ending == candidate.ending && other.usual < candidate.usual
                    && (other.name.hasPrefix(candidate.name) || candidate.name.hasPrefix(other.name))
            }
        }
        var cities: [GazetteerPlace] = []
        for candidate in fitting where !cities.contains(candidate.city) { cities.append(candidate.city) }
        guard cities.count == 1, !isFarAway(cities[0], from: prose) else { return nil }
        return cities[0]
    }

    /// The nominatives of a masculine name whose last vowel drops out when it is inflected
    /// (a fleeting a, or e in Slovenian and Kajkavian names): "Sisku" → "Sisak", "Zadru" →
    /// "Zadar", "Čačku" → "Čačak", "Karlovcu" → "Karlovac", "Kragujevcu" → "Kragujevac". `stem` is the
    /// locative without its "u", ending in two consonants.
    /// Nouns with a fleeting vowel that name institutions and are also towns' names: "u Centru za
    /// obuku" (in the Training Centre) is not in Centar.
    private static let fleetingCommonNouns: Set<String> = ["centar"]

    private static func withFleetingVowel(_ stem: String) -> [String] {
        let vowels = Set("aeiouyàáâäåèéêëìíîïòóôöùúûüëəąęųœæ")
        guard stem.count >= 3, let last = stem.last, let before = stem.dropLast().last, !vowels.contains(last),
            !vowels.contains(before), last.isLetter, before.isLetter
        else { return [] }
        let head = stem.dropLast()
        return ["a", "e"].map { head + $0 + String(last) }
    }

    /// Endings of an adjective in the locative that opens a town's name, and the nominative's:
    /// "u Sremskoj Kamenici" and Slovenian "v Sremski Kamenici" → "Sremska Kamenica", "u Novom
    /// Sadu" → "Novi Sad", "u Slavonskom Brodu" → "Slavonski Brod".
    private static let adjectiveLocativeEndings: [(ending: String, nominatives: [String])] = [
        ("oj", ["a"]), ("om", ["i", "o"]), ("em", ["i", "o"]), ("i", ["a", "i"]),
    ]

    /// The town of two words, an adjective and a noun, both in the locative after a locative
    /// preposition ("u Sremskoj Kamenici"); nil unless exactly one town fits.
    private func twoWordInflectedCity(adjective: String, in prose: Prose, at index: Int) -> GazetteerPlace? {
        guard index + 1 < prose.tokens.count, prose.tokens[index + 1].isWord, prose.tokens[index + 1].isCapitalised,
            prose.tokens[index + 1].sentence == prose.tokens[index].sentence
        else { return nil }
        let noun = prose.tokens[index + 1].lowercased
        var cities: [GazetteerPlace] = []
        for (ending, nominatives) in Self.adjectiveLocativeEndings where adjective.hasSuffix(ending) {
            for first in nominatives.map({ adjective.dropLast(ending.count) + $0 }) {
                for (nounEnding, nounNominatives) in Self.locativeEndings where noun.hasSuffix(nounEnding) {
                    for second in nounNominatives.map({ noun.dropLast(nounEnding.count) + $0 }) {
                        if let city = gazetteer.place(named: first + " " + second), !cities.contains(city) {
                            cities.append(city)
                        }
                    }
                }
            }
        }
        guard cities.count == 1, !isFarAway(cities[0], from: prose) else { return nil }
        return cities[0]
    }

    /// "у Бањалуци", "во Струга": the words for "in" before a Cyrillic name in the locative.
    private static let cyrillicLocativePrepositions: Set<String> = ["у", "в", "во"]

    /// A city outside Europe that a European language's locative restores ("v Tacnu", a
    /// Slovene village's locative, would be Tacna in Peru), when the text does not name its
    /// country: the languages that inflect a place after "in" are Europe's, and a text in one of
    /// them names a far-away city with its country ("u Limi, u Peruu"), so the match is taken
    /// for a local place the gazetteer lacks.
    private func isFarAway(_ city: GazetteerPlace, from prose: Prose) -> Bool {
        guard !city.timezone.hasPrefix("Europe/") else { return false }
        return !prose.tokens.indices.contains { index in
            prose.tokens[index].isWord && prose.tokens[index].isCapitalised
                && longestName(in: prose, at: index)?.country?.name == city.country
        }
    }

    /// A town the gazetteer lacks, named as the seat of an institution: "the Police Training
    /// Centre in Idrizovo", "the Police Academy in Idrizovo". One capitalised word after "in",
    /// right after the institution's name.
    private func institutionTown(in prose: Prose, at index: Int) -> String? {
        let tokens = prose.tokens
        guard index >= 2, prose.wordBefore(index) == "in", tokens[index - 1].lowercased == "in",
            tokens[index - 2].isWord, tokens[index - 2].isCapitalised,
            Self.seatNouns.contains(tokens[index - 2].lowercased),
            tokens[index].text.dropFirst().allSatisfy(\.isLowercase), tokens[index].text.count > 2
        else { return nil }
        if index + 1 < tokens.count, tokens[index + 1].isWord, tokens[index + 1].isCapitalised { return nil }
        return tokens[index].text
    }

    private static let seatNouns: Set<String> = [
        "centre", "center", "academy", "college", "school", "institute", "prison", "camp", "base", "facility",
    ]

    /// A place that ends a line holding only a date before it: "16 - 17 May 2023 Mostar",
    /// "01 June 2023 Tirana", as news listings print the date and place of each item.
    private func endsDateLine(_ prose: Prose, _ index: Int, _ end: Int) -> Bool {
        let tokens = prose.tokens
        guard end == tokens.count || tokens[end].text == "\n" else { return false }
        let lineStart = tokens[..<index].lastIndex { $0.text == "\n" }.map { $0 + 1 } ?? 0
        let before = tokens[lineStart..<index]
        let isNumeric = { (token: Prose.Token) in token.text.allSatisfy { $0.isNumber || "-–".contains($0) } }
        return before.contains { $0.isWord && isNumeric($0) }
            && before.allSatisfy { token in
                token.isWord
                    ? isNumeric(token) || DateTokenizer.month(afterADay: token.lowercased) != nil
                    : !token.text.allSatisfy(\.isLetter)
            }
    }

    /// A place on a short line of its own that holds a date and otherwise only names:
    /// "Strasbourg (Palais de l'Europe, Room 1) 17-21 June 2019", "15 November 2016, NATO
    /// Headquarters Brussels", as event pages print the date and venue under the title.
    private func isOnDateLine(_ prose: Prose, _ index: Int) -> Bool {
        let tokens = prose.tokens
        // The line's bounds, looked for no further than its 15th word: a longer line is no
        // date line, and a long text on one line is not searched from end to end for each place.
        var wordCount = 0
        var start = index
        while start > 0, tokens[start - 1].text != "\n" {
            start -= 1
            if tokens[start].isWord { wordCount += 1 }
            if wordCount > 14 { return false }
        }
        var end = index
        while end < tokens.count, tokens[end].text != "\n" {
            if tokens[end].isWord { wordCount += 1 }
            if wordCount > 14 { return false }
            end += 1
        }
        let words = tokens[start..<end].filter(\.isWord)
        guard words.count <= 14, words.contains(where: { DateTokenizer.month(afterADay: $0.lowercased) != nil }),
            words.contains(where: { $0.text.first?.isNumber == true }),
            !tokens[start..<end].contains(where: { [".", "!", "?"].contains($0.text) })
        else { return false }
        return words.allSatisfy { word in
            word.isCapitalised || word.text.first?.isNumber == true || word.text.count <= 3
                || ["l'", "d'", "l’", "d’"].contains { word.lowercased.hasPrefix($0) }
        }
    }

    /// A place set off by commas in a title: "…, Hungary", "Exercise, Sarajevo, 20 May 2025";
    /// or after a dash at its end, as news agencies write the city: "… iş birliği - ANKARA".
    /// Not one of a list of countries ("from Albania, Montenegro, North Macedonia and Serbia").
    private func isTitleSuffix(_ prose: Prose, _ index: Int, _ match: NameMatch, _ isTitle: Bool) -> Bool {
        guard isTitle, index > 0 else { return false }
        if ["-", "–", "—"].contains(prose.tokens[index - 1].text) { return match.next == prose.tokens.count }
        guard prose.tokens[index - 1].text == "," else { return false }
        let comma = index - 1
        // A country after another place is one of a list; a city after its country is not.
        if match.country != nil,
            (max(0, comma - 4)..<comma).contains(where: { longestName(in: prose, at: $0)?.next == comma })
        {
            return false
        }
        // A country before ", and" another name is one of a list too: "…, Montenegro, and the Republic of Serbia".
        if match.country != nil, match.next + 2 < prose.tokens.count, prose.tokens[match.next].text == ",",
            prose.tokens[match.next + 1].lowercased == "and"
        {
            return false
        }
        // Last, or before another part or a date: "…, Hungary", "…, Brussels 19/6/2018".
        return match.next == prose.tokens.count || prose.tokens[match.next].text == ","
            || prose.tokens[match.next].text.first?.isNumber == true
                && !prose.tokens[match.next...].contains { $0.text == "," }
    }

    private struct NameMatch {
        var city: GazetteerPlace?
        var country: Country?
        var next: Int
    }

    /// Words of a place's name written shortened, with a full stop or without, and the word in
    /// full: "St. Kitts and Nevis", "St Kitts and Nevis", "Mt. Kenya", "Ft. Lauderdale".
    private static let shortenedNameWords: [String: String] = [
        "St": "Saint", "Ste": "Sainte", "Mt": "Mount", "Ft": "Fort", "Pt": "Port",
    ]

    /// The longest city or country name (up to four words) starting at token `index`. A
    /// shortened word's full stop is part of the name, and the word is also looked for in full
    /// ("St. Kitts and Nevis" is Saint Kitts and Nevis), and a name written in Cyrillic is
    /// looked for in Latin letters ("Кишинев" is Kishinev, "Анкара" Ankara, "Скопје" Skopje).
    private func longestName(in prose: Prose, at index: Int) -> NameMatch? {
        let tokens = prose.tokens
        for length in stride(from: 4, through: 1, by: -1) {
            var words: [String] = []
            var shortened = false
            var i = index
            while i < tokens.count, words.count < length, tokens[i].isWord {
                words.append(tokens[i].text)
                i += 1
                if words.count < length, Self.shortenedNameWords[tokens[i - 1].text] != nil, i + 1 < tokens.count,
                    tokens[i].text == ".", tokens[i + 1].isWord, tokens[i + 1].isCapitalised
                {
                    shortened = true
                    i += 1
                }
            }
            guard words.count == length else { continue }
            // Every word of a multi-word name is capitalised, except joining words ("Bosnia and Herzegovina").
            guard
                words.allSatisfy({
                    $0.first!.isUppercase || ["and", "of", "the", "pri", "de", "el", "upon", "am", "an"].contains($0)
                })
            else { continue }
            var names = [words.joined(separator: " ")]
            // "St Kitts and Nevis" too, as British English writes it.
            if shortened || words.count > 1 && words.dropLast().contains(where: { Self.shortenedNameWords[$0] != nil })
            {
                names.append(words.map { Self.shortenedNameWords[$0] ?? $0 }.joined(separator: " "))
            }
            if names[0].unicodeScalars.contains(where: Cyrillic.isCyrillic) {
                names = Cyrillic.latinSpellings(names[0])
            }
            for name in names {
                let city = gazetteer.place(named: name)
                let country =
                    countries.country(named: name) ?? ForeignCountryNames.country(named: name, in: countries)
                if let country {
                    // A city-state or a city named like its country (Luxembourg, Monaco).
                    let namesake = gazetteer.place(named: name, country: country.name).flatMap {
                        $0.country == country.name ? $0 : nil
                    }
                    return NameMatch(city: namesake, country: country, next: i)
                }
                if let city { return NameMatch(city: city, country: nil, next: i) }
            }
            // A country named in Cyrillic or Greek in another case ("в Казахстане", "МВД
            // Казахстана", "у Републици Српској", "στην Κύπρο"); not a city, whose inflected
            // forms are left unread.
            if words[0].unicodeScalars.contains(where: { Cyrillic.isCyrillic($0) || Self.isGreek($0) }) {
                for name in names {
                    if let country = ForeignCountryNames.country(inflected: name, in: countries) {
                        return NameMatch(city: nil, country: country, next: i)
                    }
                }
            }
            if let city = possessiveCity(words) { return NameMatch(city: city, country: nil, next: i) }
        }
        return nil
    }

    private static func isGreek(_ scalar: Unicode.Scalar) -> Bool {
        (0x0370...0x03FF).contains(scalar.value) || (0x1F00...0x1FFF).contains(scalar.value)
    }

    /// A city named in the possessive, its venue after it: "held in Zagreb’s main square".
    private func possessiveCity(_ words: [String]) -> GazetteerPlace? {
        guard let last = words.last, last.hasSuffix("’s") || last.hasSuffix("'s"), last.count > 4 else { return nil }
        return gazetteer.place(named: (words.dropLast() + [String(last.dropLast(2))]).joined(separator: " "))
    }

    /// The country named right after a city, with or without a comma, or in brackets ("Dakar (Senegal)").
    private func countryAfter(_ prose: Prose, _ index: Int) -> Country? {
        guard let start = countryStart(prose, index) else { return nil }
        return longestName(in: prose, at: start)?.country
    }

    private func followingCountryEnd(_ prose: Prose, _ index: Int) -> Int? {
        countryStart(prose, index).flatMap { longestName(in: prose, at: $0)?.next }
    }

    private func countryStart(_ prose: Prose, _ index: Int) -> Int? {
        var i = index
        if i < prose.tokens.count, [",", "("].contains(prose.tokens[i].text) { i += 1 }
        return i < prose.tokens.count && prose.tokens[i].isWord && prose.tokens[i].isCapitalised ? i : nil
    }

    /// Capitalised nouns that end the name of an event: "the Vienna Migration Conference".
    private static let eventNouns: Set<String> = ["conference", "summit", "symposium", "congress"]

    /// With no venue named, the city an event is named after ("the 8th edition of the Vienna
    /// Migration Conference"), assumed to be its venue and flagged.
    private func eventNamedCity(in proses: [Prose]) -> ExtractedPlace? {
        for prose in proses {
            for index in prose.tokens.indices where prose.tokens[index].isWord && prose.tokens[index].isCapitalised {
                guard let match = longestName(in: prose, at: index), match.country == nil, let city = match.city else {
                    continue
                }
                let name = prose.tokens[match.next...].prefix { $0.isWord && $0.isCapitalised }.prefix(4)
                guard let noun = name.lastIndex(where: { Self.eventNouns.contains($0.lowercased) }) else { continue }
                let event = prose.tokens[index...noun].map(\.text).joined(separator: " ")
                var place = ExtractedPlace(city: city, country: city.country)
                place.assumption =
                    "the text names no venue, so it is taken to be \(city.name), the city the \(event) is named after"
                return place
            }
        }
        return nil
    }

    /// The capital named by its country's adjective as the venue: "held … in the Tunisian
    /// capital" (a name after it, "the Albanian capital, Tirana", is read as the city itself),
    /// if that is `country` when one is named as the place.
    private func adjectivalCapital(in proses: [Prose], country venue: String?) -> ExtractedPlace? {
        for prose in proses {
            let tokens = prose.tokens
            for index in tokens.indices.dropFirst(2) where tokens[index].lowercased == "capital" {
                let adjective = tokens[index - 1]
                guard adjective.isWord, adjective.isCapitalised, tokens[index - 2].lowercased == "the",
                    prose.wordBefore(index - 2).map(Self.placeWords.contains) ?? false
                else { continue }
                var next = index + 1
                if next < tokens.count, tokens[next].text == "," { next += 1 }
                if next < tokens.count, tokens[next].isWord, tokens[next].isCapitalised { continue }
                guard let country = country(ofAdjective: adjective.text), venue == nil || venue == country.name,
                    let capital = gazetteer.place(named: country.capital, country: country.name)
                else { continue }
                return ExtractedPlace(city: capital, country: country.name)
            }
        }
        return nil
    }

    /// The country an adjective names: "Tunisian", "Moldovan", "Italian", "Montenegrin",
    /// "Azerbaijani".
    private func country(ofAdjective adjective: String) -> Country? {
        let endings: [(suffix: String, replacements: [String])] = [
            ("ian", ["ia", "y", ""]), ("an", ["a", ""]), ("in", ["o"]), ("i", [""]), ("ese", [""]),
        ]
        for (suffix, replacements) in endings where adjective.hasSuffix(suffix) && adjective.count > suffix.count + 2 {
            let stem = adjective.dropLast(suffix.count)
            for replacement in replacements {
                if let country = countries.country(named: stem + replacement) { return country }
            }
        }
        return nil
    }

    /// Nouns that end (or head) the name of a country's own institution: "the Albanian State
    /// Police", "the Kosovo Judicial Academy", "Georgia's Interior Minister", "the General
    /// Prosecutor of Albania".
    private static let nationalInstitutionNouns: Set<String> = [
        "police", "academy", "court", "prosecutor", "prosecution", "customs", "guard", "army", "forces", "minister",
        "ministry", "government", "parliament", "directorate", "judiciary",
    ]

    /// With no place named at all, the one country whose own institution the text names: by
    /// its name, adjective or possessive before it ("the Albanian State Police", "the BiH Border
    /// Police", "Georgia's Interior Minister") or after "of" ending its name ("the National Police
    /// Directorate of Montenegro"). An item that names institutions of two countries has none;
    /// the country is an assumption, flagged.
    private func nationalInstitutionCountry(in proses: [Prose]) -> ExtractedPlace? {
        var found: [(country: String, name: String)] = []
        for prose in proses {
            let tokens = prose.tokens
            var index = 0
            while index < tokens.count {
                guard tokens[index].isWord, tokens[index].isCapitalised else {
                    index += 1
                    continue
                }
                // The country before the institution: a name, an adjective or a possessive.
                var country: Country?
                var next = index + 1
                if let match = longestName(in: prose, at: index), let named = match.country {
                    (country, next) = (named, match.next)
                } else if let possessive = ["'s", "’s"].first(where: { tokens[index].text.hasSuffix($0) }) {
                    country = countries.country(named: String(tokens[index].text.dropLast(possessive.count)))
                } else {
                    country = self.country(ofAdjective: tokens[index].text)
                }
                let name = tokens[next...].prefix(3).prefix { $0.isWord && $0.isCapitalised }
                if let country,
                    let head = name.firstIndex(where: { Self.nationalInstitutionNouns.contains($0.lowercased) })
                {
                    found.append((country.name, tokens[index...head].map(\.text).joined(separator: " ")))
                    index = head + 1
                    continue
                }
                // The institution before "of" and its country: "the General Prosecutor of Albania".
                if next == index + 1,
                    Self.nationalInstitutionNouns.contains(tokens[index].lowercased), index + 2 < tokens.count,
                    tokens[index + 1].lowercased == "of", let match = longestName(in: prose, at: index + 2),
                    let named = match.country
                {
                    var start = index
                    while start > 0, tokens[start - 1].isWord, tokens[start - 1].isCapitalised { start -= 1 }
                    found.append((named.name, tokens[start..<match.next].map(\.text).joined(separator: " ")))
                    index = match.next
                    continue
                }
                index = next
            }
            found += foreignInstitutions(in: prose)
        }
        guard let first = found.first, found.allSatisfy({ $0.country == first.country }) else { return nil }
        var place = ExtractedPlace(city: nil, country: first.country)
        place.assumption =
            "the text names no venue, so the place is taken to be \(first.country), named in '\(first.name)'"
        return place
    }

    /// A country's own institutions as the languages name them that put the country after the
    /// institution, in the genitive and without a word for "of" ("МВД Казахстана", "MUP Republike
    /// Srbije", "Министар унутрашњих послова Републике Српске": up to three words after the
    /// noun), or before it as an adjective, lowercase in those languages ("Ελληνικής Αστυνομίας",
    /// "казахстанских полицейских", "crnogorske i češke policije": each country of a list).
    private func foreignInstitutions(in prose: Prose) -> [(country: String, name: String)] {
        let tokens = prose.tokens
        var found: [(country: String, name: String)] = []
        /// The words from `start` to `end` (inclusive) are words of one sentence.
        let isPhrase = { (start: Int, end: Int) in
            end < tokens.count && tokens[start...end].allSatisfy { $0.isWord && $0.sentence == tokens[start].sentence }
        }
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord, ForeignCountryNames.isInstitutionNoun(tokens[index].text) else {
                index += 1
                continue
            }
            // Adjectives before the noun: "Ελληνικής Αστυνομίας", "crnogorske i češke policije".
            let adjectives = (max(0, index - 3)..<index).filter { isPhrase($0, index) }.compactMap { word in
                foreignAdjectiveCountry(tokens[word].text).map { (word: word, country: $0) }
            }
            if let first = adjectives.first {
                let name = tokens[first.word...index].map(\.text).joined(separator: " ")
                found += adjectives.map { ($0.country.name, name) }
                index += 1
                continue
            }
            // The country after it, in the genitive: "МВД Казахстана", "MUP Republike Srbije".
            let reach = ForeignCountryNames.reach(ofInstitutionNoun: tokens[index].text)
            for next in index + 1..<min(index + 1 + reach, tokens.count) where isPhrase(index, next) {
                guard tokens[next].isCapitalised, let match = longestName(in: prose, at: next),
                    let country = match.country
                else { continue }
                found.append((country.name, tokens[index..<match.next].map(\.text).joined(separator: " ")))
                index = match.next - 1
                break
            }
            index += 1
        }
        return found
    }

    /// The country of a lowercase adjective in another language than English at token `index`,
    /// after a word for "in" and before a capitalised name that is no place the gazetteer knows
    /// ("у словацькому Пряшеві").
    private func adjectiveBeforeUnknownTown(_ prose: Prose, at index: Int) -> Country? {
        let tokens = prose.tokens
        guard index >= 1, index + 1 < tokens.count, tokens[index].isWord, !tokens[index].isCapitalised,
            Self.placeWords.contains(tokens[index - 1].lowercased), tokens[index + 1].isWord,
            tokens[index + 1].isCapitalised, let country = foreignAdjectiveCountry(tokens[index].text),
            longestName(in: prose, at: index + 1) == nil
        else { return nil }
        return country
    }

    /// The country whose adjective, in another language than English, `word` is.
    private func foreignAdjectiveCountry(_ word: String) -> Country? {
        let lower = word.lowercased()
        let spellings =
            lower.unicodeScalars.contains(where: Cyrillic.isCyrillic) ? Cyrillic.latinSpellings(lower) : [lower]
        return spellings.lazy.compactMap { ForeignCountryNames.country(ofAdjective: $0, in: self.countries) }.first
    }

    /// With no place named at all, the country of the institution a visit was made to, named by
    /// its adjective: "a delegation from Kosovo visited the Austrian Federal Bureau of
    /// Anti-Corruption" was in Austria, the host's country, not the visitors' (whose own
    /// institutions the text names too). An assumption, flagged.
    private func visitedInstitutionCountry(in proses: [Prose]) -> ExtractedPlace? {
        for prose in proses {
            let tokens = prose.tokens
            for index in tokens.indices.dropLast(3)
            where ["visited", "visiting"].contains(tokens[index].lowercased) && tokens[index + 1].lowercased == "the" {
                let adjective = tokens[index + 2]
                guard adjective.isWord, adjective.isCapitalised, tokens[index + 3].isWord,
                    tokens[index + 3].isCapitalised, let country = country(ofAdjective: adjective.text)
                else { continue }
                let name = tokens[(index + 2)...].prefix { $0.isWord && $0.isCapitalised }.map(\.text)
                var place = ExtractedPlace(city: nil, country: country.name)
                place.assumption = """
                    the text names no venue, so the place is taken to be \(country.name), the country of the \
                    institution visited ('\(name.joined(separator: " "))')
                    """
                return place
            }
        }
        return nil
    }

    /// Words before a ministry's name that say the activity met it or was at it: "consultations
    /// with the Ministry of …", "visited the Ministry of …", "met the State Secretary of the …".
    private static let meetingWords: Set<String> = [
        "with", "met", "meet", "meets", "meeting", "visit", "visits", "visited", "visiting", "consultations",
        "hosted", "received",
    ]

    /// The country whose ministry or government the text names ("the Ministry of Interior of
    /// Serbia"), if that is `country` when one is named as the place; with its capital when the
    /// activity met the ministry or was at it, an assumption either way.
    private func institutionCapital(in proses: [Prose], country venue: String?) -> ExtractedPlace? {
        for prose in proses {
            for (index, token) in prose.tokens.enumerated()
            where token.isWord && Self.institutionWords.contains(token.lowercased) && token.isCapitalised {
                var i = index + 1
                var words = 0
                // Within the institution's name: "Ministry of Interior of Serbia", not "Minister
                // Nuhodžić to pay a visit to the Republic of Serbia".
                while i < prose.tokens.count, words < 8, prose.tokens[i].isWord,
                    prose.tokens[i].isCapitalised || Self.nameJoiners.contains(prose.tokens[i].lowercased)
                {
                    if prose.tokens[i].lowercased == "of", let match = longestName(in: prose, at: i + 1),
                        let country = match.country,
                        venue == nil || venue == country.name,
                        let capital = gazetteer.place(named: country.capital, country: country.name)
                    {
                        // Met or visited at the ministry ("consultations with the Ministry of …",
                        // "met the State Secretary of the Ministry of …"): in its capital.
                        // Otherwise the ministry only runs or backs the activity: its country.
                        let isMet = prose.wordsBefore(index).contains(where: Self.meetingWords.contains)
                        var place = ExtractedPlace(city: isMet ? capital : nil, country: country.name)
                        place.assumption =
                            isMet
                            ? """
                            the text names no city, so the venue is taken to be \(capital.name), \
                            the capital of the \(token.text.lowercased())'s country
                            """
                            : """
                            the text names no venue, so the place is taken to be \(country.name), \
                            the \(token.text.lowercased())'s country
                            """
                        return place
                    }
                    i += 1
                    words += 1
                }
            }
        }
        return nil
    }
}
