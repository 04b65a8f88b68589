/// Names written in Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian,
/// Bulgarian), spelt in Latin letters as the gazetteer holds its places: "Кишинев" →
/// "Kishinev", "Тбилиси" → "Tbilisi", "Скопје" → "Skopje", "Приштина" → "Prishtina" and
/// "Pristina", "Київ" → "Kyiv". The gazetteer holds no Cyrillic spelling, so a city named
/// only in Cyrillic is found by these.
enum Cyrillic {
    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x0400...0x04FF).contains(scalar.value) }

    /// The letters as English spells Russian and the other languages ("ш" → "sh", "х" →
    /// "kh", "ц" → "ts", "ю" → "yu").
    private static let english: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj",
        "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
    ]
    /// Where Ukrainian spells a letter otherwise: "и" → "y", "ї" → "i", "г" → "h", "х" → "kh"
    /// ("Київ" → "Kyiv", "Харків" → "Kharkiv").
    private static let ukrainian: [Character: String] = ["и": "y", "ї": "i", "г": "h"]
    /// Where the South Slavic Latin alphabets spell a letter otherwise, without their accents
    /// (the gazetteer's keys fold them): "ш" → "s" (š), "ч" → "c" (č), "х" → "h" ("Приштина" →
    /// "Pristina", "Подгорица" → "Podgorica").
    private static let southSlavic: [Character: String] = [
        "ж": "z", "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "st", "ю": "ju", "я": "ja", "й": "j",
    ]

    /// The Latin spellings of `name` worth looking up, the English one first; each letter
    /// outside Cyrillic is kept.
    static func latinSpellings(_ name: String) -> [String] {
        var spellings: [String] = []
        for overrides in [[:], ukrainian, southSlavic] {
            var result = ""
            for character in name {
                let lower = Character(character.lowercased())
                guard let latin = overrides[lower] ?? english[lower] else {
                    result.append(character)
                    continue
                }
                result += character.isUppercase ? latin.prefix(1).uppercased() + latin.dropFirst() : latin
            }
            if !spellings.contains(result) { spellings.append(result) }
        }
        return spellings
    }
}
