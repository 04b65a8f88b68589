import AlmanacModel

/// Guesses an activity's category from its words, among the project's own categories:
/// words of the title count three times as much as words of the text, and a longer phrase
/// ("board meeting") wins over the shorter one inside it ("meeting"). The words of each
/// category come from the shipped `category-words.tsv`, plus the category's own name.
public struct CategoryGuesser: Sendable {
    private let index: PhraseIndex<String>

    public init(categories: [String]) {
        var known: [String: [String]] = [:]
        for row in TSV.bundled("category-words") where row.count >= 2 {
            known[row[0]] = row[1].split(separator: "|").map(String.init)
        }
        var index = PhraseIndex<String>()
        for category in categories {
            for phrase in [category.replacingOccurrences(of: "-", with: " ")] + (known[category] ?? []) {
                index.add(phrase, category)
            }
        }
        self.index = index
    }

    /// The best category, or nil when no word of any category appears.
    public func category(title: String, body: String) -> String? {
        var scores: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        for (weight, text) in [(3, title), (1, body)] {
            for find in index.finds(in: Prose(text)) {
                scores[find.value, default: 0] += weight
                if firstSeen[find.value] == nil { firstSeen[find.value] = firstSeen.count }
            }
        }
        return scores.max { lhs, rhs in
            (lhs.value, -(firstSeen[lhs.key] ?? 0)) < (rhs.value, -(firstSeen[rhs.key] ?? 0))
        }?.key
    }
}
