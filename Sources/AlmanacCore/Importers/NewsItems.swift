import Foundation

/// One news item: a title and the paragraph below it, as the website shows them.
public struct NewsItem: Hashable, Sendable {
    public var title: String
    /// The paragraph(s), lines joined; often cut mid-sentence.
    public var body: String
    /// The original text of the item.
    public var source: String
    /// The line of the title in the file, 1-based.
    public var line: Int
}

/// Cuts a file of news items into items. Plain text: a title line, a blank line, a
/// paragraph; items separated by blank lines. Markdown: a heading (`#` to `######`) per item,
/// its text below it; a heading with nothing under it before a deeper heading (the page's
/// own title) is not an item.
public enum NewsItems {
    public static func split(_ text: String) -> [NewsItem] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let isMarkdown = lines.contains { headingLevel($0) != nil }
        return isMarkdown ? markdownItems(lines) : plainItems(lines)
    }

    /// Blocks of consecutive non-blank lines, with the line number of their first line.
    private static func blocks(_ lines: [String]) -> [(line: Int, lines: [String])] {
        var result: [(Int, [String])] = []
        var current: [String] = []
        var start = 0
        for (number, line) in lines.enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { result.append((start + 1, current)) }
                current = []
            } else {
                if current.isEmpty { start = number }
                current.append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        if !current.isEmpty { result.append((start + 1, current)) }
        return result
    }

    /// A title is a single line of at most 200 characters that does not end like a
    /// sentence; every other block is text of the item above it.
    private static func looksLikeTitle(_ block: [String]) -> Bool {
        guard block.count == 1, let line = block.first, line.count <= 200 else { return false }
        return !(line.last.map { ".!?;,".contains($0) } ?? true)
    }

    private static func plainItems(_ lines: [String]) -> [NewsItem] {
        var items: [NewsItem] = []
        for block in blocks(lines) {
            let text = block.lines.joined(separator: " ")
            if looksLikeTitle(block.lines) || items.isEmpty {
                items.append(NewsItem(title: text, body: "", source: block.lines.joined(separator: "\n"), line: block.line))
            } else {
                let last = items.count - 1
                items[last].body += (items[last].body.isEmpty ? "" : "\n\n") + text
                items[last].source += "\n\n" + block.lines.joined(separator: "\n")
            }
        }
        return items
    }

    private static func markdownItems(_ lines: [String]) -> [NewsItem] {
        var sections: [(level: Int, item: NewsItem)] = []
        for (number, line) in lines.enumerated() {
            if let level = headingLevel(line) {
                let title = String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                sections.append((level, NewsItem(title: title, body: "", source: line, line: number + 1)))
            } else if !sections.isEmpty {
                sections[sections.count - 1].item.source += "\n" + line
            }
        }
        var items: [NewsItem] = []
        for (index, section) in sections.enumerated() {
            var item = section.item
            item.source = item.source.trimmingCharacters(in: .whitespacesAndNewlines)
            let paragraphs = blocks(item.source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).dropFirst().map(String.init))
            item.body = paragraphs.map { $0.lines.joined(separator: " ") }.joined(separator: "\n\n")
            let nextIsDeeper = index + 1 < sections.count && sections[index + 1].level > section.level
            if item.body.isEmpty && nextIsDeeper { continue }
            items.append(item)
        }
        return items
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }
}
