import AlmanacModel

/// The first sentence of a summary, for highlights.
enum FirstSentence {
    /// Words whose full stop does not end a sentence ("Mr. Sojati", "e.g. this").
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nr", "vs", "etc", "e.g", "i.e", "approx", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "h.e", "amb", "gen", "col", "sen", "rep",
        "dept", "inc", "ltd", "co",
    ]

    /// Text up to the first `.`, `!` or `?` that is followed by a space and a capital or a
    /// digit, skipping abbreviations and initials; the whole text (on one line) when no
    /// sentence ends. nil for empty text.
    static func of(_ text: String) -> String? {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !flat.isEmpty else { return nil }
        let characters = Array(flat)
        for index in characters.indices where ".!?".contains(characters[index]) {
            let next = index + 1
            if next == characters.count { return flat }
            guard characters[next] == " ", next + 1 < characters.count,
                characters[next + 1].isUppercase || characters[next + 1].isNumber || characters[next + 1] == "\""
            else { continue }
            if characters[index] == "." && endsWithAbbreviation(characters[..<index]) { continue }
            return String(characters[...index])
        }
        return flat
    }

    private static func endsWithAbbreviation(_ text: ArraySlice<Character>) -> Bool {
        let word = String(text.reversed().prefix { !$0.isWhitespace && $0 != "(" }.reversed())
        if word.count == 1, word.first?.isUppercase == true { return true }
        return abbreviations.contains(word.lowercased())
    }
}
