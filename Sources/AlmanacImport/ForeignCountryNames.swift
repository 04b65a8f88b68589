import AlmanacModel

/// Countries' names in the other languages whose dates the news importer reads (French,
/// Spanish, Portuguese, Italian, German, Romanian, Serbian/Croatian/Bosnian, Albanian,
/// Indonesian), where they differ from the English name and its listed spellings once case
/// and accents are folded ("Cambodge", "Camboya", "Polonia", "Turquía", "Allemagne"): news in
/// those languages names the venue's country so ("au Cambodge", "en Alemania", "în Polonia").
/// Names that are also English words or names ("Island", German for Iceland) are left out.
/// Serbian, Croatian and Bosnian names are listed in the cases news writes them in ("u Srbiji",
/// "MUP Srbije", "u Crnoj Gori"); names in Cyrillic are listed as ``Cyrillic`` spells them in
/// Latin letters ("Rossiya", "Gruziya"), and Greek ones in Greek, in the nominative: their
/// other cases are read by ``country(inflected:in:)``. "Republika Srpska", an entity of Bosnia
/// and Herzegovina, names that country: news from it names no other.
enum ForeignCountryNames {
    /// Each line: the English name as `countries.tsv` has it, then its other names.
    private static let table = """
        Afghanistan|Afganistán|Afeganistão|Afganistan|Afganistani
        Albania|Albanie|Albânia|Albanien|Shqipëri
        Algeria|Algérie|Argelia|Argélia|Algerien|Algeria
        Argentina|Argentine|Argentinien
        Armenia|Arménie|Armênia|Arménia|Armenien|Armenija|Armeniya|Αρμενία
        Austria|Autriche|Áustria|Austrija|Austri|Avstriya|Αυστρία
        Azerbaijan|Azerbaïdjan|Azerbaiyán|Azerbaijão|Azerbaigian|Aserbaidschan|Azerbajdžan|Azerbejdžan|Azerbaydzhan
        Belarus|Biélorussie|Bielorrusia|Bielorrússia|Bielorussia|Weißrussland|Belorusija|Bjelorusija
        Belgium|Belgique|Bélgica|Belgio|Belgien|Belgija|Belgia|Βέλγιο
        Bosnia and Herzegovina|Bosnie-Herzégovine|Bosnia y Herzegovina|Bósnia e Herzegovina|Bosnia ed Erzegovina|\
        Bosnien und Herzegowina|Bosna dhe Hercegovina|Bosnia și Herțegovina|Bosne i Hercegovine|Bosni i Hercegovini|\
        Republika Srpska|Republike Srpske|Republici Srpskoj|Republiku Srpsku|Βοσνία-Ερζεγοβίνη
        Brazil|Brésil|Brasil|Brasile|Brasilien
        Bulgaria|Bulgarie|Bulgária|Bulgarien|Bugarska|Bugarske|Bugarskoj|Bullgari|Bulgaria|Bolgariya|Βουλγαρία
        Cambodia|Cambodge|Camboya|Camboja|Cambogia|Kambodscha|Kamboja
        Cameroon|Cameroun|Camerún|Camarões|Camerun|Kamerun
        Chad|Tchad|Chade|Ciad|Tschad
        China|Chine|Cina|Kina|Tiongkok
        Colombia|Colombie|Colômbia|Kolumbien|Kolumbija
        Croatia|Croatie|Croacia|Croácia|Croazia|Kroatien|Kroacia|Kroasia|Croația|Hrvatska|Hrvatske|Hrvatskoj|\
        Khorvatiya|Κροατία
        Cyprus|Chypre|Chipre|Cipro|Zypern|Kipar|Qipro|Cipru|Kipr|Κύπρος
        Czechia|Tchéquie|Chequia|República Checa|Tchéquia|Repubblica Ceca|Tschechien|Češka|Cehia|Chekhiya|Τσεχία
        Denmark|Danemark|Dinamarca|Danimarca|Dänemark|Danska|Danimarkë|Denemarken
        Dominican Republic|République dominicaine|República Dominicana|Repubblica Dominicana
        Ecuador|Équateur|Equador
        Egypt|Égypte|Egipto|Egito|Egitto|Ägypten|Egipat|Egjipt|Mesir|Egipt
        Estonia|Estonie|Estônia|Estónia|Estland|Estonija|Estoniya|Εσθονία
        Ethiopia|Éthiopie|Etiopía|Etiópia|Etiopia|Äthiopien
        Finland|Finlande|Finlandia|Finlândia|Finnland|Finska|Finlanda|Finlyandiya|Φινλανδία
        France|Francia|França|Frankreich|Francuska|Francë|Franța|Prancis|Franca|Frantsiya|Γαλλία
        Germany|Allemagne|Alemania|Alemanha|Germania|Njemačka|Nemačka|Gjermani|Jerman|Germaniya|Γερμανία
        Greece|Grèce|Grecia|Grécia|Griechenland|Grčka|Greqi|Yunani|Gretsiya|Ελλάδα|Ελλάς|Ελλάδος
        Georgia|Géorgie|Gruziya|Gruzija|Γεωργία
        Guinea|Guinée|Guiné
        Haiti|Haïti|Haití
        Hungary|Hongrie|Hungría|Hungria|Ungheria|Ungarn|Mađarska|Madžarska|Hungari|Ungaria|Vengriya|Ουγγαρία
        India|Inde|Índia|Indien|Indija
        Indonesia|Indonésie|Indonésia|Indonesien|Indonezija
        Iraq|Irak|Iraque|Irak
        Ireland|Irlande|Irlanda|Irland|Irska
        Italy|Italie|Italia|Itália|Italien|Italija|Itali|Italiya|Ιταλία
        Japan|Japon|Japón|Japão|Giappone|Japan|Japonia|Jepang
        Jordan|Jordanie|Jordania|Jordânia|Giordania|Jordanien|Jordani|Yordania
        Kazakhstan|Kazajistán|Cazaquistão|Kazakistan|Kasachstan|Kazahstan|Kazakhstani|Καζακστάν
        Kyrgyzstan|Kirghizistan|Kirguistán|Quirguistão|Kirghizistan|Kirgisistan|Kirgistan
        Latvia|Lettonie|Letonia|Letônia|Letónia|Lettonia|Lettland|Letonija|Latviya|Λετονία
        Lebanon|Liban|Líbano|Libano|Libanon
        Libya|Libye|Libia|Líbia|Libyen|Libija
        Lithuania|Lituanie|Lituania|Lituânia|Litauen|Litva|Lituani|Λιθουανία
        Malaysia|Malaisie|Malasia|Malásia|Malesia|Malaysia
        Mauritania|Mauritanie|Mauritânia|Mauretanien
        Mexico|Mexique|Messico|Mexiko|Meksiko
        Moldova|Moldavie|Moldavia|Moldávia|Moldawien|Moldavija|Moldavi|Moldaviya|Μολδαβία
        Mongolia|Mongolie|Mongólia|Mongolei
        Montenegro|Monténégro|Mali i Zi|Malit të Zi|\
        Malin e Zi|Muntenegru|Crne Gore|Crnoj Gori|Crnu Goru|Chernogoriya|Μαυροβούνιο
        Morocco|Maroc|Marruecos|Marrocos|Marocco|Marokko|Maroko|Maroku
        Netherlands|Pays-Bas|Países Bajos|Países Baixos|Paesi Bassi|Niederlande|Holandija|Nizozemska|Belanda|Olanda|\
        Țările de Jos|Niderlandy|Ολλανδία
        North Macedonia|Macédoine du Nord|Macedonia del Norte|Macedônia do Norte|Macedónia do Norte|\
        Macedonia del Nord|Nordmazedonien|Sjeverna Makedonija|Maqedonia e Veriut|Maqedonisë së Veriut|\
        Maqedoninë e Veriut|Macedonia de Nord|Makedonia Utara|\
        Makedonija|Makedonije|Makedoniji|Sjeverne Makedonije|Severne Makedonije|Severna Makedonija|Βόρεια Μακεδονία
        Norway|Norvège|Noruega|Norvegia|Norwegen|Norveška|Norvegji
        Peru|Pérou|Perú
        Poland|Pologne|Polonia|Polônia|Polónia|Polen|Poljska|Poloni|Polsha|Πολωνία
        Portugal|Portogallo|Portugalija|Portugaliya|Πορτογαλία
        Romania|Roumanie|Rumania|Rumanía|Romênia|Roménia|Rumänien|Rumunija|Rumunjska|Rumuni|Rumyniya|Ρουμανία
        Russia|Russie|Rusia|Rússia|Russland|Rusija|Rusi|Rusia|Rossiya|Rossiyskaya Federatsiya|Ρωσία
        Saudi Arabia|Arabie saoudite|Arabia Saudita|Arábia Saudita|Saudi-Arabien|Saudijska Arabija|Arabia Saudite|\
        Arab Saudi
        Senegal|Sénégal
        Serbia|Serbie|Sérvia|Serbien|Srbija|Srbije|Srbiji|Srbiju|Serbi|Serbiya|Σερβία
        Slovakia|Slovaquie|Eslovaquia|Eslováquia|Slovacchia|Slowakei|Slovačka|Sllovaki|Slovacia|Slovakiya|Σλοβακία
        Slovenia|Slovénie|Eslovenia|Eslovênia|Eslovénia|Slowenien|Slovenija|Slloveni|Sloveniya|Σλοβενία
        South Africa|Afrique du Sud|Sudáfrica|África do Sul|Sudafrica|Südafrika|Južna Afrika|Afrika Selatan|\
        Africa de Sud
        South Korea|Corée du Sud|Corea del Sur|Coreia do Sul|Corea del Sud|Südkorea|Južna Koreja|Korea Selatan|\
        Coreea de Sud
        Spain|Espagne|España|Espanha|Spagna|Spanien|Španija|Španjolska|Spanjë|Spanyol|Spania|Ispaniya|Ισπανία
        Sweden|Suède|Suecia|Suécia|Svezia|Schweden|Švedska|Suedi|Suedia|Swedia
        Syria|Syrie|Siria|Síria|Syrien|Sirija
        Tajikistan|Tadjikistan|Tayikistán|Tajiquistão|Tagikistan|Tadschikistan|Tadžikistan
        Thailand|Thaïlande|Tailandia|Tailândia|Tailandia|Tajland|Thailanda
        Tunisia|Tunisie|Túnez|Tunísia|Tunesien
        Turkey|Turquie|Turquía|Turquia|Turchia|Türkei|Turska|Turqi|Turki|Turcia|Turtsiya|Τουρκία
        Turkmenistan|Turkménistan|Turkmenistán|Turcomenistão|Turkmenistan
        Ukraine|Ucrania|Ucrânia|Ucraina|Ukrajina|Ukrainë|Ukraina|Ουκρανία
        United Kingdom|Royaume-Uni|Reino Unido|Regno Unito|Vereinigtes Königreich|Ujedinjeno Kraljevstvo|\
        Mbretëria e Bashkuar|Britania Raya|Regatul Unit
        United States|États-Unis|Estados Unidos|Stati Uniti|Vereinigte Staaten|Sjedinjene Američke Države|\
        Sjedinjene Države|Shtetet e Bashkuara|Amerika Serikat|Statele Unite
        Uzbekistan|Ouzbékistan|Uzbekistán|Uzbequistão|Usbekistan|Uzbekistan
        """

    /// The English name of each other name, by its folded spelling.
    private static let english: [String: String] = {
        var result: [String: String] = [:]
        for line in table.split(separator: "\n") {
            let names = line.split(separator: "|").map(String.init)
            guard let name = names.first else { continue }
            for other in names.dropFirst() where result[Gazetteer.key(other)] == nil {
                result[Gazetteer.key(other)] = name
            }
        }
        return result
    }()

    /// The country `name` is in another language, as `countries` names it; in Albanian also in
    /// its other forms (``albanianForms(of:)``).
    static func country(named name: String, in countries: Countries) -> Country? {
        if let country = english[Gazetteer.key(name)].flatMap({ countries.country(named: $0) }) { return country }
        for form in albanianForms(of: name) {
            if let country = countries.country(named: form)
                ?? english[Gazetteer.key(form)].flatMap({ countries.country(named: $0) })
            {
                return country
            }
        }
        return nil
    }

    /// The endings of an Albanian name in its definite form and other cases, each with the
    /// indefinite or definite nominative they come from: "Kosovë", "Kosovës", "Kosovën" →
    /// "Kosova"; "Gjermanisë", "Gjermaninë", "Gjermania" → "Gjermani"; "Ukrainës" → "Ukrainë".
    /// Only endings with "ë", or "-ia" of a name listed without it, are read: no other
    /// language's word ends so.
    private static let albanianEndings: [(ending: String, nominatives: [String])] = [
        ("isë", ["i", "ia"]), ("inë", ["i", "ia"]), ("ës", ["ë", "a"]), ("ën", ["ë", "a"]), ("ë", ["a"]),
        ("ia", ["i"]),
    ]

    /// The nominatives an Albanian country's name written in another form may have (its last
    /// word inflected: "Policisë së Kosovës", "në Kosovë", "Policia Federale e Gjermanisë").
    static func albanianForms(of name: String) -> [String] {
        let words = name.split(separator: " ")
        guard let last = words.last, last.count > 4 else { return [] }
        let head = words.dropLast().joined(separator: " ")
        return albanianEndings.filter { last.hasSuffix($0.ending) }.flatMap { ending, nominatives in
            nominatives.map { nominative in
                let word = last.dropLast(ending.count) + nominative
                return head.isEmpty ? String(word) : head + " " + word
            }
        }
    }

    /// Endings of a country's name in the other cases, as Russian, Ukrainian, Serbian,
    /// Macedonian and Bulgarian inflect it (in the Latin letters ``Cyrillic`` spells them in)
    /// and as Greek does, each with what the name may end with in the nominative: "Казахстана",
    /// "Казахстане" → "Kazakhstan", "Беларуси" → "Belarus", "Грузии" → "Gruziya", "Молдове" →
    /// "Moldova", "Украины" → "Ukraina", "Републици Српској" → "Republika Srpska", "Κύπρο",
    /// "Κύπρου" → "Κύπρος", "Ελλάδας" → "Ελλάδα", "Φινλανδίας" → "Φινλανδία".
    private static let caseEndings: [(ending: String, nominatives: [String])] = [
        ("ii", ["iya", "ija", "ia"]), ("ie", ["iya"]), ("iyu", ["iya"]), ("iji", ["ija"]), ("ije", ["ija"]),
        ("iju", ["ija"]), ("oy", ["a"]), ("oj", ["a"]), ("ci", ["ka"]), ("tsi", ["tsa"]), ("ki", ["ka"]),
        ("om", [""]), ("a", [""]), ("e", ["", "a", "o"]), ("u", ["", "a", "o"]), ("y", ["a"]), ("i", ["", "a"]),
        ("ας", ["α"]), ("ης", ["η"]), ("ου", ["ος", "ο"]), ("ο", ["ος"]),
    ]
    /// The word for "republic" before a country's name, in the nominative as the endings above
    /// give it: "Республики Казахстан", "Republike Srbije", "Република Македонија".
    private static let republicWords: Set<String> = ["respublika", "republika"]

    /// The country a name in Cyrillic (in the Latin spelling of ``Cyrillic``) or in Greek
    /// names in another case than the nominative, or after the word for "republic": each of its
    /// words (at most three) is read with each ending above turned back to the nominative's.
    /// Only for those scripts: in Latin text the same endings would make countries of words
    /// ("Cube", "Indie").
    static func country(inflected name: String, in countries: Countries) -> Country? {
        let words = name.split(separator: " ").map(String.init)
        guard (1...3).contains(words.count) else { return nil }
        var forms: [[String]] = []
        for word in words {
            var wordForms = [word]
            // A short word ("i", "и") joins the name: it is not inflected.
            if word.count > 2 {
                for (ending, nominatives) in caseEndings where word.hasSuffix(ending) && word.count > ending.count + 2 {
                    wordForms += nominatives.map { word.dropLast(ending.count) + $0 }
                }
            }
            forms.append(wordForms)
        }
        var names = [""]
        for wordForms in forms {
            names = names.flatMap { prefix in wordForms.map { prefix.isEmpty ? $0 : prefix + " " + $0 } }
        }
        for candidate in names.dropFirst() + names.prefix(1) {
            if let country = countries.country(named: candidate) ?? country(named: candidate, in: countries) {
                return country
            }
            // "Республики Казахстан": the country after the word for "republic".
            let parts = candidate.split(separator: " ", maxSplits: 1)
            if parts.count == 2, republicWords.contains(Gazetteer.key(String(parts[0]))) {
                let rest = String(parts[1])
                if let country = countries.country(named: rest) ?? country(named: rest, in: countries) {
                    return country
                }
            }
        }
        return nil
    }

    /// The stems of countries' adjectives in the other languages, lowercased (Russian in the
    /// Latin letters of ``Cyrillic``), as news names a country's own institutions by them:
    /// "Ελληνικής Αστυνομίας" (the Hellenic Police), "crnogorske policije", "казахстанских
    /// полицейских". "Srpsk-" is left out: it is Serbia's and Republika Srpska's.
    private static let adjectiveStems: [(stem: String, country: String)] = [
        ("ελληνικ", "Greece"), ("κυπριακ", "Cyprus"),
        ("kazakhstansk", "Kazakhstan"), ("rossiysk", "Russia"), ("belorussk", "Belarus"), ("ukrainsk", "Ukraine"),
        ("gruzinsk", "Georgia"), ("armyansk", "Armenia"), ("azerbaydzhansk", "Azerbaijan"), ("moldavsk", "Moldova"),
        ("moldovsk", "Moldova"), ("kyrgyzsk", "Kyrgyzstan"), ("uzbekistansk", "Uzbekistan"),
        ("tadzhiksk", "Tajikistan"), ("turkmensk", "Turkmenistan"), ("slovatsk", "Slovakia"), ("polsk", "Poland"),
        ("vengersk", "Hungary"), ("rumynsk", "Romania"), ("cheshsk", "Czechia"), ("litovsk", "Lithuania"),
        ("latviysk", "Latvia"), ("estonsk", "Estonia"), ("serbsk", "Serbia"), ("bolgarsk", "Bulgaria"),
        ("crnogorsk", "Montenegro"), ("hrvatsk", "Croatia"), ("srbijansk", "Serbia"), ("makedonsk", "North Macedonia"),
        ("bosanskohercegova", "Bosnia and Herzegovina"), ("albansk", "Albania"), ("bugarsk", "Bulgaria"),
        ("rumunsk", "Romania"), ("mađarsk", "Hungary"), ("madjarsk", "Hungary"), ("češk", "Czechia"),
        ("česk", "Czechia"), ("poljsk", "Poland"), ("njemačk", "Germany"), ("nemačk", "Germany"),
        ("slovenačk", "Slovenia"),
    ]

    /// The country whose adjective `word` is (lowercased; Cyrillic in Latin letters).
    static func country(ofAdjective word: String, in countries: Countries) -> Country? {
        adjectiveStems.first { word.hasPrefix($0.stem) && word.count > $0.stem.count }.flatMap {
            countries.country(named: $0.country)
        }
    }

    /// The stems of nouns that name a country's own institution in the other languages,
    /// lowercased (Russian, Serbian and Macedonian in the Latin letters of ``Cyrillic``): police,
    /// ministry, minister, administration, prosecution, court, academy, guard. Those in Latin
    /// letters are Serbian, Croatian and Bosnian words only, none an English one ("ministr-"
    /// would be "ministry"): for them the English rules hold.
    private static let institutionStems = [
        "policij", "ministarstv", "ministar", "uprav", "tužilaštv", "tuzilastv", "akademij", "žandarmerij",
        // … and its judges and prosecutors: "crnogorske sudije i tužioce".
        "sudij", "tužioc", "tužilac", "tuzioc", "tuzilac",
    ]
    private static let cyrillicInstitutionStems = [
        "mvd", "mup", "politsi", "politse", "policij", "ministerstv", "ministr", "ministar", "uprav", "prokurat",
        "gvardi", "akademi", "tuzilastv", "pogranich", "pravitelstv",
    ]
    private static let greekInstitutionStems = ["αστυνομ", "υπουργ", "ακτοφυλακ", "λιμενικ", "δικαστ", "στρατ"]
    /// Whole words: a court, a government ("Vlade Republike Srbije", its country right after
    /// it, as "Vlada" is also a given name), and the Serbian, Croatian, Russian and Macedonian
    /// shortenings of the Ministry of the Interior ("MUP", "МВД", "МВР на Република Северна
    /// Македонија").
    private static let institutionWords = Set(["mup", "sud", "suda", "sudu", "mvd", "mvr"]).union(governmentWords)
    /// Albanian institutions in their definite forms and cases (police, ministry, minister,
    /// directorate, prosecution, court, government, customs, academy, agency, assembly), whole
    /// words: as stems some would be English words ("polici-" of "policies").
    private static let albanianInstitutionWords: Set<String> = [
        "policia", "policisë", "policinë", "policise", "ministria", "ministrisë", "ministrinë", "ministri",
        "ministrit", "drejtoria", "drejtorisë", "drejtorinë", "prokuroria", "prokurorisë", "prokurorinë", "gjykata",
        "gjykatës", "gjykatën", "qeveria", "qeverisë", "qeverinë", "dogana", "doganës", "doganat", "doganave",
        "akademia", "akademisë", "akademinë", "agjencia", "agjencisë", "agjencinë", "kuvendi", "kuvendit",
    ]

    /// How many words after an institution's noun its country may stand: an Albanian name
    /// puts a linking article before each genitive ("Ministria e Punëve të Brendshme e
    /// Kosovës"); elsewhere three.
    static func reach(ofInstitutionNoun word: String) -> Int {
        let lower = word.lowercased()
        if albanianInstitutionWords.contains(lower) { return 6 }
        // "Vlade Republike Srbije", but not "Vlada Stanković iz Srbije" (a given name).
        let spellings =
            lower.unicodeScalars.contains(where: Cyrillic.isCyrillic) ? Cyrillic.latinSpellings(lower) : [lower]
        return spellings.contains { governmentWords.contains($0) } ? 2 : 3
    }
    /// A government, in its cases.
    private static let governmentWords: Set<String> = ["vlada", "vlade", "vladi", "vladu"]

    /// `word` (as written) names a country's own institution in another language: "МВД",
    /// "policije", "Αστυνομίας", "Министар", "MUP-a".
    static func isInstitutionNoun(_ word: String) -> Bool {
        let lower = word.lowercased()
        if lower.unicodeScalars.contains(where: Cyrillic.isCyrillic) {
            return Cyrillic.latinSpellings(lower).contains { spelling in
                institutionWords.contains(String(spelling.prefix { $0 != "-" }))
                    || cyrillicInstitutionStems.contains { spelling.hasPrefix($0) }
            }
        }
        if lower.unicodeScalars.contains(where: { (0x0370...0x03FF).contains($0.value) }) {
            return greekInstitutionStems.contains { lower.hasPrefix($0) }
        }
        return institutionWords.contains(String(lower.prefix { $0 != "-" }))
            || institutionStems.contains { lower.hasPrefix($0) } || albanianInstitutionWords.contains(lower)
    }
}
