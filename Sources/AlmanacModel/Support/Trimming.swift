extension StringProtocol {
    /// The text without white space or line breaks at either end: what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` returns, in plain Swift (Foundation
    /// goes through NSString, a large share of the time spent reading a big CSV log).
    package var trimmed: String {
        trimming(ascii: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }, scalars: { $0.properties.isWhitespace })
    }

    /// The text without spaces and tabs at either end (line breaks kept): what
    /// `trimmingCharacters(in: .whitespaces)` returns.
    package var trimmedSpaces: String {
        trimming(
            ascii: { $0 == 0x20 || $0 == 0x09 },
            scalars: { $0.properties.isWhitespace && !Trimming.lineBreaks.contains($0.value) })
    }

    /// `isTrimmedASCII` must say of each ASCII byte what `isTrimmed` says of its scalar.
    fileprivate func trimming(ascii isTrimmedASCII: (UInt8) -> Bool, scalars isTrimmed: (Unicode.Scalar) -> Bool)
        -> String
    {
        // Byte by byte while the ends are ASCII (the usual cell): no scalar is decoded. Any
        // other byte at an edge (white space beyond ASCII, a combining mark) goes the general way.
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var start = 0
            while start < bytes.count, bytes[start] < 0x80, isTrimmedASCII(bytes[start]) { start += 1 }
            if start == bytes.count { return "" }
            guard bytes[start] < 0x80 else { return nil }
            var end = bytes.count - 1
            // Stops at `start` at the latest: that byte is kept.
            while bytes[end] < 0x80, isTrimmedASCII(bytes[end]) { end -= 1 }
            guard bytes[end] < 0x80 else { return nil }
            if start == 0 && end == bytes.count - 1 { return String(self) }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...end]), as: UTF8.self)
        }
        if let fast = fast ?? nil { return fast }
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }
}

private enum Trimming {
    /// LF, VT, FF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
    static let lineBreaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
}

extension String {
    /// ``StringProtocol/trimmed``, without a look at the rest when neither end is white
    /// space (most cells and values): the text itself.
    package var trimmed: String {
        let isTrimmedASCII: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        let isTrimmed: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        if keepsBothEnds(ascii: isTrimmedASCII, scalars: isTrimmed) { return self }
        return trimming(ascii: isTrimmedASCII, scalars: isTrimmed)
    }

    /// ``StringProtocol/trimmedSpaces``, the same way.
    package var trimmedSpaces: String {
        let isTrimmedASCII: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        let isTrimmed: (Unicode.Scalar) -> Bool = {
            $0.properties.isWhitespace && !Trimming.lineBreaks.contains($0.value)
        }
        if keepsBothEnds(ascii: isTrimmedASCII, scalars: isTrimmed) { return self }
        return trimming(ascii: isTrimmedASCII, scalars: isTrimmed)
    }

    /// Whether the first and the last scalar are both kept: an ASCII end by its byte, any
    /// other by its scalar. (Trimming removes scalars, so then it removes nothing.)
    private func keepsBothEnds(ascii isTrimmedASCII: (UInt8) -> Bool, scalars isTrimmed: (Unicode.Scalar) -> Bool)
        -> Bool
    {
        // Both ends read in one look at the bytes (`utf8.last` alone costs a hundred
        // instructions); nil when an end may be white space beyond ASCII: its scalar decides.
        let byBytes = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let first = bytes.first, let last = bytes.last else { return false }
            if first < 0x80 ? isTrimmedASCII(first) : UTF8WhiteSpace.mayStart(with: first) {
                return first < 0x80 ? false : nil
            }
            if last < 0x80 { return !isTrimmedASCII(last) }
            return UTF8WhiteSpace.mayEnd(bytes) ? nil : true
        }
        if let byBytes = byBytes ?? nil { return byBytes }
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first < 0x80 {
            if isTrimmedASCII(first) { return false }
        } else if UTF8WhiteSpace.mayStart(with: first), let scalar = unicodeScalars.first, isTrimmed(scalar) {
            return false
        }
        if last < 0x80 { return !isTrimmedASCII(last) }
        // The last scalar is looked at only when its bytes may be white space.
        let mayEnd = utf8.withContiguousStorageIfAvailable(UTF8WhiteSpace.mayEnd) ?? true
        guard mayEnd else { return true }
        guard let scalar = unicodeScalars.last else { return false }
        return !isTrimmed(scalar)
    }
}

/// White space in UTF-8, told by its bytes: beyond ASCII, every white-space scalar (U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) is two bytes that
/// start with C2 or three that start with E1, E2 or E3. Text whose ends are other characters
/// (`é`, `ă`, `ü`) needs no scalar decoded to know that trimming keeps them.
package enum UTF8WhiteSpace {
    /// Whether the character that `lead` starts may be white space (an ASCII byte is itself).
    package static func mayStart(with lead: UInt8) -> Bool {
        lead < 0x80 ? lead == 0x20 || (0x09...0x0D).contains(lead) : lead == 0xC2 || (0xE1...0xE3).contains(lead)
    }

    /// Whether valid UTF-8 `bytes` may start with white space.
    package static func mayStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.first.map(mayStart(with:)) ?? false
    }

    /// Whether valid UTF-8 `bytes` may end with white space: an ASCII one, or a last character
    /// of two or three bytes with a lead that may start white space.
    package static func mayEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last else { return false }
        if last < 0x80 { return mayStart(with: last) }
        let count = bytes.count
        return (count >= 2 && bytes[count - 2] == 0xC2) || (count >= 3 && (0xE1...0xE3).contains(bytes[count - 3]))
    }
}

extension Sequence<UInt8> {
    /// Whether the bytes are only spaces, tabs and line ends: text with nothing in it.
    package var isBlankText: Bool { allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
}
