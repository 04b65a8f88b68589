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
            // Over the bytes in place when the string has them in one piece (it always has).
            let lowered =
                name.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
                    for index in 0..<bytes.count {
                        let byte = bytes[index]
                        guard byte < 0x80 else { return nil }
                        buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    }
                    return bytes.count
                } ?? Self.lowered(name.utf8, into: buffer)
            guard let length = lowered else {
                isASCII = false
                return 0
            }
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

    /// The ASCII bytes lowered into `buffer`, and their count; nil for a byte beyond ASCII.
    private static func lowered(_ bytes: String.UTF8View, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var length = 0
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            buffer[length] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            length += 1
        }
        return length
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
