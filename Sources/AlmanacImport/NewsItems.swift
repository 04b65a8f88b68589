import AlmanacModel
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

    /// A block that can only be a title: one line of at most 150 characters, with no
    /// sentence break in it and no full stop at its end. The full stop of an abbreviation
    /// ("Mr. Šaranović", "H.E.", "No. 5") breaks no sentence.
    private static func isClearlyTitle(_ block: [String]) -> Bool {
        guard block.count == 1, let line = block.first, line.count <= 150 else { return false }
        return !Prose(line).hasSentenceBreak && !(line.last.map { ".!?;,".contains($0) } ?? true)
    }

    /// A block that can only be text: several lines, several sentences or a long line.
    private static func isClearlyText(_ block: [String]) -> Bool {
        block.count > 1 || block.joined().count > 200 || Prose(block.joined(separator: " ")).hasSentenceBreak
    }

    /// Blocks alternate title, paragraph, title, paragraph. Where they do not: a second
    /// paragraph (clearly text where a title is due) joins the item above, a title
    /// followed by another title before a paragraph stands as an item without text, and a
    /// date line under a title or before the paragraph opens the item's text.
    private static func plainItems(_ lines: [String]) -> [NewsItem] {
        let blocks = blocks(lines)
        var items: [NewsItem] = []
        var expectingText = false
        for (index, block) in blocks.enumerated() {
            let next = index + 1 < blocks.count ? blocks[index + 1].lines : nil
            // The item's date on a line of its own, under the title or after a blank line
            // ("Published: 19 October 2022"), opens its text; the paragraph still follows.
            if expectingText, let last = items.indices.last, items[last].body.isEmpty,
                block.lines.allSatisfy(NewsReference.isPublicationLine)
            {
                items[last].body = paragraph(block.lines)
                items[last].source += "\n\n" + block.lines.joined(separator: "\n")
                continue
            }
            let dateLines =
                block.lines.count > 1 && isClearlyTitle([block.lines[0]])
                ? Array(block.lines.dropFirst().prefix { NewsReference.isPublicationLine($0) }) : []
            let heading = dateLines.isEmpty || dateLines.count < block.lines.count - 1 ? block.lines : [block.lines[0]]
            let text = paragraph(heading)
            let source = block.lines.joined(separator: "\n")
            let startsItem: Bool
            if heading.count == 1, !dateLines.isEmpty {
                startsItem = true
            } else if expectingText {
                startsItem = isClearlyTitle(block.lines) && next.map { !isClearlyTitle($0) } == true
            } else {
                startsItem = items.isEmpty || !isClearlyText(block.lines)
            }
            if startsItem {
                let body = heading.count == 1 && !dateLines.isEmpty ? paragraph(dateLines) : ""
                items.append(NewsItem(title: text, body: body, source: source, line: block.line))
                expectingText = true
            } else {
                let last = items.count - 1
                items[last].body += (items[last].body.isEmpty ? "" : "\n\n") + text
                items[last].source += "\n\n" + source
                expectingText = false
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
            let paragraphs = blocks(
                item.source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).dropFirst().map(
                    String.init))
            item.body = paragraphs.flatMap { titleSplit($0.lines, title: item.title) }.map(paragraph)
                .joined(separator: "\n\n")
            let nextIsDeeper = index + 1 < sections.count && sections[index + 1].level > section.level
            if item.body.isEmpty && nextIsDeeper { continue }
            items.append(item)
        }
        return items
    }

    /// A paragraph's lines, with a first line that repeats the item's title on its own: pages
    /// repeat the title over the text ("Serbian police officers learn … \n BELGRADE, 25
    /// September 2008 - …"), and the text's first line then still opens a paragraph (a dateline).
    private static func titleSplit(_ lines: [String], title: String) -> [[String]] {
        guard lines.count > 1, lines[0].trimmingCharacters(in: .whitespaces) == title else { return [lines] }
        return [[lines[0]], Array(lines.dropFirst())]
    }

    /// A paragraph's text: its lines joined by spaces, as wrapped lines are, but a line at
    /// its top that only dates the item stays a line ("November 28, 2022" right over "On 25
    /// November, …"; "Thursday Dec 12, 2024", a site's header, over the item's own date line),
    /// with a section's label or a place over it on the same line ("Društvo" over "26. 05.
    /// 2022. 17:37", "Amman" over "16 August 2021").
    private static func paragraph(_ lines: [String]) -> String {
        // Whether each line at the top dates the item (else it is a label): each line is
        // searched for dates once.
        var datesTheItem: [Bool] = []
        for line in lines {
            if NewsReference.isPublicationLine(line) {
                datesTheItem.append(true)
            } else if NewsReference.isLabelLine(line) {
                datesTheItem.append(false)
            } else {
                break
            }
        }
        guard lines.count > 1, let lastDateLine = datesTheItem.lastIndex(of: true) else {
            return lines.joined(separator: " ")
        }
        var kept: [String] = []
        var labels: [String] = []
        for (line, dates) in zip(lines, datesTheItem[...lastDateLine]) {
            if dates {
                kept.append((labels + [line]).joined(separator: " "))
                labels = []
            } else {
                labels.append(line)
            }
        }
        let text = lines.dropFirst(lastDateLine + 1).joined(separator: " ")
        return (kept + (text.isEmpty ? [] : [text])).joined(separator: "\n")
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " ",
            !line.dropFirst(hashes).allSatisfy(\.isWhitespace)
        else { return nil }
        return hashes
    }
}
