import AlmanacModel
internal import Ink

/// Markdown as HTML, by Ink; its plain lists and tables without Ink, a long text on two cores.
enum MarkdownHTML {
    /// Ink's HTML of `markdown`. Ink reads a text block by block and writes each block's HTML
    /// one after the other, so a text cut where blocks start (``blockStarts(of:)``) gives,
    /// piece by piece, the same HTML. Such a text's plain lists and tables (most of a
    /// report) are written by ``PlainMarkdown``, and the rest read by Ink, each run of other
    /// blocks at once (``inkHTML(from:splitSize:)``).
    static func html(from markdown: String, splitSize: Int = 1 << 16) -> String {
        guard let starts = blockStarts(of: markdown), starts.count > 1 else {
            return inkHTML(from: markdown, splitSize: splitSize)
        }
        let ends = starts.dropFirst() + [markdown.endIndex]
        var plain = zip(starts, ends).map { PlainMarkdown.html(markdown[$0..<$1]) }
        // Ink takes a text that starts with `-` for one that may start with metadata: a block
        // that Ink reads and that starts so is read with the block before it.
        for block in plain.indices.dropFirst().reversed()
        where plain[block] == nil && plain[block - 1] != nil && startsWithDash(markdown[starts[block]...]) {
            plain[block - 1] = nil
        }
        var html = ""
        var inkStart: String.Index?
        for (block, start) in starts.enumerated() {
            if let text = plain[block] {
                if let inkStart { html += inkHTML(from: String(markdown[inkStart..<start]), splitSize: splitSize) }
                inkStart = nil
                html += text
            } else if inkStart == nil {
                inkStart = start
            }
        }
        if let inkStart { html += inkHTML(from: String(markdown[inkStart...]), splitSize: splitSize) }
        return html
    }

    /// Whether `text`'s first character but ASCII white space is `-`, or may be (after white
    /// space beyond ASCII, which Ink skips too).
    private static func startsWithDash(_ text: Substring) -> Bool {
        guard let first = text.utf8.first(where: { !(0x09...0x0D).contains($0) && $0 != 0x20 }) else { return false }
        return first == UInt8(ascii: "-") || first >= 0x80
    }

    /// Ink's HTML of `markdown`, read on two cores when it has `splitSize` bytes or more: split
    /// at the heading nearest its middle (``splitPoint(of:)``).
    static func inkHTML(from markdown: String, splitSize: Int) -> String {
        guard markdown.utf8.count >= splitSize, let split = splitPoint(of: markdown) else { return whole(markdown) }
        let (first, second) = concurrently(
            { whole(String(markdown.utf8[..<split])!) }, { whole(String(markdown.utf8[split...])!) })
        return first + second
    }

    /// Ink's HTML of `markdown`, read at once.
    static func whole(_ markdown: String) -> String { MarkdownParser().html(from: markdown) }

    /// Where the blocks of `markdown` start, its start first: each line after a blank line
    /// (but the lines of a paragraph's line break running on, below). A block that Ink reads
    /// there starts there when the text is read whole: Ink's lists, tables, headings, quotes
    /// and paragraphs end at a blank line; a paragraph whose line ends with two spaces or a
    /// backslash (a line break) does not, and neither do code blocks, HTML, link definitions
    /// (which any block may use) and the metadata a text may start with (`---`): nil for a
    /// text that starts with `-`, or with `<` or a carriage return, or a line that starts
    /// with a backquote, `[`, `>` or `~`.
    static func blockStarts(of markdown: String) -> [String.Index]? {
        let utf8 = markdown.utf8
        return blockStartOffsets(Array(utf8)).map { offsets in
            var index = utf8.startIndex
            var offset = 0
            return offsets.map { next in
                index = utf8.index(index, offsetBy: next - offset)
                offset = next
                return index
            }
        }
    }

    /// Where a heading (`#` at the start of a line, not joined with a combining accent) starts
    /// a block (``blockStarts(of:)``), the one nearest the middle of `markdown`.
    static func splitPoint(of markdown: String) -> String.Index? {
        let bytes = Array(markdown.utf8)
        guard let offsets = blockStartOffsets(bytes) else { return nil }
        let headings = offsets.filter {
            $0 > 0 && bytes[$0] == UInt8(ascii: "#") && $0 + 1 < bytes.count && bytes[$0 + 1] < 0x80
        }
        let middle = bytes.count / 2
        guard let best = headings.min(by: { abs($0 - middle) < abs($1 - middle) }) else { return nil }
        return markdown.utf8.index(markdown.utf8.startIndex, offsetBy: best)
    }

    /// ``blockStarts(of:)`` as offsets in `bytes`.
    private static func blockStartOffsets(_ bytes: [UInt8]) -> [Int]? {
        let start = bytes.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\n") }
        if let start, bytes[start] == UInt8(ascii: "-") { return nil }
        var starts = [0]
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\r") { return nil }
            guard index == 0 || bytes[index - 1] == UInt8(ascii: "\n") else { continue }
            if byte == UInt8(ascii: "`") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "~")
            {
                return nil
            }
            guard byte != UInt8(ascii: "\n"), index >= 3, bytes[index - 2] == UInt8(ascii: "\n") else { continue }
            // The last character before the blank lines: a paragraph's line break runs on.
            var last = index - 1
            while last > 0, bytes[last] == UInt8(ascii: "\n") { last -= 1 }
            let end = bytes[last]
            guard end != UInt8(ascii: " "), end != UInt8(ascii: "\\"), end != UInt8(ascii: "\t") else { continue }
            starts.append(index)
        }
        return starts
    }
}
