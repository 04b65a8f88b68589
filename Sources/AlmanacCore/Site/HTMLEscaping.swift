import Foundation

/// Escaping of untrusted text (record values, settings) for HTML that Almanac writes
/// itself: the site's pages. One escape serves element content and quoted attribute values
/// alike, so no call site has to pick the right one.
public enum HTMLEscaping {
    /// `text` safe inside an element or a double- or single-quoted attribute value:
    /// `& < > " '` become character references; control characters other than tab and
    /// line breaks, which HTML forbids, become U+FFFD.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A web address from a record for an `href`: only `http:` and `https:` addresses are
    /// links (a `javascript:` or `data:` address is not); nil for anything else.
    public static func safeLink(_ address: String) -> String? {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        return escape(trimmed)
    }
}
