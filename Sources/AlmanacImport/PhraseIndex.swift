import AlmanacModel

/// Phrases found in prose word by word, case-insensitively (or exactly, for phrases written
/// in capitals such as "RCC"), longest first and never overlapping: "board meeting" is one
/// find, not also a "meeting".
struct PhraseIndex<Value: Sendable>: Sendable {
    private struct Entry {
        var words: [String]
        var exactCase: Bool
        var value: Value
    }

    /// The phrases by their first word (lower-cased unless matched exactly), longest first.
    private var entries: [String: [Entry]] = [:]

    /// Adds a phrase; a phrase added later wins over an equal one added before. Phrases of
    /// two or more capitals and no lower-case letter match only as written.
    mutating func add(_ phrase: String, _ value: Value) {
        let words = Prose(phrase).tokens.filter(\.isWord).map(\.text)
        guard !words.isEmpty else { return }
        let exactCase = phrase.filter(\.isUppercase).count >= 2 && !phrase.contains(where: \.isLowercase)
        let entry = Entry(words: exactCase ? words : words.map { $0.lowercased() }, exactCase: exactCase, value: value)
        // Longest first; among phrases of one length, the one added last first.
        var list = entries[entry.words[0], default: []]
        list.insert(entry, at: list.firstIndex { $0.words.count <= words.count } ?? list.count)
        entries[entry.words[0]] = list
    }

    struct Find {
        var value: Value
        /// Token indices of the phrase in the prose.
        var tokens: Range<Int>
    }

    /// The phrases in `prose`, in the order they appear.
    func finds(in prose: Prose) -> [Find] {
        let words = prose.tokens.enumerated().filter { $0.element.isWord }
        var result: [Find] = []
        var position = 0
        while position < words.count {
            let token = words[position].element
            let candidates =
                (entries[token.text] ?? []) + (token.text == token.lowercased ? [] : entries[token.lowercased] ?? [])
            // Longest first, keeping each list's order among phrases of one length.
            let ordered = candidates.enumerated().sorted {
                ($1.element.words.count, $0.offset) < ($0.element.words.count, $1.offset)
            }.map(\.element)
            let match = ordered.first { entry in
                guard position + entry.words.count <= words.count else { return false }
                return entry.words.indices.allSatisfy { offset in
                    let token = words[position + offset].element
                    return entry.exactCase ? token.text == entry.words[offset] : token.lowercased == entry.words[offset]
                }
            }
            if let match {
                let first = words[position].offset
                let last = words[position + match.words.count - 1].offset
                result.append(Find(value: match.value, tokens: first..<(last + 1)))
                position += match.words.count
            } else {
                position += 1
            }
        }
        return result
    }
}
