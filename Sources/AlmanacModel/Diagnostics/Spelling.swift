/// "Did you mean …?" suggestions for misspelt keys and values.
public enum Spelling {
    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        let allowed = max(1, min(3, best.0.count / 3))
        return best.1 <= allowed ? best.0 : nil
    }

    /// Damerau–Levenshtein distance (optimal string alignment): a swap of two letters costs 1.
    public static func distance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        // No distance exceeds the longer length: with that limit the answer is exact.
        return distance(a, b, limit: Swift.max(a.count, b.count))
    }

    /// ``distance(_:_:)`` of `a` and `b` when it is at most `limit`; else some number above
    /// `limit`, found without filling the whole table: once two rows in a row exceed `limit`,
    /// no later row can come back under it. (Specialised by the compiler for the bytes of
    /// ASCII names, which a misspelt city is compared with by the thousand.)
    public static func distance<Letter: Equatable>(_ a: [Letter], _ b: [Letter], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Rows i - 2, i - 1 and i of the table, one after another, their roles turning.
        var table = [Int](repeating: 0, count: 3 * width)
        for j in 0..<width { table[width + j] = j }
        var before = 0
        var previous = width
        var current = 2 * width
        var previousMinimum = 0
        for i in 1...a.count {
            table[current] = i
            var minimum = i
            let letter = a[i - 1]
            for j in 1..<width {
                let cost = letter == b[j - 1] ? 0 : 1
                var value = Swift.min(
                    table[previous + j] + 1, table[current + j - 1] + 1, table[previous + j - 1] + cost)
                if i > 1, j > 1, letter == b[j - 2], a[i - 2] == b[j - 1] {
                    value = Swift.min(value, table[before + j - 2] + 1)
                }
                table[current + j] = value
                if value < minimum { minimum = value }
            }
            if minimum > limit, previousMinimum > limit { return limit + 1 }
            previousMinimum = minimum
            (before, previous, current) = (previous, current, before)
        }
        return table[previous + b.count]
    }
}
