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
