import AlmanacModel

/// Countries' names in the other languages whose dates the news importer reads (French,
/// Spanish, Portuguese, Italian, German, Romanian, Serbian/Croatian/Bosnian, Albanian,
/// Indonesian), where they differ from the English name and its listed spellings once case
/// and accents are folded ("Cambodge", "Camboya", "Polonia", "Turquía", "Allemagne"): news in
/// those languages names the venue's country so ("au Cambodge", "en Alemania", "în Polonia").
/// Names that are also English words or names ("Island", German for Iceland) are left out.
enum ForeignCountryNames {
    /// Each line: the English name as `countries.tsv` has it, then its other names.
    private static let table = """
        Afghanistan|Afganistán|Afeganistão|Afganistan|Afganistani
        Albania|Albanie|Albânia|Albanien|Shqipëri
        Algeria|Algérie|Argelia|Argélia|Algerien|Algeria
        Argentina|Argentine|Argentinien
        Armenia|Arménie|Armênia|Arménia|Armenien|Armenija
        Austria|Autriche|Áustria|Austrija|Austri
        Azerbaijan|Azerbaïdjan|Azerbaiyán|Azerbaijão|Azerbaigian|Aserbaidschan|Azerbajdžan|Azerbejdžan
        Belarus|Biélorussie|Bielorrusia|Bielorrússia|Bielorussia|Weißrussland|Belorusija|Bjelorusija
        Belgium|Belgique|Bélgica|Belgio|Belgien|Belgija|Belgia
        Bosnia and Herzegovina|Bosnie-Herzégovine|Bosnia y Herzegovina|Bósnia e Herzegovina|Bosnia ed Erzegovina|\
        Bosnien und Herzegowina|Bosna dhe Hercegovina|Bosnia și Herțegovina
        Brazil|Brésil|Brasil|Brasile|Brasilien
        Bulgaria|Bulgarie|Bulgária|Bulgarien|Bugarska|Bullgari|Bulgaria
        Cambodia|Cambodge|Camboya|Camboja|Cambogia|Kambodscha|Kamboja
        Cameroon|Cameroun|Camerún|Camarões|Camerun|Kamerun
        Chad|Tchad|Chade|Ciad|Tschad
        China|Chine|Cina|Kina|Tiongkok
        Colombia|Colombie|Colômbia|Kolumbien|Kolumbija
        Croatia|Croatie|Croacia|Croácia|Croazia|Kroatien|Kroacia|Kroasia|Croația
        Cyprus|Chypre|Chipre|Cipro|Zypern|Kipar|Qipro|Cipru
        Czechia|Tchéquie|Chequia|República Checa|Tchéquia|Repubblica Ceca|Tschechien|Češka|Cehia
        Denmark|Danemark|Dinamarca|Danimarca|Dänemark|Danska|Danimarkë|Denemarken
        Dominican Republic|République dominicaine|República Dominicana|Repubblica Dominicana
        Ecuador|Équateur|Equador
        Egypt|Égypte|Egipto|Egito|Egitto|Ägypten|Egipat|Egjipt|Mesir|Egipt
        Estonia|Estonie|Estônia|Estónia|Estland|Estonija
        Ethiopia|Éthiopie|Etiopía|Etiópia|Etiopia|Äthiopien
        Finland|Finlande|Finlandia|Finlândia|Finnland|Finska|Finlanda
        France|Francia|França|Frankreich|Francuska|Francë|Franța|Prancis|Franca
        Germany|Allemagne|Alemania|Alemanha|Germania|Njemačka|Nemačka|Gjermani|Jerman
        Greece|Grèce|Grecia|Grécia|Griechenland|Grčka|Greqi|Yunani
        Guinea|Guinée|Guiné
        Haiti|Haïti|Haití
        Hungary|Hongrie|Hungría|Hungria|Ungheria|Ungarn|Mađarska|Madžarska|Hungari|Ungaria
        India|Inde|Índia|Indien|Indija
        Indonesia|Indonésie|Indonésia|Indonesien|Indonezija
        Iraq|Irak|Iraque|Irak
        Ireland|Irlande|Irlanda|Irland|Irska
        Italy|Italie|Italia|Itália|Italien|Italija|Itali
        Japan|Japon|Japón|Japão|Giappone|Japan|Japonia|Jepang
        Jordan|Jordanie|Jordania|Jordânia|Giordania|Jordanien|Jordani|Yordania
        Kazakhstan|Kazajistán|Cazaquistão|Kazakistan|Kasachstan|Kazahstan|Kazakhstani
        Kyrgyzstan|Kirghizistan|Kirguistán|Quirguistão|Kirghizistan|Kirgisistan|Kirgistan
        Latvia|Lettonie|Letonia|Letônia|Letónia|Lettonia|Lettland|Letonija
        Lebanon|Liban|Líbano|Libano|Libanon
        Libya|Libye|Libia|Líbia|Libyen|Libija
        Lithuania|Lituanie|Lituania|Lituânia|Litauen|Litva|Lituani
        Malaysia|Malaisie|Malasia|Malásia|Malesia|Malaysia
        Mauritania|Mauritanie|Mauritânia|Mauretanien
        Mexico|Mexique|Messico|Mexiko|Meksiko
        Moldova|Moldavie|Moldavia|Moldávia|Moldawien|Moldavija|Moldavi
        Mongolia|Mongolie|Mongólia|Mongolei
        Montenegro|Monténégro|Mali i Zi|Muntenegru
        Morocco|Maroc|Marruecos|Marrocos|Marocco|Marokko|Maroko|Maroku
        Netherlands|Pays-Bas|Países Bajos|Países Baixos|Paesi Bassi|Niederlande|Holandija|Nizozemska|Belanda|Olanda|\
        Țările de Jos
        North Macedonia|Macédoine du Nord|Macedonia del Norte|Macedônia do Norte|Macedónia do Norte|\
        Macedonia del Nord|Nordmazedonien|Sjeverna Makedonija|Maqedonia e Veriut|Macedonia de Nord|Makedonia Utara
        Norway|Norvège|Noruega|Norvegia|Norwegen|Norveška|Norvegji
        Peru|Pérou|Perú
        Poland|Pologne|Polonia|Polônia|Polónia|Polen|Poljska|Poloni
        Romania|Roumanie|Rumania|Rumanía|Romênia|Roménia|Rumänien|Rumunija|Rumunjska|Rumuni
        Russia|Russie|Rusia|Rússia|Russland|Rusija|Rusi|Rusia
        Saudi Arabia|Arabie saoudite|Arabia Saudita|Arábia Saudita|Saudi-Arabien|Saudijska Arabija|Arabia Saudite|\
        Arab Saudi
        Senegal|Sénégal
        Serbia|Serbie|Sérvia|Serbien|Srbija|Serbi
        Slovakia|Slovaquie|Eslovaquia|Eslováquia|Slovacchia|Slowakei|Slovačka|Sllovaki|Slovacia
        Slovenia|Slovénie|Eslovenia|Eslovênia|Eslovénia|Slowenien|Slovenija|Slloveni
        South Africa|Afrique du Sud|Sudáfrica|África do Sul|Sudafrica|Südafrika|Južna Afrika|Afrika Selatan|\
        Africa de Sud
        South Korea|Corée du Sud|Corea del Sur|Coreia do Sul|Corea del Sud|Südkorea|Južna Koreja|Korea Selatan|\
        Coreea de Sud
        Spain|Espagne|España|Espanha|Spagna|Spanien|Španija|Španjolska|Spanjë|Spanyol|Spania
        Sweden|Suède|Suecia|Suécia|Svezia|Schweden|Švedska|Suedi|Suedia|Swedia
        Syria|Syrie|Siria|Síria|Syrien|Sirija
        Tajikistan|Tadjikistan|Tayikistán|Tajiquistão|Tagikistan|Tadschikistan|Tadžikistan
        Thailand|Thaïlande|Tailandia|Tailândia|Tailandia|Tajland|Thailanda
        Tunisia|Tunisie|Túnez|Tunísia|Tunesien
        Turkey|Turquie|Turquía|Turquia|Turchia|Türkei|Turska|Turqi|Turki|Turcia
        Turkmenistan|Turkménistan|Turkmenistán|Turcomenistão|Turkmenistan
        Ukraine|Ucrania|Ucrânia|Ucraina|Ukrajina|Ukrainë|Ukraina
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

    /// The country `name` is in another language, as `countries` names it.
    static func country(named name: String, in countries: Countries) -> Country? {
        english[Gazetteer.key(name)].flatMap { countries.country(named: $0) }
    }
}
