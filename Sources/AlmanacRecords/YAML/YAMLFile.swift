import AlmanacModel
import Foundation
internal import Yams

/// A YAML file read for its values and for where each value sits, so that every problem can
/// be reported as `file:line:col`.
struct YAMLFile {
    let path: String
    let root: Node?
    /// The YAML text, when the file was read from text (for checks of what YAML drops, such
    /// as comments).
    var text: String? = nil

    /// Reads and parses `path`. Unreadable files, invalid UTF-8 and YAML syntax errors become
    /// diagnostics, never crashes.
    static func load(_ path: String, diagnostics: inout [Diagnostic]) -> YAMLFile? {
        text(at: path, diagnostics: &diagnostics).flatMap { parse($0, path: path, diagnostics: &diagnostics) }
    }

    /// The text of the file at `path` (opened in `folder` when given: see
    /// ``RegularFile/contents(of:in:limit:)``); nil with a diagnostic when it cannot be read,
    /// is too large or is not UTF-8.
    static func text(at path: String, in folder: Int32? = nil, diagnostics: inout [Diagnostic]) -> String? {
        let data: Data
        switch RegularFile.contents(of: path, in: folder, limit: ImportInput.maximumBytes) {
        case .bytes(let bytes): data = bytes
        case .tooLarge:
            diagnostics.append(
                .error(
                    SourceLocation(file: path),
                    "the file is larger than \(ImportInput.maximumBytes >> 20) MB, far more than one activity needs",
                    hint: """
                        check that it is the right file; keep long texts (a \
                        report, minutes) elsewhere and link them with `url:`
                        """
                ))
            return nil
        case .unreadable:
            diagnostics.append(
                .error(
                    SourceLocation(file: path), "cannot read this file",
                    hint: "check that it exists and that you may read it"))
            return nil
        }
        return TextDecoding.utf8(data, file: path, diagnostics: &diagnostics)
    }

    /// Parses YAML text that is not (yet) in a file; `path` names it in diagnostics.
    /// Control characters, typed into the file or written as escapes (`"\e"`), are errors at
    /// the place they stand, and the file is not used.
    static func parse(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> YAMLFile? {
        let raw = ControlCharacters.diagnostics(in: text, file: path)
        guard raw.isEmpty else {
            diagnostics += raw
            return nil
        }
        do {
            // Values are read as text and checked by the decoders, so no tag resolution (Yams runs a
            // regular expression per scalar for it, the main cost of loading a record). The
            // encoding is given: Yams's default reads the whole process environment at every parse.
            // The constructor is shared: `Constructor.default` builds three tables per call.
            let parser = try Parser(yaml: text, resolver: .basic, constructor: constructor, encoding: .utf8)
            let file = YAMLFile(path: path, root: try parser.singleRoot(), text: text)
            if let root = file.root, mayHoldMoreValues(than: maximumValues, text: text),
                !holdsAtMost(maximumValues, root)
            {
                // An alias (`*a`) stands for the whole value of its anchor (`&a`): nine lists
                // of nine aliases, nested nine deep, are a few hundred bytes and 387 million
                // values, which every later step would walk through for hours.
                diagnostics.append(
                    .error(
                        SourceLocation(file: path),
                        """
                        the file holds more than \(maximumValues) values once its aliases (*name) stand for \
                        what they name
                        """,
                        hint:
                            """
                            write the values out: a record or almanac.yml has no need of YAML anchors (&name) \
                            and aliases
                            """
                    ))
                return nil
            }
            // The raw text has none (checked above); a value can only hold one through an escape
            // of a double-quoted string ("\e", "\x1B", "\u001B"), so text without a backslash
            // needs no look at its values.
            let escaped = contains(UInt8(ascii: "\\"), in: text) ? ControlCharacters.diagnostics(in: file) : []
            diagnostics += escaped
            return escaped.isEmpty ? file : nil
        } catch let error as YamlError {
            diagnostics.append(tabIndentation(in: text, file: path, before: error) ?? syntaxError(error, file: path))
        } catch {
            diagnostics.append(.error(SourceLocation(file: path), "cannot read YAML: \(error)"))
        }
        return nil
    }

    /// Yams's constructor of typed values, which nothing here asks for: one for every parse.
    /// It holds only constant tables, so threads may share it.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// The most values (scalars, lists and mappings) a YAML file may hold with its aliases
    /// expanded: far more than any record or almanac.yml, far fewer than an alias bomb.
    static let maximumValues = 1_000_000

    /// False when `text` cannot hold more than `limit` values, so that no count is needed: it
    /// has no alias (`*name`, so no `*` at all), and too few bytes. Without aliases every value
    /// comes from a token of at least one byte, or is the empty key or value of a mapping
    /// entry, which has a token of its own (`?`, `:`, `,` or a key): no more than three values
    /// (a one-entry mapping in a list, its key and its value) per byte, one for an empty file.
    private static func mayHoldMoreValues(than limit: Int, text: String) -> Bool {
        contains(UInt8(ascii: "*"), in: text) || text.utf8.count >= limit / 4
    }

    /// Whether the UTF-8 of `text` holds `byte`; a scan of its bytes, not of its characters.
    private static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(byte) }
    }

    /// Whether `root` holds at most `limit` values, counting what aliases stand for; stops
    /// counting at the limit.
    private static func holdsAtMost(_ limit: Int, _ root: Node) -> Bool {
        var count = 0
        var pending = [root]
        while let node = pending.popLast() {
            count += 1
            if count > limit { return false }
            switch node {
            case .mapping(let mapping):
                // One by one: `pending += [key, value]` built an array per pair.
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
        }
        return true
    }

    /// The first line indented with a tab, up to the line where YAML stopped: libyaml's
    /// own words for it ("found character that cannot start any token") do not say that.
    private static func tabIndentation(in text: String, file: String, before error: YamlError) -> Diagnostic? {
        let lastLine: Int
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): lastLine = mark.line
        default: return nil
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lastLine).enumerated()
        {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            guard let tab = indentation.firstIndex(of: "\t"), indentation.count < line.count else { continue }
            return .error(
                SourceLocation(file: file, line: index + 1, column: line.distance(from: line.startIndex, to: tab) + 1),
                "tabs are not allowed for indentation in YAML",
                hint: "indent with spaces (two per level); most editors can turn tabs into spaces"
            )
        }
        return nil
    }

    private static func syntaxError(_ error: YamlError, file: String) -> Diagnostic {
        let hint = "YAML wants `key: value` lines; quote text that contains ': ' or starts with a special character"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text): " } ?? ""
            return .error(
                SourceLocation(file: file, line: mark.line, column: mark.column),
                "YAML syntax error: \(prefix)\(problem)", hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                "\(keys) appears more than once", hint: "keep one of them")
        case .reader(let problem, _, _, _):
            return .error(
                SourceLocation(file: file), "unreadable text: \(problem)", hint: "save the file as UTF-8 text")
        default:
            return .error(SourceLocation(file: file), "cannot read YAML: \(error)")
        }
    }

    func location(of node: Node) -> SourceLocation {
        return SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// The line of each key of the top-level mapping (line → key), from the parsed document.
    var topLevelKeyLines: [Int: String] {
        var lines: [Int: String] = [:]
        for (key, _) in root?.mapping ?? [:] {
            if let name = key.scalar?.string { lines[location(of: key).line] = name }
        }
        return lines
    }
}

/// Decoding of bytes users hand us.
package enum TextDecoding {
    /// The text of UTF-8 `data`, without a BOM; nil with a diagnostic at the first bad byte.
    package static func utf8(_ data: Data, file: String, diagnostics: inout [Diagnostic]) -> String? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = bytes.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
        if let text { return text }
        let (line, column) = firstInvalidByte(in: bytes)
        diagnostics.append(
            .error(
                SourceLocation(file: file, line: line, column: column), "this file is not UTF-8 text",
                hint: "save it as UTF-8 (in most editors: Save As… › Encoding › UTF-8)"))
        return nil
    }

    private static func firstInvalidByte(in bytes: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let width = sequenceWidth(bytes, at: index)
            guard width > 0 else { break }
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += width
        }
        return (line, column)
    }

    /// The width of the valid UTF-8 sequence at `index`, or 0 when it is invalid.
    private static func sequenceWidth(_ bytes: Data, at index: Data.Index) -> Int {
        let lead = bytes[index]
        let width: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: width = 2
        case 0xE0...0xEF: width = 3
        case 0xF0...0xF4: width = 4
        default: return 0
        }
        guard bytes.endIndex - index >= width else { return 0 }
        let slice = bytes[index..<(index + width)]
        return String(validating: slice, as: UTF8.self) == nil ? 0 : width
    }
}

/// The keys of one YAML mapping, checked against the keys allowed there.
struct YAMLMapping {
    let file: YAMLFile
    let node: Node
    /// The value of each allowed key.
    private(set) var entries: [String: Node] = [:]
    /// Where each allowed key stands (line, column); apart from the values, so that finding
    /// it copies no node.
    private var keyPositions: [String: (line: Int, column: Int)] = [:]

    /// Reads `node` as a mapping; unknown keys get "did you mean" diagnostics. `noun` names
    /// what a key is here ("field", "setting").
    init?(
        _ node: Node, in file: YAMLFile, allowed: [String], noun: String, what: String, diagnostics: inout [Diagnostic]
    ) {
        self.file = file
        self.node = node
        guard let mapping = node.mapping else {
            diagnostics.append(.error(file.location(of: node), "\(what) must be a set of `key: value` lines"))
            return nil
        }
        entries.reserveCapacity(mapping.count)
        keyPositions.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            guard allowed.contains(key) else {
                var message = "'\(key)' is not a \(noun)"
                if let guess = Spelling.suggestion(for: key, among: allowed) { message += "; did you mean '\(guess)'?" }
                diagnostics.append(
                    .error(
                        file.location(of: keyNode), message,
                        hint: "the \(noun)s are: \(allowed.joined(separator: ", "))"))
                continue
            }
            entries[key] = value
            let mark = keyNode.mark
            keyPositions[key] = (mark?.line ?? 1, mark?.column ?? 1)
        }
    }

    /// The value of `key`; an explicit null (`key:` with nothing after it) counts as absent.
    subscript(key: String) -> Node? {
        guard let value = entries[key] else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain else { return value }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return nil
        default: return value
        }
    }

    func location(of key: String) -> SourceLocation {
        keyPositions[key].map { SourceLocation(file: file.path, line: $0.line, column: $0.column) }
            ?? file.location(of: node)
    }

    /// A text value; other shapes are reported.
    func text(_ key: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let value = self[key] else { return nil }
        guard let scalar = value.scalar else {
            diagnostics.append(.error(file.location(of: value), "'\(key)' must be a single value, not a list or a map"))
            return nil
        }
        return scalar.string
    }

    /// One value or a list of values.
    func list(_ key: String, diagnostics: inout [Diagnostic]) -> [String] {
        guard let value = self[key] else { return [] }
        if let scalar = value.scalar { return [scalar.string] }
        guard let sequence = value.sequence else {
            diagnostics.append(.error(file.location(of: value), "'\(key)' must be a value or a list of values"))
            return []
        }
        var result: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                diagnostics.append(.error(file.location(of: item), "each item of '\(key)' must be a single value"))
                continue
            }
            result.append(scalar.string)
        }
        return result
    }
}
