import AlmanacModel
internal import Mustache

/// Escaping of values for Markdown, not HTML: text shows as written once rendered
/// (`O'Brien & Partners` stays as it is), and a value can never break the structure around
/// it — a `|` cannot end a table cell, a line break cannot end a table row, a leading `# `,
/// `- ` or `1. ` cannot start a heading or a list.
public enum MarkdownText {
    /// The name of the Mustache content type: `{{% CONTENT_TYPE: MARKDOWN }}`.
    public static let contentTypeName = "MARKDOWN"

    /// Characters escaped with a backslash wherever they are.
    private static let alwaysEscaped: Set<Character> = ["`", "*", "_", "[", "]", "<", ">", "|", "~"]
    /// Whether text at the start of a line would open a heading or a list item (`# `, `- `,
    /// `+ `) or be a rule or an underline (`---`, `===`).
    private static func startsBlock(_ text: Substring) -> Bool {
        guard let first = text.first, "#-+=".contains(first) else { return false }
        let marker = text.prefix { $0 == first }
        let after = text.dropFirst(marker.count).first
        if (first == "#" && marker.count <= 6) || ((first == "-" || first == "+") && marker.count == 1) {
            if after == nil || after?.isWhitespace == true { return true }
        }
        return (first == "-" || first == "=") && text.allSatisfy { $0 == first || $0 == " " }
    }

    public static func escape(_ text: String) -> String {
        // Most values (a title, a city) have nothing to escape: their bytes tell.
        // (A space and a combining accent after it are one character, and whitespace: so a
        // text that ends with a non-ASCII byte is asked for its last character.)
        if text.utf8.withContiguousStorageIfAvailable(isPlain) == true,
            text.utf8.last.map({ $0 < 0x80 }) ?? true || text.last?.isWhitespace == false
        {
            return text
        }
        return escapeByCharacters(text)
    }

    /// ``escape(_:)``, character by character.
    static func escapeByCharacters(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.joined(separator: " ")
        var result = ""
        var characters = Substring(flat)
        if let first = characters.first, startsBlock(characters) {
            result += "\\\(first)"
            characters = characters.dropFirst()
        } else if let digits = leadingOrderedListNumber(characters) {
            result += digits + "\\"
            characters = characters.dropFirst(digits.count)
        }
        var rest = characters[...]
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == "\\" {
                // A backslash as a character reference: renderers that mishandle `\\` keep it.
                result += "&#92;"
            } else if character == "&" && startsCharacterReference(rest) {
                result += "&amp;"
            } else {
                if alwaysEscaped.contains(character) { result += "\\" }
                result.append(character)
            }
        }
        return result
    }

    /// Whether ``escape(_:)`` leaves the text of these UTF-8 bytes as it is: it neither starts
    /// nor ends with whitespace, does not start with digits and `.` or `)`, or with `#`, `-`,
    /// `+` or `=`, and
    /// holds no line break, tab, backslash, `&` or character escaped wherever it is. Only
    /// characters that are white space or a line break, and U+1FEF (equal to a backquote), are
    /// refused among the non-ASCII ones: any other character, a combining accent too, is kept
    /// as it is.
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        // Digits start an ordered list item only with a `.` or `)` after them ("12. ").
        let afterDigits = bytes.first { !(0x30...0x39).contains($0) }
        if first == UInt8(ascii: " ") || last == UInt8(ascii: " ")
            || ((0x30...0x39).contains(first) && (afterDigits == UInt8(ascii: ".") || afterDigits == UInt8(ascii: ")")))
            || first == UInt8(ascii: "#") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: "=")
        {
            return false
        }
        for (index, byte) in bytes.enumerated() {
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F || plainASCII[Int(byte)] == 0 { return false }
            } else if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
                guard let scalar = scalar(at: index, in: bytes), !isWhitespaceOrBacktick(scalar) else { return false }
            }
        }
        return true
    }

    /// The scalar whose lead byte is at `index`.
    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return scalar
    }

    /// White space and line breaks beyond ASCII (U+0085, U+00A0, U+1680, U+2000 to U+200A,
    /// U+2028, U+2029, U+202F, U+205F, U+3000), and U+1FEF, which Swift takes for a backquote.
    private static func isWhitespaceOrBacktick(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x1FEF: true
        default: false
        }
    }

    /// For each ASCII byte, 1 when ``escape(_:)`` keeps it as it is wherever it stands.
    private static let plainASCII: [UInt8] = (0..<128).map { byte in
        "`*_[]<>|~\\&".utf8.contains(UInt8(byte)) ? 0 : 1
    }

    /// "12" when `text` starts like an ordered list item ("12. " or "12) ").
    private static func leadingOrderedListNumber(_ text: Substring) -> String? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let after = text.dropFirst(digits.count)
        guard after.first == "." || after.first == ")" else { return nil }
        let next = after.dropFirst().first
        return next == nil || next?.isWhitespace == true ? String(digits) : nil
    }

    /// Whether the text after a `&` would make it a character reference (`&amp;`, `&#38;`).
    private static func startsCharacterReference(_ text: Substring) -> Bool {
        var body = text.prefix { $0 != ";" }
        guard body.count < text.count, !body.isEmpty, body.count <= 32 else { return false }
        if body.first == "#" {
            body = body.dropFirst()
            if body.first == "x" || body.first == "X" { body = body.dropFirst() }
        }
        return !body.isEmpty && body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// Registers the content type with swift-mustache, once.
    static let registered: Void = MustacheContentTypes.register(MarkdownContentType(), named: contentTypeName)
}

/// The Mustache content type that escapes `{{value}}` with ``MarkdownText/escape(_:)``.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = self[start...].lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
