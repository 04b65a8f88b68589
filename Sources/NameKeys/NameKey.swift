import Foundation

/// How place and country names are compared: without case, accents or a leading "the". One
/// definition for the gazetteer (AlmanacModel) and for the build tool that precomputes the
/// gazetteer's index (EmbedResourcesTool), which cannot use AlmanacModel: it builds part of it.
package enum NameKey {
    /// `name` folded: "The Hague" → "hague", "Priština" → "pristina".
    package static func of(_ name: String) -> String {
        // ASCII, the common case, byte by byte: Foundation's folding and Character-wise
        // trimming are slow, and the gazetteer folds thousands of names.
        var ascii: [UInt8] = []
        ascii.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            guard byte < 0x80 else { return folded(name) }
            ascii.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        var trimmed = ascii.drop(while: isSpace)
        while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
        if trimmed.starts(with: "the ".utf8) { trimmed.removeFirst(4) }
        return String(decoding: trimmed, as: UTF8.self)
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
