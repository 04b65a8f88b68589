import Foundation

/// How place and country names are compared: without case, accents or a leading "the". One
/// definition for the gazetteer (AlmanacModel) and for the build tool that precomputes the
/// gazetteer's index (EmbedResourcesTool), which cannot use AlmanacModel: it builds part of it.
package enum NameKey {
    /// `name` folded: "The Hague" → "hague", "Priština" → "pristina".
    package static func of(_ name: String) -> String {
        // ASCII, the common case, byte by byte, written straight into the key: Foundation's
        // folding and Character-wise trimming are slow, and the gazetteer folds thousands of
        // names (and every record's city and country).
        var isASCII = true
        let key = String(unsafeUninitializedCapacity: name.utf8.count) { buffer in
            var length = 0
            let lowered = { (byte: UInt8) -> Bool in
                guard byte < 0x80 else { return false }
                buffer[length] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                length += 1
                return true
            }
            // Over the bytes in place when the string has them in one piece (it always has).
            isASCII =
                name.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(lowered) } ?? name.utf8.allSatisfy(lowered)
            guard isASCII else { return 0 }
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
            var start = 0
            var end = length
            while start < end, isSpace(buffer[start]) { start += 1 }
            while end > start, isSpace(buffer[end - 1]) { end -= 1 }
            if end - start >= 4, buffer[start] == UInt8(ascii: "t"), buffer[start + 1] == UInt8(ascii: "h"),
                buffer[start + 2] == UInt8(ascii: "e"), buffer[start + 3] == UInt8(ascii: " ")
            {
                start += 4
            }
            if start > 0 {
                for index in start..<end { buffer[index - start] = buffer[index] }
            }
            return end - start
        }
        return isASCII ? key : folded(name)
    }

    private static func folded(_ name: String) -> String {
        let scalars = name.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var folded = String(Substring(scalars[first...last]))
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        if folded.hasPrefix("the ") { folded.removeFirst(4) }
        return folded
    }
}
