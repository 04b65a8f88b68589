/// ISO 8601 durations as used for refresh intervals: `PT12H`, `P1D`, `PT30M`, `P1DT6H`.
package enum ISODuration {
    /// Seconds, or nil when `text` is not a positive duration of days, hours, minutes, seconds.
    package static func seconds(_ text: String) -> Int? {
        var rest = Substring(text.uppercased())
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var total = 0
        var inTime = false
        var number = ""
        var sawUnit = false
        for character in rest {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
            } else if character.isASCII, character.isNumber {
                number.append(character)
            } else {
                guard let value = Int(number) else { return nil }
                let unit: Int
                switch (character, inTime) {
                case ("W", false): unit = 604_800
                case ("D", false): unit = 86_400
                case ("H", true): unit = 3_600
                case ("M", true): unit = 60
                case ("S", true): unit = 1
                default: return nil
                }
                total += value * unit
                number = ""
                sawUnit = true
            }
        }
        return sawUnit && number.isEmpty && total > 0 ? total : nil
    }

    /// The canonical form libical writes (`PT12H`, `P1D`).
    package static func text(seconds: Int) -> String {
        var rest = seconds
        var text = "P"
        if rest % 604_800 == 0 { return "P\(rest / 604_800)W" }
        if rest >= 86_400 {
            text += "\(rest / 86_400)D"
            rest %= 86_400
        }
        guard rest > 0 else { return text }
        text += "T"
        if rest >= 3_600 {
            text += "\(rest / 3_600)H"
            rest %= 3_600
        }
        if rest >= 60 {
            text += "\(rest / 60)M"
            rest %= 60
        }
        if rest > 0 { text += "\(rest)S" }
        return text
    }
}
