/// Ink's HTML of the blocks a report is mostly made of — a list of one-line items (the
/// highlights) and a table (the activities) — written without Ink when their text is plain.
///
/// Ink reads text one `Character` at a time, with set look-ups and index moves for each: about
/// 4,000 instructions a byte. A list or table whose text holds only characters that Ink shows
/// as they are, `**bold**` and `[links](address)`, gets from Ink exactly the HTML written
/// here; any other block (any other character Ink may treat specially: `*`, `_`, `~`, `` ` ``,
/// `\`, `&` but before a space, `<`, `>`, `[`, `]`, `!` before `[`, a tab, two spaces, other
/// white space) is nil, and left to Ink. The rules below follow Ink 0.6's `List`, `Table`,
/// `Link`, `TextStyleMarker` and `FormattedText`; `MarkdownHTMLTests` hold them to Ink's output.
///
/// The block is read as UTF-8 bytes: ``PlainBytes`` first makes sure that each ASCII byte is
/// a character of its own and that no other character is white space or equal to an ASCII one.
enum PlainMarkdown {
    /// The HTML of `block` (lines without blank ones, a block of a text that
    /// ``MarkdownHTML/blockStarts(of:)`` cut): a list whose every line is `- ` and an item, or
    /// a table whose every line starts and ends with `|`; nil for anything else.
    static func html(_ block: Substring) -> String? {
        var block = block
        return block.withUTF8 { bytes in
            guard PlainBytes.areCharacters(bytes) else { return nil }
            var lines = bytes.split(separator: newline, omittingEmptySubsequences: false)
            while lines.last?.isEmpty == true { lines.removeLast() }
            var html: [UInt8] = []
            html.reserveCapacity(bytes.count * 3 / 2)
            switch lines.first?.first {
            case UInt8(ascii: "-"): guard list(lines, into: &html) else { return nil }
            case UInt8(ascii: "|"): guard table(lines, into: &html) else { return nil }
            default: return nil
            }
            return String(decoding: html, as: UTF8.self)
        }
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>
    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    /// `<ul><li>…</li>…</ul>`: each line a `-`, spaces and the item's text.
    private static func list(_ lines: [Bytes], into html: inout [UInt8]) -> Bool {
        html += "<ul>".utf8
        for line in lines {
            guard line.first == UInt8(ascii: "-"), line.dropFirst().first == space else { return false }
            let text = line.dropFirst().drop { $0 == space }
            guard !text.isEmpty else { return false }
            html += "<li>".utf8
            guard inline(text, into: &html) else { return false }
            html += "</li>".utf8
        }
        html += "</ul>".utf8
        return true
    }

    /// `<table>`: rows of cells between `|`; the first row is the header when the second has
    /// as many cells, each only `-` and `:`, which set the columns' alignment.
    private static func table(_ lines: [Bytes], into html: inout [UInt8]) -> Bool {
        var rows: [[[UInt8]]] = []
        var separators: [[UInt8]] = []
        rows.reserveCapacity(lines.count)
        for (number, line) in lines.enumerated() {
            guard line.count >= 2, line.first == UInt8(ascii: "|"), line.last == UInt8(ascii: "|") else { return false }
            var row: [[UInt8]] = []
            for cell in line.dropFirst().dropLast().split(
                separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
            {
                // Ink tells a separator row by its cells' plain text: the second row has no markup.
                if number == 1 && cell.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "[") }) {
                    return false
                }
                var text: [UInt8] = []
                guard inline(trimmingSpaces(cell), into: &text) else { return false }
                row.append(text)
            }
            if number == 1 { separators = row }
            rows.append(row)
        }
        let columnCount = rows.map(\.count).max() ?? 0
        var alignments: [String] = []
        var header: [[UInt8]]?
        if rows.count > 1, rows[0].count == rows[1].count,
            separators.allSatisfy({ $0.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") } })
        {
            alignments = separators.map(alignment)
            header = rows[0]
            rows.removeFirst(2)
        }
        func append(_ cells: [[UInt8]], element: String) {
            html += "<tr>".utf8
            for index in 0..<columnCount {
                html += "<\(element)\(index < alignments.count ? alignments[index] : "")>".utf8
                if index < cells.count { html += cells[index] }
                html += "</\(element)>".utf8
            }
            html += "</tr>".utf8
        }
        html += "<table>".utf8
        if let header {
            html += "<thead>".utf8
            append(header, element: "th")
            html += "</thead>".utf8
        }
        if !rows.isEmpty {
            html += "<tbody>".utf8
            for cells in rows { append(cells, element: "td") }
            html += "</tbody>".utf8
        }
        html += "</table>".utf8
        return true
    }

    /// The `align` attribute of a column whose separator cell is `text` (`:--`, `:-:`, `--:`).
    private static func alignment(_ text: [UInt8]) -> String {
        switch (text.first == UInt8(ascii: ":"), text.last == UInt8(ascii: ":")) {
        case (true, true): #" align="center""#
        case (true, false): #" align="left""#
        case (false, true): #" align="right""#
        case (false, false): ""
        }
    }

    private static func trimmingSpaces(_ text: Bytes) -> Bytes {
        let start = text.firstIndex { $0 != space } ?? text.endIndex
        let end = text[start...].lastIndex { $0 != space }.map { $0 + 1 } ?? start
        return text[start..<end]
    }

    /// Appends `text` (no space at either end) as Ink writes it: runs of plain characters,
    /// `**bold**` and `[text](address)`; false when anything else is in it.
    private static func inline(_ text: Bytes, into html: inout [UInt8]) -> Bool {
        guard text.first != space, text.last != space else { return false }
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case UInt8(ascii: "*"):
                // `**text**`
                let start = index + 2
                guard start < text.endIndex, text[index + 1] == UInt8(ascii: "*"),
                    let end = text[start...].firstIndex(where: isSpecial), end + 1 < text.endIndex,
                    text[end] == UInt8(ascii: "*"), text[end + 1] == UInt8(ascii: "*")
                else { return false }
                html += "<strong>".utf8
                guard plainRun(text[start..<end], betweenMarkers: true, into: &html) else { return false }
                html += "</strong>".utf8
                index = end + 2
            case UInt8(ascii: "["):
                // `[text](address)`
                let start = index + 1
                guard let close = text[start...].firstIndex(where: isSpecial), text[close] == UInt8(ascii: "]"),
                    close + 2 < text.endIndex, text[close + 1] == UInt8(ascii: "("),
                    let end = text[(close + 2)...].firstIndex(where: { !isAddressByte($0) }),
                    text[end] == UInt8(ascii: ")"), end > close + 2
                else { return false }
                html += "<a href=\"".utf8
                html += text[(close + 2)..<end]
                html += "\">".utf8
                guard plainRun(text[start..<close], betweenMarkers: true, into: &html) else { return false }
                html += "</a>".utf8
                index = end + 1
            default:
                let end =
                    text[index...].firstIndex { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "[") } ?? text.endIndex
                guard plainRun(text[index..<end], betweenMarkers: false, into: &html) else { return false }
                index = end
            }
        }
        return true
    }

    /// Appends `run` as Ink writes it, when it shows each character as it is (an `&` before a
    /// space as `&amp;`): no white space but single spaces, nothing special (`!` is, before a
    /// link or markers, and anywhere between markers); false otherwise. Between markers (bold,
    /// a link's text) the run is not empty and has no space at either end.
    private static func plainRun(_ run: Bytes, betweenMarkers: Bool, into html: inout [UInt8]) -> Bool {
        if betweenMarkers {
            guard let first = run.first, let last = run.last, first != space, last != space else { return false }
        }
        var copied = run.startIndex
        for index in run.indices {
            let byte = run[index]
            guard byte < 0x80, byte != space else {
                // Checked by `PlainBytes`: a character of its own, not white space.
                if byte == space && index + 1 < run.endIndex && run[index + 1] == space { return false }
                continue
            }
            let next = index + 1 < run.endIndex ? run[index + 1] : nil
            switch byte {
            case UInt8(ascii: "&"):
                guard next == space else { return false }
                html += run[copied..<index]
                html += "&amp;".utf8
                copied = index + 1
            case UInt8(ascii: "!"):
                guard !betweenMarkers, next != nil else { return false }
            default:
                if byte < 0x20 || byte == 0x7F || isSpecial(byte) { return false }
            }
        }
        html += run[copied...]
        return true
    }

    /// Bytes Ink may read as more than themselves: style markers, code, links and pictures,
    /// HTML, escapes, character references, table cells.
    private static func isSpecial(_ byte: UInt8) -> Bool { byte < 0x80 && specialASCII[Int(byte)] }

    private static let specialASCII: [Bool] = (0..<128).map { "*_~`[]<>&\\|!".utf8.contains(UInt8($0)) }

    /// A byte of a link's address that Ink reads as part of it (up to the `)`), and that
    /// nothing needs escaping for: printable ASCII but the space, quotes, `\`, `<`, `>`, `(`.
    private static func isAddressByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && !"\"'\\<>()".utf8.contains(byte)
    }
}

/// Whether a text's UTF-8 bytes may be read byte by byte as Ink reads its characters.
enum PlainBytes {
    /// True when each ASCII byte of `bytes` is a character of its own (no accent joins it,
    /// no prepended mark joins it to what follows), no carriage return is in it, and no other
    /// character is white space or a line break, or equal to an ASCII character (U+037E is
    /// `;`, U+1FEF a backquote, U+212A `K` to Swift).
    static func areCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var previous: Unicode.Scalar?
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == UInt8(ascii: "\r") { return false }
                let scalar = Unicode.Scalar(byte)
                if let previous, !previous.isASCII, !areSeparate(previous, scalar) { return false }
                previous = scalar
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count,
                let scalar = UTF8.decode(bytes[index..<index + length])
            else { return false }
            if isWhitespace(scalar) || scalar.value == 0x037E || scalar.value == 0x1FEF || scalar.value == 0x212A {
                return false
            }
            if let previous, previous.isASCII, !areSeparate(previous, scalar) { return false }
            previous = scalar
            index += length
        }
        return true
    }

    /// Whether `first` and `second` are two characters, when one of them is ASCII: then no
    /// character before them matters.
    static func areSeparate(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        var pair = String.UnicodeScalarView()
        pair.append(first)
        pair.append(second)
        return String(pair).count == 2
    }

    /// Unicode's White_Space outside ASCII (line breaks among them).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension UTF8 {
    /// The scalar that `bytes` (one scalar's bytes) encode, if they are valid UTF-8.
    fileprivate static func decode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return scalar
    }
}
