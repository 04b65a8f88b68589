import AlmanacModel

/// A piece of prose cut into words and punctuation, with the sentence each belongs to, so
/// that importers can ask what stands before a date or a place ("held in", "the previous
/// meeting on", "the EU Delegation in").
struct Prose {
    struct Token {
        /// The word, or a single punctuation character.
        var text: String
        var range: Range<String.Index>
        var isWord: Bool
        var sentence: Int

        var lowercased: String { text.lowercased() }
        var isCapitalised: Bool { text.first?.isUppercase ?? false }
    }

    let text: String
    let tokens: [Token]
    /// The tokens of each sentence, by its number: a sentence's tokens come one after another.
    let sentences: [Range<Int>]
    /// The first sentence of six words or more, with the index of its first word.
    let leadSentence: (sentence: Int, firstWord: Int)?

    /// Punctuation that ends a clause for ``wordsBefore(_:limit:)``.
    private static let clauseEnds: Set<String> = [".", ";", ":", "(", ")", "!", "?", "\n", "–", "—"]

    init(_ text: String) {
        self.text = text
        var tokens: [Token] = []
        var sentence = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                var end = text.index(after: index)
                while end < text.endIndex {
                    let next = text[end]
                    if next.isLetter || next.isNumber {
                        end = text.index(after: end)
                        continue
                    }
                    // Inner apostrophes and hyphens ("Delegation's", "Banja-Luka"), and dots
                    // between capitals ("ARK.IT").
                    let after = text.index(after: end)
                    guard after < text.endIndex, text[after].isLetter || text[after].isNumber else { break }
                    let joins =
                        "'’-".contains(next)
                        || (next == "." && text[after].isUppercase && text[text.index(before: end)].isUppercase)
                    guard joins else { break }
                    end = after
                }
                tokens.append(
                    Token(text: String(text[index..<end]), range: index..<end, isWord: true, sentence: sentence))
                index = end
            } else {
                let end = text.index(after: index)
                if !character.isWhitespace || character.isNewline {
                    tokens.append(
                        Token(
                            text: character.isNewline ? "\n" : String(character), range: index..<end, isWord: false,
                            sentence: sentence))
                }
                if ".!?".contains(character) || character.isNewline,
                    Prose.endsSentence(tokens, before: text[end...].first)
                {
                    sentence += 1
                }
                index = end
            }
        }
        self.tokens = tokens
        var sentences: [Range<Int>] = []
        var wordCounts: [Int] = []
        for (index, token) in tokens.enumerated() {
            while sentences.count <= token.sentence {
                sentences.append(index..<index)
                wordCounts.append(0)
            }
            sentences[token.sentence] = sentences[token.sentence].lowerBound..<(index + 1)
            if token.isWord { wordCounts[token.sentence] += 1 }
        }
        self.sentences = sentences
        leadSentence = wordCounts.firstIndex { $0 >= 6 }.flatMap { sentence in
            sentences[sentence].first { tokens[$0].isWord }.map { (sentence, $0) }
        }
    }

    /// The tokens of the sentence of token `index`.
    func sentenceTokens(of index: Int) -> ArraySlice<Token> {
        tokens[sentences[tokens[index].sentence]]
    }

    /// Abbreviations written with a full stop that does not end a sentence ("Mr. Šaranović",
    /// "No. 5"); single letters ("H. E.", "e.g.") count as well.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "h.e", "amb", "no", "nos", "nr", "jr", "sr", "gen", "col", "lt", "capt",
        "rev",
        "vol", "art", "para", "approx", "vs", "cf", "ref",
    ]

    /// Whether the punctuation just added ends a sentence: not a full stop after an
    /// abbreviation or a single letter, nor one with a letter or digit right after it
    /// ("18.04.2024", "e.g.").
    private static func endsSentence(_ tokens: [Token], before next: Character?) -> Bool {
        guard tokens.count >= 2, tokens[tokens.count - 1].text == "." else { return true }
        if let next, next.isLetter || next.isNumber { return false }
        let word = tokens[tokens.count - 2]
        return !(word.isWord && (abbreviations.contains(word.lowercased) || word.text.count == 1))
    }

    /// Whether a word follows the end of a sentence: the text holds more than one sentence.
    var hasSentenceBreak: Bool {
        tokens.contains { $0.isWord && $0.sentence > 0 }
    }

    /// The index of the first token that starts at or after `position`.
    /// (The tokens are in the order of the text: a binary search.)
    func tokenIndex(at position: String.Index) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.lowerBound >= position { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The sentence holding `position`.
    func sentence(at position: String.Index) -> Int {
        let index = tokenIndex(at: position)
        return index < tokens.count ? tokens[index].sentence : (tokens.last?.sentence ?? 0)
    }

    /// Up to `limit` lower-cased words before token `index` in the same clause, nearest last.
    func wordsBefore(_ index: Int, limit: Int = 6) -> [String] {
        wordIndices(before: index, limit: limit).map { tokens[$0].lowercased }
    }

    /// The token indices of up to `limit` words before token `index` in the same clause (or
    /// up to a comma, with `stoppingAtCommas`), nearest last.
    func wordIndices(before index: Int, limit: Int = 6, stoppingAtCommas: Bool = false) -> [Int] {
        var indices: [Int] = []
        var i = index - 1
        while i >= 0, indices.count < limit {
            let token = tokens[i]
            if !token.isWord, Prose.clauseEnds.contains(token.text) || (stoppingAtCommas && token.text == ",") { break }
            if token.isWord { indices.insert(i, at: 0) }
            i -= 1
        }
        return indices
    }

    /// The word just before token `index`, ignoring a comma; nil at a clause start.
    func wordBefore(_ index: Int) -> String? {
        var i = index - 1
        while i >= 0, tokens[i].text == "," { i -= 1 }
        guard i >= 0, tokens[i].isWord else { return nil }
        return tokens[i].lowercased
    }
}
