extension StringProtocol {
    /// The text without white space or line breaks at either end: what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` returns, in plain Swift (Foundation
    /// goes through NSString, a large share of the time spent reading a big CSV log).
    package var trimmed: String { trimming { $0.properties.isWhitespace } }

    /// The text without spaces and tabs at either end (line breaks kept): what
    /// `trimmingCharacters(in: .whitespaces)` returns.
    package var trimmedSpaces: String {
        trimming { $0.properties.isWhitespace && !Trimming.lineBreaks.contains($0.value) }
    }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        // Nothing to trim when both ends are ASCII and not white space (the usual cell): no
        // scalar is decoded. (Every white space and line break outside ASCII starts with a byte
        // of 0x80 or more, so it never passes this test.)
        let utf8 = Substring(self).utf8
        if let first = utf8.first, let last = utf8.last, Trimming.isPlainASCII(first), Trimming.isPlainASCII(last) {
            return String(self)
        }
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }
}

private enum Trimming {
    /// An ASCII byte that is neither white space nor a line break (nor a control character).
    static func isPlainASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// LF, VT, FF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
    static let lineBreaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
}
