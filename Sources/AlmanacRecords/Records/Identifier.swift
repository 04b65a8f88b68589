import AlmanacModel

/// Ids of records and names of feeds: safe in UIDs, file names and URLs.
public enum Identifier {
    /// Letters, digits, '-', '_' and '.', starting with a letter or digit (so never `..`, a
    /// hidden file or a path), at most 200 characters (a file name holds 255 bytes).
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isASCIIAlphanumeric(first), text.utf8.count <= 200 else {
            return false
        }
        return text.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || "-_.".unicodeScalars.contains($0) }
    }

    /// A lower-case ASCII slug of `text`: "7th IISG Board meeting" → "7th-iisg-board-meeting".
    public static func slug(_ text: String, maxLength: Int = 60) -> String {
        // Foundation's folding only for text that has something to fold beyond ASCII case.
        let folded =
            text.utf8.allSatisfy { $0 < 0x80 }
            ? text.lowercased() : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        // Built as ASCII bytes: words of letters and digits, joined by one '-'.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(folded.utf8.count)
        for scalar in folded.unicodeScalars {
            if isASCIIAlphanumeric(scalar) {
                bytes.append(UInt8(scalar.value))
            } else if let last = bytes.last, last != UInt8(ascii: "-") {
                bytes.append(UInt8(ascii: "-"))
            }
        }
        while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        var slug = String(decoding: bytes, as: UTF8.self)
        if bytes.count > maxLength {  // ASCII: as many characters as bytes
            // Cut at the last word boundary that fits: a word that ends exactly at the limit
            // stays whole; one longer than the limit is cut.
            let fits = slug.prefix(maxLength + 1)
            if let cut = fits.lastIndex(of: "-") {
                slug = String(slug[..<cut])
            } else {
                slug = String(slug.prefix(maxLength))
            }
        }
        return slug.isEmpty ? "activity" : slug
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
