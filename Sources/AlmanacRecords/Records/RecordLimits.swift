import AlmanacModel
import Foundation

/// Limits on what a record may hold so that every output can be made from it: web addresses
/// a browser and a calendar take as plain links, and years libical can write and read back.
public enum RecordLimits {
    /// The years libical reads and writes: it cannot read back a date after 3000-12-30 (an
    /// all-day event's DTEND is the day after its last), and year 0000 does not exist.
    public static let years = 1...2999

    /// The last year libical expands a series into (its `MAX_TIME_T_YEAR`): the occurrences of
    /// a `repeat:` after 2582 are never counted, listed or exported, so a series that starts
    /// later has none at all.
    public static let lastRepeatingYear = 2582

    /// Why `url` cannot be a record's web address, or nil when it can: it must parse as an
    /// absolute http or https address with a host (Foundation's `URLComponents`, RFC 3986),
    /// without spaces, quotes, control characters or a user name (`https://bank.example@evil.example`).
    public static func problem(withWebAddress url: String) -> String? {
        isPlainWebAddress(url) ? nil : problemInParts(withWebAddress: url)
    }

    /// Whether `url` is of the usual shape, `http(s)://host.example/path?query#fragment` with
    /// only RFC 3986's characters and valid `%XX` escapes, a host of letters, digits, '.' and
    /// '-' (no user, no port), read from its bytes. Such an address has no problem: it is what
    /// ``problemInParts(withWebAddress:)`` accepts without the URL parser (thousands of
    /// instructions per address of a CSV log). Anything else goes that way.
    static func isPlainWebAddress(_ url: String) -> Bool {
        url.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            /// Whether the bytes start with `prefix`, compared in place (a generic `starts(with:)`
            /// took some 300 instructions per address).
            func starts(with prefix: StaticString) -> Bool {
                prefix.utf8CodeUnitCount <= bytes.count
                    && memcmp(bytes.baseAddress!, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
            }
            var index: Int
            if starts(with: "https://") {
                index = 8
            } else if starts(with: "http://") {
                index = 7
            } else {
                return false
            }
            func isAlphanumeric(_ byte: UInt8) -> Bool {
                (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            }
            func isHex(_ byte: UInt8) -> Bool {
                (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
            }
            // The host: starts and ends with a letter or digit.
            let hostStart = index
            while index < bytes.count,
                isAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: ".")
                    || bytes[index] == UInt8(ascii: "-")
            {
                index += 1
            }
            guard index > hostStart, isAlphanumeric(bytes[hostStart]), isAlphanumeric(bytes[index - 1]) else {
                return false
            }
            guard
                index == bytes.count || bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "?")
                    || bytes[index] == UInt8(ascii: "#")
            else { return false }
            // Path, query and fragment: unreserved and sub-delimiter characters, ':', '@', '/',
            // '?', escapes, and one '#'.
            var inFragment = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "%") {
                    guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else {
                        return false
                    }
                    index += 3
                    continue
                }
                if byte == UInt8(ascii: "#") {
                    guard !inFragment else { return false }
                    inFragment = true
                } else if !(isAlphanumeric(byte) || pathPunctuation.contains(byte)) {
                    return false
                }
                index += 1
            }
            return true
        } ?? false
    }

    /// The punctuation of a plain address's path, query and fragment but '#' and '%'.
    private static let pathPunctuation = ASCIISet("-._~!$&'()*+,;=:@/?")

    /// ``problem(withWebAddress:)`` for any address, through Foundation's URL parser.
    static func problemInParts(withWebAddress url: String) -> String? {
        // URLComponents quietly percent-encodes what RFC 3986 does not allow, so those
        // characters are looked for first: an address with a quote is refused, not mended.
        guard url.unicodeScalars.allSatisfy(isAllowedInAddress), hasValidPercentEscapes(url),
            let components = URLComponents(string: url)
        else {
            return """
                it holds characters an address cannot hold unencoded (spaces, \
                quotes, '<', '>' and control characters must be percent-encoded)
                """
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return "only http:// and https:// addresses can be links"
        }
        guard let host = components.host, !host.isEmpty else { return "it names no host (https://example.org/…)" }
        if components.user != nil || components.password != nil {
            return "it holds a user name before '@', which disguises where the link goes"
        }
        return nil
    }

    /// RFC 3986's unreserved and reserved characters and `%`, the `|`, `^`, `{` and `}` that
    /// browsers take and encode themselves, and any letter beyond ASCII (an address as a
    /// browser shows it, `https://sr.example/вести`); never a space, a quote, `<`, `>`, `\\`,
    /// a backquote or a control character, which end an attribute or a link.
    private static func isAllowedInAddress(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0xA0 { return !ControlCharacters.isForbidden(scalar) && !scalar.properties.isWhitespace }
        guard scalar.isASCII else { return false }
        return allowedASCII.contains(UInt8(scalar.value))
    }

    /// Of the ASCII characters: letters, digits and `-._~:/?#[]@!$&'()*+,;=%|^{}` (looked up, not
    /// searched: this runs for every character of every address of a CSV log).
    private static let allowedASCII = ASCIISet(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%|^{}")

    /// Whether every `%` starts a `%XX` escape.
    private static func hasValidPercentEscapes(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "%") {
            guard index + 2 < bytes.count,
                bytes[index + 1...index + 2].allSatisfy({
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20)
                })
            else { return false }
        }
        return true
    }
}

/// A set of ASCII characters as two bit masks: a look-up per byte, not a search.
struct ASCIISet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ characters: String) {
        for byte in characters.utf8 where byte < 0x80 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> UInt64(byte) & 1 == 1 : byte < 128 && high >> UInt64(byte - 64) & 1 == 1
    }
}
