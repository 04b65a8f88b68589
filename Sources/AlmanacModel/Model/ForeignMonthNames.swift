/// Month names in the other languages of the news and spreadsheets Almanac reads, as written
/// after a day number ("le 12 mars 2024", "el 5 de junio de 2023", "12. marta 2024.", "12
/// prill 2024", "5. Juni 2023", "5 Agustus 2023"): the nominative and, where the language
/// writes the day's month in another case, that form too ("marta", "siječnja", "prillit").
///
/// A foreign name counts only right after a day (see ``DateGrammar``): "Mai", "Mart" or
/// "Listopad" alone are no months, nor is any of them read month first ("Mai 5"); English
/// names keep their English meaning ("May" is May, wherever it stands). Forms are lower-case;
/// a language that also writes its months without diacritics has both spellings.
enum ForeignMonthNames {
    /// Each language's twelve months, January first; one month's forms separated by spaces.
    static let languages: [(language: String, months: [String])] = [
        (
            "French",
            [
                "janvier", "février fevrier", "mars", "avril", "mai", "juin", "juillet", "août aout", "septembre",
                "octobre", "novembre", "décembre decembre",
            ]
        ),
        (
            "Spanish",
            [
                "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre setiembre",
                "octubre", "noviembre", "diciembre",
            ]
        ),
        (
            "Portuguese",
            [
                "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                "novembro", "dezembro",
            ]
        ),
        (
            "Italian",
            [
                "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                "ottobre", "novembre", "dicembre",
            ]
        ),
        (
            "German",
            [
                "januar jänner", "februar feber", "märz maerz", "april", "mai", "juni", "juli", "august", "september",
                "oktober", "november", "dezember",
            ]
        ),
        (
            // Serbian, Bosnian and Montenegrin in Latin script: nominative and genitive.
            "Serbian",
            [
                "januar januara", "februar februara", "mart marta", "april aprila", "maj maja", "jun juni juna",
                "jul juli jula", "avgust avgusta august augusta", "septembar septembra", "oktobar oktobra",
                "novembar novembra", "decembar decembra",
            ]
        ),
        (
            "Croatian",
            [
                "siječanj siječnja sijecanj sijecnja", "veljača veljače veljaca veljace", "ožujak ožujka ozujak ozujka",
                "travanj travnja", "svibanj svibnja", "lipanj lipnja", "srpanj srpnja", "kolovoz kolovoza",
                "rujan rujna", "listopad listopada", "studeni studenoga studenog", "prosinac prosinca",
            ]
        ),
        (
            "Slovenian",
            [
                // Nominative, genitive and instrumental ("med 10. in 15. aprilom 2011", between).
                "januar januarja januarjem", "februar februarja februarjem", "marec marca marcem",
                "april aprila aprilom", "maj maja majem", "junij junija junijem", "julij julija julijem",
                "avgust avgusta avgustom", "september septembra septembrom", "oktober oktobra oktobrom",
                "november novembra novembrom", "december decembra decembrom",
            ]
        ),
        (
            // Nominative and the definite form of "12 prillit".
            "Albanian",
            [
                "janar janarit", "shkurt shkurtit", "mars marsit", "prill prillit", "maj majit", "qershor qershorit",
                "korrik korrikut", "gusht gushtit", "shtator shtatorit", "tetor tetorit",
                "nëntor nëntorit nentor nentorit",
                "dhjetor dhjetorit",
            ]
        ),
        (
            "Indonesian",
            [
                "januari", "februari pebruari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
                "oktober", "november nopember", "desember",
            ]
        ),
        (
            // Macedonian, and Serbian in Cyrillic script with its genitive.
            "Macedonian and Serbian Cyrillic",
            [
                "јануари јануар јануара", "февруари фебруар фебруара", "март марта", "април априла", "мај маја",
                "јуни јун јуна", "јули јул јула", "август августа", "септември септембар септембра",
                "октомври октобар октобра", "ноември новембар новембра", "декември децембар децембра",
            ]
        ),
        (
            // Bulgarian, and Russian in the genitive a date uses.
            "Bulgarian and Russian",
            [
                "януари января", "февруари февраля", "март марта", "април апреля", "май мая", "юни июня",
                "юли июля", "август августа", "септември сентября", "октомври октября", "ноември ноября",
                "декември декабря",
            ]
        ),
        (
            // Ukrainian, nominative and the genitive a date uses: "12 травня 2023".
            "Ukrainian",
            [
                "січень січня", "лютий лютого", "березень березня", "квітень квітня", "травень травня",
                "червень червня", "липень липня", "серпень серпня", "вересень вересня", "жовтень жовтня",
                "листопад листопада", "грудень грудня",
            ]
        ),
        (
            "Romanian",
            [
                "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
                "octombrie", "noiembrie", "decembrie",
            ]
        ),
        (
            // Nominative and the genitive a date uses: "16 stycznia 2019". Not "listopad
            // listopada" (November), which Croatian reads as October.
            "Polish",
            [
                "styczeń styczen stycznia", "luty lutego", "marzec marca", "kwiecień kwiecien kwietnia", "maj maja",
                "czerwiec czerwca", "lipiec lipca", "sierpień sierpien sierpnia", "wrzesień wrzesien września wrzesnia",
                "październik pazdziernik października pazdziernika", "", "grudzień grudzien grudnia",
            ]
        ),
        (
            "Turkish",
            [
                "ocak", "şubat subat", "mart", "nisan", "mayıs mayis", "haziran", "temmuz", "ağustos agustos",
                "eylül eylul", "ekim", "kasım kasim", "aralık aralik",
            ]
        ),
        (
            // The genitive a date uses, with and without its accent: "31 Μαρτίου 2023".
            "Greek",
            [
                "ιανουαρίου ιανουαριου", "φεβρουαρίου φεβρουαριου", "μαρτίου μαρτιου", "απριλίου απριλιου",
                "μαΐου μαιου", "ιουνίου ιουνιου", "ιουλίου ιουλιου", "αυγούστου αυγουστου",
                "σεπτεμβρίου σεπτεμβριου", "οκτωβρίου οκτωβριου", "νοεμβρίου νοεμβριου", "δεκεμβρίου δεκεμβριου",
            ]
        ),
        (
            // Russian months shortened as news agencies' datelines write them: "ТБИЛИСИ, 17 ноя".
            "Russian, shortened",
            [
                "янв", "фев февр", "мар", "апр", "мая", "июн", "июл", "авг", "сен сент", "окт", "ноя нояб", "дек",
            ]
        ),
    ]

    /// Every foreign form and its month. A form two languages share names the same month in
    /// both; forms that are English month names are left to the English table.
    static let table: [String: Int] = {
        var table: [String: Int] = [:]
        for (_, months) in languages {
            for (offset, forms) in months.enumerated() {
                for form in forms.split(separator: " ").map(String.init) where DateTokenizer.months[form] == nil {
                    precondition(table[form] == nil || table[form] == offset + 1, "\(form) names two months")
                    table[form] = offset + 1
                }
            }
        }
        return table
    }()
}
