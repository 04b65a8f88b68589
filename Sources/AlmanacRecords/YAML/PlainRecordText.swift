import AlmanacModel

/// A record file in the plain layout that Almanac and most people write, read straight into
/// a ``RecordDraft`` without a YAML parser: a project of 10^5 record files spent three
/// quarters of its reading in Yams (libyaml's events, a `Node` tree, its duplicate-key check)
/// for files of a dozen `key: value` lines.
///
/// Only what is certain is read here; anything else gives nil and the file goes through
/// ``YAMLFile`` and ``YAMLRecordSource``, which also report every problem. What is read:
/// top-level `key: value` lines with keys of ``RecordSchema``, each key once; values that are
/// plain scalars on one line, single-quoted scalars on one line, flow lists of such items
/// (`[RCC, 'DCAF']`), literal blocks (`|` and lines indented below it) and a `location` map
/// of `venue`, `city` and `country` indented below its key; empty lines between. Comments,
/// tabs, CR, other quoting, block lists, folded or chomped blocks, multi-line scalars, nulls,
/// documents markers, anchors and tags, characters YAML or Almanac refuse, and a `#` on the
/// title's line are all left to YAML. The draft is the one ``YAMLRecordSource`` makes of the
/// same text: the same values, origins and order (a test compares the two).
enum PlainRecordText {
    /// The draft of `text`, or nil when it is not in the plain layout. `fallbackID` is called
    /// only when the record has no `id` (the checker uses it only then).
    static func draft(of text: String, path: String, fallbackID: () -> String) -> RecordDraft? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, path: path)
            return reader.draft(fallbackID: fallbackID)
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let path: String
        /// The next byte to read, and its line (from 1); `lineStart` is the first byte of that line.
        var index = 0
        var line = 1
        var lineStart = 0

        init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
            self.bytes = bytes
            self.path = path
        }

        static let newline = UInt8(ascii: "\n")
        static let space = UInt8(ascii: " ")
        static let quote = UInt8(ascii: "'")

        func location(_ line: Int, _ column: Int) -> ValueOrigin {
            .file(SourceLocation(file: path, line: line, column: column))
        }

        mutating func draft(fallbackID: () -> String) -> RecordDraft? {
            guard Self.hasOnlyPlainCharacters(bytes) else { return nil }
            // Made at the first key, where the record's mapping starts; filled in the file's
            // order (a draft's order of setting is not seen: it reads by field).
            var draft: RecordDraft?
            var titleLine = 0
            while index < bytes.count {
                if bytes[index] == Self.newline {
                    nextLine()
                    continue
                }
                guard let (slot, keyLine) = key(indentation: 0, in: Self.topLevelKeys) else { return nil }
                let field = RecordSchema.fields[slot]
                if draft == nil {
                    draft = RecordDraft(origin: location(keyLine, 1), path: path, fallbackID: "")
                } else if draft!.has(field) {
                    return nil
                }
                if slot == RecordSchema.title.slot { titleLine = keyLine }
                let keyOrigin = location(keyLine, 1)
                if atLineEnd {
                    // Only `location` takes a map below its key.
                    guard field.shape == .parts, let parts = locationParts() else { return nil }
                    draft![field] = DraftValue(.parts(parts.values), origin: keyOrigin, valueOrigin: parts.origin)
                    continue
                }
                guard let (content, valueOrigin) = value(of: field) else { return nil }
                draft![field] = DraftValue(content, origin: keyOrigin, valueOrigin: valueOrigin)
            }
            // The title's line with a `#` may hold a comment that cut it short: YAML's reading warns.
            guard var draft, titleLine == 0 || !lineHasHash(titleLine) else { return nil }
            if !draft.has(RecordSchema.id) { draft.fallbackID = fallbackID() }
            return draft
        }

        // MARK: Lines and keys

        var atLineEnd: Bool { index == bytes.count || bytes[index] == Self.newline }

        /// Past the line feed at `index`.
        mutating func nextLine() {
            index += 1
            line += 1
            lineStart = index
        }

        /// Ends a value: the line must end here (trailing spaces are left to YAML).
        mutating func endOfValue() -> Bool {
            guard atLineEnd else { return false }
            if index < bytes.count { nextLine() }
            return true
        }

        /// `key:` at the start of a line after `indentation` spaces, a key of `keys` (their
        /// slots by key); then at the line's end or after `: `. The key's slot and line.
        mutating func key(indentation: Int, in keys: [PackedKey: Int]) -> (Int, Int)? {
            for _ in 0..<indentation {
                guard index < bytes.count, bytes[index] == Self.space else { return nil }
                index += 1
            }
            var packed = PackedKey()
            while index < bytes.count, Self.isKeyByte(bytes[index]) {
                guard packed.append(bytes[index]) else { return nil }
                index += 1
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":"), let slot = keys[packed] else { return nil }
            index += 1
            if !atLineEnd {
                // One space, then the value.
                guard bytes[index] == Self.space, index + 1 < bytes.count, bytes[index + 1] != Self.space,
                    bytes[index + 1] != Self.newline
                else { return nil }
                index += 1
            }
            return (slot, line)
        }

        static func isKeyByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "-")
        }

        /// A key of at most 16 bytes, in two words: found without making a string.
        struct PackedKey: Hashable {
            var low: UInt64 = 0
            var high: UInt64 = 0
            var count = 0

            init() {}

            init?(_ key: String) {
                for byte in key.utf8 { guard append(byte) else { return nil } }
            }

            mutating func append(_ byte: UInt8) -> Bool {
                switch count {
                case 0..<8: low |= UInt64(byte) << (8 * count)
                case 8..<16: high |= UInt64(byte) << (8 * (count - 8))
                default: return false
                }
                count += 1
                return true
            }
        }

        /// The slots of the fields by key (every key fits in a ``PackedKey``).
        static let topLevelKeys = Dictionary(
            uniqueKeysWithValues: RecordSchema.fields.map { (PackedKey($0.key)!, $0.slot) })
        static let partKeys = Dictionary(
            uniqueKeysWithValues: RecordSchema.locationParts.map { (PackedKey($0.key)!, $0.slot) })

        func lineHasHash(_ number: Int) -> Bool {
            var current = 1
            for byte in bytes {
                if byte == Self.newline {
                    current += 1
                    if current > number { return false }
                } else if byte == UInt8(ascii: "#"), current == number {
                    return true
                }
            }
            return false
        }

        // MARK: Values

        /// The value after `key: `, through its line's end (a block: through its last line).
        mutating func value(of field: RecordField) -> (DraftValue.Content, ValueOrigin)? {
            let origin = location(line, index - lineStart + 1)
            switch bytes[index] {
            case UInt8(ascii: "["):
                guard field.shape == .list || field.shape == .numbers, let items = flowList(), endOfValue() else {
                    return nil
                }
                return (.list(items), origin)
            case UInt8(ascii: "|"):
                guard let text = literalBlock() else { return nil }
                return (.text(text), origin)
            default:
                guard let text = scalar(inFlow: false), endOfValue() else { return nil }
                return (.text(text), origin)
            }
        }

        /// A single-quoted or plain scalar on this line; in a flow list, a plain one stops
        /// before `,` and `]`.
        mutating func scalar(inFlow: Bool) -> String? {
            if bytes[index] == Self.quote { return singleQuoted() }
            guard Self.canStartPlain(bytes, at: index) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.newline { break }
                if inFlow {
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") { break }
                    switch byte {
                    case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ":"), UInt8(ascii: "#"):
                        return nil
                    default: break
                    }
                } else if byte == UInt8(ascii: ":") {
                    // `: ` or `:` at the line's end would start a map.
                    if index + 1 == bytes.count || bytes[index + 1] == Self.space || bytes[index + 1] == Self.newline {
                        return nil
                    }
                }
                // ` #` starts a comment.
                if byte == UInt8(ascii: "#"), bytes[index - 1] == Self.space { return nil }
                index += 1
            }
            // Trailing spaces are dropped by YAML: left to it.
            guard bytes[index - 1] != Self.space else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            // What YAML reads as nothing (`~` cannot start a plain scalar here).
            switch text {
            case "null", "Null", "NULL": return nil
            default: return text
            }
        }

        /// The first character of a plain scalar: a letter, a digit, any character beyond
        /// ASCII, a few signs that are no YAML indicator, or `-` before a digit.
        static func canStartPlain(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...0xFF, UInt8(ascii: "("), UInt8(ascii: "."),
                UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "$"):
                return true
            case UInt8(ascii: "-"):
                return index + 1 < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1])
            default:
                return false
            }
        }

        /// `'text'` on one line, `''` standing for a quote.
        mutating func singleQuoted() -> String? {
            index += 1
            // Usually without a doubled quote: the text is the bytes up to the closing one.
            if let end = bytes[index...].firstIndex(where: { $0 == Self.quote || $0 == Self.newline }),
                bytes[end] == Self.quote, end + 1 == bytes.count || bytes[end + 1] != Self.quote
            {
                defer { index = end + 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
            }
            var text: [UInt8] = []
            var start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.newline { return nil }
                if byte == Self.quote {
                    text += UnsafeBufferPointer(rebasing: bytes[start..<index])
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        text.append(Self.quote)
                        index += 2
                        start = index
                        continue
                    }
                    index += 1
                    return String(decoding: text, as: UTF8.self)
                }
                index += 1
            }
            return nil
        }

        /// `[a, b]` on one line: plain or single-quoted items, each followed by `,` (and
        /// spaces) or by the closing `]`.
        mutating func flowList() -> [String]? {
            index += 1
            var items: [String] = []
            while index < bytes.count, bytes[index] == Self.space { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return items
            }
            while true {
                guard !atLineEnd, let item = scalar(inFlow: true), index < bytes.count else { return nil }
                items.append(item)
                switch bytes[index] {
                case UInt8(ascii: "]"):
                    index += 1
                    return items
                case UInt8(ascii: ","):
                    index += 1
                    while index < bytes.count, bytes[index] == Self.space { index += 1 }
                default:
                    return nil
                }
            }
        }

        /// `|` at the end of its line, then lines indented by the first one's spaces (more
        /// spaces stay in the text) and empty lines, up to a line that starts at the margin:
        /// the lines joined, with one line feed at the end.
        mutating func literalBlock() -> String? {
            index += 1
            guard index < bytes.count, bytes[index] == Self.newline else { return nil }
            nextLine()
            var indentation = 0
            while index + indentation < bytes.count, bytes[index + indentation] == Self.space { indentation += 1 }
            // A first line that is empty or all spaces sets the indentation in ways left to YAML.
            guard indentation > 0, index + indentation < bytes.count, bytes[index + indentation] != Self.newline else {
                return nil
            }
            var text: [UInt8] = []
            var pendingBreaks = 0
            while index < bytes.count {
                if bytes[index] == Self.newline {
                    pendingBreaks += 1
                    nextLine()
                    continue
                }
                guard bytes[index] == Self.space else { break }  // the next key
                for offset in 0..<indentation {
                    // Fewer spaces, or only spaces: left to YAML.
                    guard index + offset < bytes.count, bytes[index + offset] == Self.space else { return nil }
                }
                index += indentation
                let start = index
                while index < bytes.count, bytes[index] != Self.newline { index += 1 }
                // A line of spaces, and a last line without a line feed: left to YAML.
                guard index < bytes.count,
                    UnsafeBufferPointer(rebasing: bytes[start..<index]).contains(where: { $0 != Self.space })
                else { return nil }
                text += repeatElement(Self.newline, count: pendingBreaks)
                text += UnsafeBufferPointer(rebasing: bytes[start..<index])
                pendingBreaks = 1
                nextLine()
            }
            text.append(Self.newline)
            return String(decoding: text, as: UTF8.self)
        }

        /// The `location` map: lines of `venue`, `city` and `country` indented by the first
        /// one's spaces, each once, with plain or single-quoted values.
        mutating func locationParts() -> (values: LocationParts, origin: ValueOrigin)? {
            guard index < bytes.count else { return nil }
            nextLine()
            var indentation = 0
            while index + indentation < bytes.count, bytes[index + indentation] == Self.space { indentation += 1 }
            guard indentation > 0 else { return nil }
            let origin = location(line, indentation + 1)
            var parts = LocationParts()
            while index < bytes.count {
                if bytes[index] == Self.newline {
                    nextLine()
                    continue
                }
                if bytes[index] != Self.space { break }  // the next top-level key
                guard let (slot, keyLine) = key(indentation: indentation, in: Self.partKeys),
                    let part = RecordSchema.locationParts.first(where: { $0.slot == slot }), parts[part] == nil,
                    !atLineEnd, bytes[index] != UInt8(ascii: "["), bytes[index] != UInt8(ascii: "|"),
                    let text = scalar(inFlow: false), endOfValue()
                else { return nil }
                parts[part] = LocationParts.Part(text, at: location(keyLine, indentation + 1))
            }
            return (parts, origin)
        }

        // MARK: Characters

        /// Whether `bytes` (valid UTF-8) holds only characters that YAML reads as themselves
        /// and Almanac allows: none that Almanac forbids (``ControlCharacters``), and none
        /// that YAML reads otherwise: no tab, no CR, no U+2028 or U+2029 (line breaks to YAML),
        /// no byte order mark, no U+FFFE or U+FFFF (refused by YAML).
        static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !ControlCharacters.mayContainForbidden(bytes) else { return false }
            var index = 0
            while index < bytes.count {
                // Eight bytes of printable ASCII at a time: nothing to look at.
                if index + 8 <= bytes.count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if (word | (word &- 0x2020_2020_2020_2020)) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
                switch bytes[index] {
                case 0x09, 0x0D: return false
                // The lead bytes of the three-byte characters above.
                case 0xE2, 0xEF:
                    let scalar =
                        UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                    switch scalar {
                    case 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return false
                    default: index += 3
                    }
                default: index += 1
                }
            }
            return true
        }
    }
}
