import AlmanacModel

/// Ids of records and names of feeds: safe in UIDs, file names and URLs.
public enum Identifier {
    /// Letters, digits, '-', '_' and '.', starting with a letter or digit (so never `..`, a
    /// hidden file or a path), at most 200 characters (a file name holds 255 bytes).
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isASCIIAlphanumeric(first), text.utf8.count <= 200 else {
            return false
        }
        // A byte beyond ASCII is part of no allowed character. Read from the bytes in place
        // (an id per row of a big log; `allSatisfy` on the UTF-8 view cost some 300 instructions).
        let isAllowed = { (byte: UInt8) -> Bool in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                return true
            default: return false
            }
        }
        return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isAllowed) }
            ?? text.utf8.allSatisfy(isAllowed)
    }

    /// A lower-case ASCII slug of `text`: "7th IISG Board meeting" → "7th-iisg-board-meeting".
    public static func slug(_ text: String, maxLength: Int = 60) -> String {
        if isSlug(text, maxLength: maxLength) { return text }
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

    /// Whether `text` is its own slug (a category cell: `workshop`): words of lower-case ASCII
    /// letters and digits joined by single '-', no longer than `maxLength`.
    private static func isSlug(_ text: String, maxLength: Int) -> Bool {
        var previous = UInt8(ascii: "-")
        for byte in text.utf8 {
            let isWordByte =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isWordByte || (byte == UInt8(ascii: "-") && previous != byte) else { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "-") && text.utf8.count <= maxLength
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
