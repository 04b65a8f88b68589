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
        if let stored = text.utf8.withContiguousStorageIfAvailable(ofASCII), let ascii = stored { return ascii }
        return byCharacters(text)
    }

    /// ``of(_:)`` for a text of ASCII bytes (one character each); `.some(nil)` for empty text,
    /// nil when a byte is not ASCII.
    private static func ofASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        // The words joined by single spaces, as far as the first sentence's end.
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var flat: [UInt8] = []
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = true
                continue
            }
            if pendingSpace && !flat.isEmpty { flat.append(0x20) }
            pendingSpace = false
            flat.append(byte)
            // A `.`, `!` or `?`, a space, then a capital, a digit or a quote.
            let end = flat.count - 3
            guard end >= 0, flat[end + 1] == 0x20, "!.?".utf8.contains(flat[end]),
                (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "\"")
            else { continue }
            if flat[end] == UInt8(ascii: ".") && endsWithAbbreviation(flat[..<end]) { continue }
            return String(decoding: flat[...end], as: UTF8.self)
        }
        return .some(flat.isEmpty ? nil : String(decoding: flat, as: UTF8.self))
    }

    /// ``endsWithAbbreviation(_:)`` for ASCII bytes.
    private static func endsWithAbbreviation(_ text: ArraySlice<UInt8>) -> Bool {
        let start = text.lastIndex { $0 == 0x20 || $0 == UInt8(ascii: "(") }.map { $0 + 1 } ?? text.startIndex
        return endsWithAbbreviation(Array(String(decoding: text[start...], as: UTF8.self))[...])
    }

    /// ``of(_:)``, character by character.
    static func byCharacters(_ text: String) -> String? {
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
