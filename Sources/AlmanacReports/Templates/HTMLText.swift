import AlmanacModel
import Foundation

/// Everything that makes an HTML page built from records safe to open: escaping for text
/// and attribute values, the Content-Security-Policy every page carries, and a pass that
/// rewrites rendered HTML (Ink's, whose attributes are not escaped) so that only known tags
/// and attributes remain, every attribute value is escaped and every link is http(s),
/// `mailto:`, relative or a fragment.
///
/// Any page Almanac writes from records has its rendered body put through ``sanitized(_:)``
/// and the whole page through ``withContentSecurityPolicy(_:)``; a new kind of page (a site,
/// a board pack) should do the same.
public enum HTMLText {
    /// The policy of every page: nothing may load or run but the page's own inline styles
    /// and `data:` pictures (a page is one self-contained file). No script at all, so text
    /// that slipped through every other layer still cannot run.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// The `<meta>` element that carries ``contentSecurityPolicy``.
    public static var contentSecurityPolicyMeta: String {
        "<meta http-equiv=\"Content-Security-Policy\" content=\"\(escapeAttribute(contentSecurityPolicy))\">"
    }

    /// `text` for an element's content: `&`, `<`, `>` escaped (quotes too, so the result is
    /// also safe in an attribute).
    public static func escapeText(_ text: String) -> String {
        escapeAttribute(text)
    }

    /// `text` for a quoted attribute value (`href="…"`): `&`, `<`, `>`, `"` and `'` escaped,
    /// control characters dropped. Safe in single- or double-quoted attributes.
    public static func escapeAttribute(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if !ControlCharacters.isForbidden(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Whether `url` may be the target of a link or a picture: http(s) and mailto
    /// addresses, relative paths and fragments; never `javascript:`, `data:` or any other
    /// scheme.
    public static func isSafeLink(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.unicodeScalars.contains(where: ControlCharacters.isForbidden) else { return false }
        // A scheme is what comes before the first ':' when no '/', '?' or '#' precedes it.
        let beforeColon = trimmed.prefix { !":/?#".contains($0) }
        guard beforeColon.count < trimmed.count, trimmed[beforeColon.endIndex] == ":" else { return true }
        return ["http", "https", "mailto"].contains(beforeColon.lowercased())
    }

    /// A complete page (from a template, its body already ``sanitized(_:)``) with the
    /// policy's `<meta>` first in `<head>`, unless the page already carries it: a custom
    /// template cannot leave it out.
    public static func withContentSecurityPolicy(_ page: String) -> String {
        if page.contains(contentSecurityPolicyMeta) { return page }
        if let head = page.range(of: "<head>", options: .caseInsensitive) {
            return page.replacingCharacters(in: head, with: "<head>\n" + contentSecurityPolicyMeta)
        }
        // Before any content, a <meta> starts the document's head.
        return contentSecurityPolicyMeta + "\n" + page
    }

    /// Tags a rendered report may contain (Ink's output, and what templates commonly add).
    static let allowedTags: Set<String> = [
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
        "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
        "li", "main", "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary",
        "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    ]
    /// Attributes kept on any allowed tag; `href` and `src` only with a safe link.
    static let allowedAttributes: Set<String> = [
        "href", "src", "alt", "title", "id", "class", "lang", "colspan", "rowspan", "scope", "align", "start",
        "datetime", "width", "height", "open",
    ]

    /// Rendered HTML with every tag rewritten: allowed tags keep their allowed attributes,
    /// each value escaped; links and pictures with another scheme lose the address; any
    /// other tag (`<script>`, `<iframe>`, `<style>`, `<svg>`…), every comment and every
    /// declaration is shown as text instead. Text between tags is kept as it is (Ink escapes it).
    public static func sanitized(_ html: String) -> String {
        guard opensAreCharacters(html) else { return sanitizedByCharacters(html) }
        var output = ""
        output.reserveCapacity(html.utf8.count)
        // Tags repeat (`<td>`, `</li>`): one without quotes or other than ASCII ends at its
        // first `>`, and is rewritten alike wherever it stands.
        var rewritten: [Substring: String] = [:]
        var rest = Substring(html)
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "<")) {
            output += rest[..<open]
            rest = rest[open...]
            if let (link, end) = plainLink(rest) {
                output += link
                rest = rest[end...]
                continue
            }
            if let close = rest.utf8.firstIndex(of: UInt8(ascii: ">")), isPlainTag(rest.utf8[...close]),
                case let end = rest.utf8.index(after: close), rest.utf8[end...].first.map({ $0 < 0x80 }) ?? true
            {
                let source = rest[..<end]
                if let known = rewritten[source] {
                    output += known
                    rest = rest[end...]
                    continue
                }
                if case (let tag?, let after)? = Tag.parse(rest), after == end {
                    let text = rewrite(tag)
                    rewritten[source] = text
                    output += text
                    rest = rest[after...]
                    continue
                }
            }
            if let (tag, after) = Tag.parse(rest) {
                output += tag.map(rewrite) ?? escapeText(String(rest[..<after]))
                rest = rest[after...]
            } else {
                output += "&lt;"
                rest = rest.dropFirst()
            }
        }
        output += rest
        return output
    }

    /// What ``rewrite(_:)`` makes of `<a href="…">` at the start of `text` (the link as it is,
    /// or `<a>` for another scheme than http, https or mailto), and where it ends, told from
    /// the bytes; nil unless the address is printable ASCII without quotes, `&`, `<` or `>`
    /// and an ASCII character or nothing follows. A report links every activity that has a
    /// web address, each to another: the character-wise tag reader took ~70,000
    /// instructions for each.
    static func plainLink(_ text: Substring) -> (String, Substring.Index)? {
        let utf8 = text.utf8
        guard utf8.starts(with: "<a href=\"".utf8) else { return nil }
        let valueStart = utf8.index(utf8.startIndex, offsetBy: 9)
        var index = valueStart
        // Where the first `:`, `/`, `?` or `#` is: a `:` ends a scheme.
        var firstDelimiter: (byte: UInt8, index: Substring.Index)?
        while index < utf8.endIndex, utf8[index] != UInt8(ascii: "\"") {
            let byte = utf8[index]
            guard (0x21...0x7E).contains(byte), byte != UInt8(ascii: "&"), byte != UInt8(ascii: "<"),
                byte != UInt8(ascii: ">"), byte != UInt8(ascii: "'")
            else { return nil }
            if firstDelimiter == nil,
                byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?")
                    || byte == UInt8(ascii: "#")
            {
                firstDelimiter = (byte, index)
            }
            index = utf8.index(after: index)
        }
        guard index < utf8.endIndex else { return nil }
        let close = utf8.index(after: index)
        guard close < utf8.endIndex, utf8[close] == UInt8(ascii: ">") else { return nil }
        let end = utf8.index(after: close)
        guard end == utf8.endIndex || utf8[end] < 0x80 else { return nil }
        if let (byte, at) = firstDelimiter, byte == UInt8(ascii: ":"),
            !["http", "https", "mailto"].contains(text[valueStart..<at].lowercased())
        {
            return ("<a>", end)
        }
        return ("<a href=\"" + text[valueStart..<index] + "\">", end)
    }

    /// Whether every `<` byte of `html` is a `<` character (no accent joins it, as in
    /// `<\u{301}`, nor a prepended mark): asked of the string only beside other than ASCII.
    private static func opensAreCharacters(_ html: String) -> Bool {
        let utf8 = html.utf8
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == UInt8(ascii: "<"), previous >= 0x80 || (next < utf8.endIndex && utf8[next] >= 0x80) {
                let scalars = html.unicodeScalars
                if let before = scalars[..<index].last, !PlainBytes.areSeparate(before, "<") { return false }
                if let after = scalars[next...].first, !PlainBytes.areSeparate("<", after) { return false }
            }
            previous = byte
            index = next
        }
        return true
    }

    /// Whether a tag's text (`<` to the first `>`) holds only ASCII, no quote and is not a
    /// comment or declaration: then ``Tag/parse(_:)`` reads no further than it (when no
    /// accent joins the `>`).
    private static func isPlainTag(_ text: Substring.UTF8View.SubSequence) -> Bool {
        guard text.count > 1 else { return false }
        let second = text[text.index(after: text.startIndex)]
        guard second != UInt8(ascii: "!"), second != UInt8(ascii: "?") else { return false }
        return !text.contains { $0 >= 0x80 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
    }

    /// ``sanitized(_:)``, reading the text character by character.
    static func sanitizedByCharacters(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            rest = rest[open...]
            if let (tag, after) = Tag.parse(rest) {
                output += tag.map(rewrite) ?? escapeText(String(rest[..<after]))
                rest = rest[after...]
            } else {
                output += "&lt;"
                rest = rest.dropFirst()
            }
        }
        output += rest
        return output
    }

    private static func rewrite(_ tag: Tag) -> String {
        guard allowedTags.contains(tag.name) else { return escapeText(tag.source) }
        if tag.isClosing { return "</\(tag.name)>" }
        var text = "<" + tag.name
        for (name, value) in tag.attributes where allowedAttributes.contains(name) {
            if name == "href", let value, !isSafeLink(value) { continue }
            if name == "src", let value, !isSafeLink(value) && !value.lowercased().hasPrefix("data:image/") { continue }
            text += " " + name
            if let value { text += "=\"" + escapeAttribute(value) + "\"" }
        }
        return text + (tag.isSelfClosing ? "/>" : ">")
    }

    /// One tag as an HTML tokenizer reads it (attribute names end at space, `/`, `=` or `>`;
    /// values are quoted or run to a space or `>`), so that an attribute smuggled into
    /// another's value shows up as the attribute a browser would see.
    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var attributes: [(String, String?)]
        var source: String

        /// The tag at the start of `text` and where it ends; a nil tag for a comment or
        /// declaration (`<!…>`), nil altogether when `<` does not start a tag.
        static func parse(_ text: Substring) -> (Tag?, Substring.Index)? {
            var index = text.index(after: text.startIndex)
            guard index < text.endIndex else { return nil }
            if text[index] == "!" || text[index] == "?" {
                if text[index...].hasPrefix("!--"), let end = text[index...].range(of: "-->") {
                    return (nil, end.upperBound)
                }
                guard let end = text[index...].firstIndex(of: ">") else { return nil }
                return (nil, text.index(after: end))
            }
            let isClosing = text[index] == "/"
            if isClosing { index = text.index(after: index) }
            guard index < text.endIndex, text[index].isASCII, text[index].isLetter else { return nil }
            let nameStart = index
            while index < text.endIndex, !isBreak(text[index]) { index = text.index(after: index) }
            var tag = Tag(
                name: text[nameStart..<index].lowercased(), isClosing: isClosing, isSelfClosing: false, attributes: [],
                source: "")
            while index < text.endIndex {
                let character = text[index]
                if character == ">" {
                    index = text.index(after: index)
                    tag.source = String(text[text.startIndex..<index])
                    return (tag, index)
                }
                if character.isWhitespace || character == "/" {
                    tag.isSelfClosing = character == "/"
                    index = text.index(after: index)
                    continue
                }
                tag.isSelfClosing = false
                let attributeStart = index
                index = text.index(after: index)
                while index < text.endIndex, !isBreak(text[index]), text[index] != "=" {
                    index = text.index(after: index)
                }
                let name = text[attributeStart..<index].lowercased()
                var probe = index
                while probe < text.endIndex, text[probe].isWhitespace { probe = text.index(after: probe) }
                guard probe < text.endIndex, text[probe] == "=" else {
                    tag.attributes.append((name, nil))
                    continue
                }
                index = text.index(after: probe)
                while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
                guard index < text.endIndex else { break }
                let value: Substring
                if text[index] == "\"" || text[index] == "'" {
                    let quote = text[index]
                    let valueStart = text.index(after: index)
                    guard let close = text[valueStart...].firstIndex(of: quote) else { return nil }
                    value = text[valueStart..<close]
                    index = text.index(after: close)
                } else {
                    let valueStart = index
                    while index < text.endIndex, !text[index].isWhitespace, text[index] != ">" {
                        index = text.index(after: index)
                    }
                    value = text[valueStart..<index]
                }
                tag.attributes.append((name, decodeEntities(value)))
            }
            return nil
        }

        private static func isBreak(_ character: Character) -> Bool {
            character.isWhitespace || character == "/" || character == ">"
        }
    }

    /// The few character references that matter in attribute values, decoded so that they
    /// are escaped once, not twice, and a `javascript&#58;` scheme is seen for what it is.
    static func decodeEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var result = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let body = rest[rest.index(after: rest.startIndex)..<semicolon]
            var decoded: String?
            switch body {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            case "colon": decoded = ":"
            default:
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if body.hasPrefix("#") {
                    decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let decoded {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }
}
