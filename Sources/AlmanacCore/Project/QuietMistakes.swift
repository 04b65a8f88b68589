import Foundation
import Yams

/// Checks for values that are valid YAML and valid records but rarely what the writer meant,
/// each of which would otherwise change a report's figures without a word.
enum QuietMistakes {
    /// `organisations: RCC, DG NEAR` is one value, so one partner called "RCC, DG NEAR".
    static func organisationsInOneValue(_ fields: YAMLMapping) -> Diagnostic? {
        guard let scalar = fields["organisations"]?.scalar,
            scalar.string.contains(",") || scalar.string.contains(";")
        else { return nil }
        let names = scalar.string.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let list = names.map(YAMLText.scalar).joined(separator: ", ")
        return .warning(
            fields.location(of: "organisations"),
            "'\(scalar.string)' is read as one partner organisation, not \(names.count)",
            hint:
                "write several as a list: `organisations: [\(list)]`; one name that holds a comma in quotes in a list: `organisations: [\(doubleQuoted(scalar.string))]`"
        )
    }

    private static func doubleQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A city the gazetteer does not know, with no country: the activity then counts under
    /// no country.
    static func unknownCity(_ place: Place?, in fields: YAMLMapping, gazetteer: Gazetteer) -> Diagnostic? {
        guard let place, let city = place.city, place.country == nil, gazetteer.place(named: city) == nil else {
            return nil
        }
        var message = "the city '\(city)' is not in the gazetteer, so the activity has no country and counts under none"
        let guesses = gazetteer.suggestions(for: city)
        if !guesses.isEmpty { message += "; did you mean \(guesses.map { "'\($0)'" }.joined(separator: " or "))?" }
        // The line of `city:` itself when the location is a map.
        let cityNode = fields["location"]?.mapping?.first { $0.key.scalar?.string == "city" }?.key
        return .warning(
            cityNode.map(fields.file.location(of:)) ?? fields.location(of: "location"),
            message,
            hint:
                "correct the city, or give its country under `location:` (`country: …`), or add the city to `places:` in almanac.yml"
        )
    }

    /// `title: Coordination meeting #3 with RCC`: YAML reads ` #3 with RCC` as a comment.
    /// A comment that looks meant — set apart by two spaces or more and starting `# ` —
    /// (`title: Kick-off meeting   # required`) is left alone.
    static func commentAfterTitle(_ fields: YAMLMapping) -> Diagnostic? {
        guard let node = fields["title"], let scalar = node.scalar, scalar.style == .plain,
            let mark = node.mark, let text = fields.file.text
        else { return nil }
        let lines = text.split(separator: "\n", maxSplits: mark.line, omittingEmptySubsequences: false)
        guard lines.count >= mark.line else { return nil }
        // Most titles have no '#': a byte scan settles them.
        guard lines[mark.line - 1].utf8.contains(UInt8(ascii: "#")) else { return nil }
        let value = lines[mark.line - 1].dropFirst(max(0, mark.column - 1))
        guard
            let hash = value.indices.first(where: {
                value[$0] == "#" && $0 > value.startIndex && value[value.index(before: $0)].isWhitespace
            })
        else {
            return nil
        }
        let before = value[..<hash].reversed().prefix { $0 == " " || $0 == "\t" }.count
        let after = value[value.index(after: hash)...].first
        if before >= 2 && (after == nil || after == " ") { return nil }
        let written = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let lost = value[hash...].trimmingCharacters(in: .whitespacesAndNewlines)
        return .warning(
            fields.location(of: "title"),
            "the title stops before '\(lost)': YAML reads ' #' and what follows as a comment, so the title is '\(scalar.string)'",
            hint: "put the whole title in quotes: `title: \(YAMLText.scalar(written))`"
        )
    }

    /// An RRULE that repeats every hour (minute, second) without COUNT or UNTIL: a report
    /// would have to expand it without end. Returns its frequency, or nil.
    static func endlessSubDailyFrequency(_ rule: String) -> String? {
        var parts: [String: String] = [:]
        for part in rule.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.uppercased() }
            if pair.count == 2 { parts[pair[0]] = pair[1] }
        }
        guard let frequency = parts["FREQ"], ["HOURLY", "MINUTELY", "SECONDLY"].contains(frequency),
            parts["COUNT"] == nil, parts["UNTIL"] == nil
        else { return nil }
        return frequency
    }
}
