import AlmanacModel
internal import Ink

/// Markdown as HTML, by Ink; a long text on two cores.
enum MarkdownHTML {
    /// Ink's HTML of `markdown`. Ink reads a text block by block and writes each block's HTML
    /// one after the other, so a text split where a block starts gives, half by half, the
    /// same HTML: such a text is read on two cores, split at the heading nearest its middle
    /// (``splitPoint(of:)``), when it has `splitSize` bytes or more.
    static func html(from markdown: String, splitSize: Int = 1 << 16) -> String {
        guard markdown.utf8.count >= splitSize, let split = splitPoint(of: markdown) else { return whole(markdown) }
        let halves = try? concurrently(
            { whole(String(markdown.utf8[..<split])!) }, { whole(String(markdown.utf8[split...])!) })
        guard let (first, second) = halves else { return whole(markdown) }
        return first + second
    }

    /// Ink's HTML of `markdown`, read at once.
    static func whole(_ markdown: String) -> String { MarkdownParser().html(from: markdown) }

    /// Where a heading (`#` at the start of a line) after a blank line starts, the one nearest
    /// the middle of `markdown`: a block that Ink reads there starts there when the text is
    /// read whole. Ink's lists, tables, headings, quotes and paragraphs end at a blank line; a
    /// paragraph whose line ends with two spaces or a backslash (a line break) does not, and
    /// neither do code blocks, HTML, link definitions (which any block may use) and the
    /// metadata a text may start with (`---`): nil for a text that starts with `-`, or with
    /// `<` or a carriage return, or a line that starts with a backquote, `[`, `>` or `~`.
    static func splitPoint(of markdown: String) -> String.Index? {
        let bytes = Array(markdown.utf8)
        let start = bytes.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\n") }
        if let start, bytes[start] == UInt8(ascii: "-") { return nil }
        var best: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\r") { return nil }
            guard index == 0 || bytes[index - 1] == UInt8(ascii: "\n") else { continue }
            if byte == UInt8(ascii: "`") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "~")
            {
                return nil
            }
            guard byte == UInt8(ascii: "#"), index >= 3, bytes[index - 2] == UInt8(ascii: "\n") else { continue }
            // The last character before the blank lines: a paragraph's line break runs on.
            var last = index - 1
            while last > 0, bytes[last] == UInt8(ascii: "\n") { last -= 1 }
            let end = bytes[last]
            guard end != UInt8(ascii: " "), end != UInt8(ascii: "\\"), end != UInt8(ascii: "\t") else { continue }
            // A `#` that a combining accent follows is not a heading's `#`.
            guard index + 1 < bytes.count, bytes[index + 1] < 0x80 else { continue }
            if best.map({ abs($0 - bytes.count / 2) > abs(index - bytes.count / 2) }) ?? true { best = index }
        }
        return best.map { markdown.utf8.index(markdown.utf8.startIndex, offsetBy: $0) }
    }
}
