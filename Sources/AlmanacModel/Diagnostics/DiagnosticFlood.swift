extension Array where Element == Diagnostic {
    /// The diagnostics to print, sorted, with repeats grouped: of the diagnostics of one file
    /// that say the same thing about different values (the same message once quoted values
    /// and numbers are set aside: "row 5 has 3 cells…", "row 6 has 2 cells…"), the first
    /// `limit` are kept and the rest become one line that counts them. A sheet with a million
    /// bad rows prints a screenful, not a million lines.
    public func condensed(limit: Int = 10) -> [Diagnostic] {
        var seen: [String: Int] = [:]
        var omitted: [String: (first: Diagnostic, count: Int)] = [:]
        var order: [String] = []
        var result: [Diagnostic] = []
        for diagnostic in sorted() {
            let shape = Self.shape(of: diagnostic.message)
            let key = "\(diagnostic.severity.rawValue)\u{0}\(diagnostic.location.file)\u{0}\(shape)"
            let count = seen[key, default: 0]
            seen[key] = count + 1
            if count < limit {
                result.append(diagnostic)
            } else if let known = omitted[key] {
                omitted[key] = (known.first, known.count + 1)
            } else {
                omitted[key] = (diagnostic, 1)
                order.append(key)
            }
        }
        for key in order {
            let (first, count) = omitted[key]!
            result.append(
                Diagnostic(
                    first.severity, first.location, "\(count) more like this, from here on: \(first.message)",
                    hint: first.hint))
        }
        return result.sorted()
    }

    /// A message with its quoted values and numbers replaced, so that messages about
    /// different rows or values compare equal.
    static func shape(of message: String) -> String {
        var result = ""
        var inQuote = false
        var lastWasDigit = false
        for character in message {
            if character == "'" {
                inQuote.toggle()
                if inQuote { result += "'…'" }
                lastWasDigit = false
            } else if inQuote {
                continue
            } else if character.isNumber {
                if !lastWasDigit { result += "#" }
                lastWasDigit = true
            } else {
                result.append(character)
                lastWasDigit = false
            }
        }
        return result
    }
}
