import Foundation

/// Control characters in user text: ESC, BEL and the other C0 characters (tab and line feed
/// excepted), DEL and the C1 characters. A terminal obeys them (ESC starts a command that
/// can recolour, retitle or rewrite the screen) and RFC 5545 forbids them in a feed, so
/// `check` reports every one, and Almanac never prints or publishes them.
public enum ControlCharacters {
    /// Whether `scalar` is one of the forbidden characters. Carriage return is one: a line
    /// end in a file is read before values are, so a CR inside a value can only come from an
    /// escape (`"\r"`) or a stray byte.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    public static func contains(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isForbidden)
    }

    /// How a character is named in messages: `ESC (U+001B)`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL",
            0x9B: "CSI",
        ]
        let code = "U+" + String(format: "%04X", scalar.value)
        return names[scalar.value].map { "\($0) (\(code))" } ?? code
    }

    /// `text` with every forbidden character shown as a visible picture (`␛` for ESC,
    /// `␇` for BEL, `\u{9B}` for C1 characters), for a terminal.
    public static func visible(_ text: String) -> String {
        guard contains(text) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if !isForbidden(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 {
                result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            } else if scalar.value == 0x7F {
                result += "\u{2421}"
            } else {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// `text` without the forbidden characters; CRLF and lone CR line breaks become LF.
    public static func removed(from text: String) -> String {
        guard contains(text) else { return text }
        return String(String.UnicodeScalarView(lineFeedsOnly(text).unicodeScalars.filter { !isForbidden($0) }))
    }

    /// `text` with CRLF and lone CR line breaks as LF (a line break inside a quoted
    /// spreadsheet cell may be either).
    public static func lineFeedsOnly(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            scalars.append(scalar == "\r" ? "\n" : scalar)
        }
        return String(scalars)
    }

    /// The line and column (1-based, counted in characters as editors do; CRLF is one line
    /// end) and the character of each forbidden character in raw file text, line ends
    /// excepted. At most `limit` are listed; `count` is how many there are.
    package static func scan(_ text: String, limit: Int = 20) -> (
        found: [(line: Int, column: Int, scalar: Unicode.Scalar)], count: Int
    ) {
        // Most text has none: a pass over its bytes tells, without decoding a scalar.
        guard mayContainForbidden(text) else { return ([], 0) }
        var found: [(Int, Int, Unicode.Scalar)] = []
        var count = 0
        var line = 1
        var column = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\n" || scalar == "\r" {
                if scalar == "\r" && pending == "\n" { pending = scalars.next() }
                line += 1
                column = 1
                continue
            }
            if isForbidden(scalar) {
                count += 1
                if found.count < limit { found.append((line, column, scalar)) }
            }
            column += 1
        }
        return (found, count)
    }

    /// False only when no byte of `text` can start a forbidden character.
    private static func mayContainForbidden(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayContainForbidden)
    }

    /// False only when no byte can start a forbidden character: no C0 control but tab and
    /// line ends, no DEL, no C1 control (U+0080–U+009F, `C2 80`–`C2 9F` in UTF-8). Eight bytes
    /// of printable ASCII (the usual text) are passed at once.
    package static func mayContainForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var index = 0
        while index < bytes.count {
            if let word = word(of: bytes, at: index), isPrintableASCII(word) {
                previous = 0
                index += 8
                continue
            }
            let byte = bytes[index]
            if isForbiddenASCII(byte) || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return true }
            previous = byte
            index += 1
        }
        return false
    }

    /// Whether `bytes` are UTF-8 text that ``scan(_:limit:)`` finds nothing in and that holds
    /// no NUL (a forbidden character too): what a block of a big log usually is. One pass:
    /// printable ASCII eight bytes at a time, other ASCII bytes one by one, and each run of
    /// bytes beyond ASCII on its own (an ASCII byte never continues a character, so the runs
    /// are valid exactly when the whole is).
    package static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if let word = word(of: bytes, at: index) {
                let marks = nonPrintableASCII(word)
                if marks == 0 {
                    index += 8
                    continue
                }
                // Straight to the first byte that is not printable ASCII (a line end, a
                // character beyond ASCII): the bytes before it need no look of their own.
                index += marks.trailingZeroBitCount / 8
            }
            guard bytes[index] >= 0x80 else {
                if isForbiddenASCII(bytes[index]) { return false }
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
            guard isPlainRun(UnsafeBufferPointer(rebasing: bytes[index..<end])) else { return false }
            index = end
        }
        return true
    }

    /// Whether a run of bytes beyond ASCII is valid UTF-8 holding no C1 character (`C2 80`–
    /// `C2 9F`). Two-byte characters (C2–DF and a continuation byte: é, ș, Ž) are read as they
    /// stand; a run with any other lead byte is validated by the standard library.
    private static func isPlainRun(_ run: UnsafeBufferPointer<UInt8>) -> Bool {
        // In valid UTF-8, C2 only ever leads a character: C2 and 80–9F is a C1 character.
        let isC1 = { (position: Int) in run[position] == 0xC2 && run[position + 1] < 0xA0 }
        var position = 0
        while position + 1 < run.count, (0xC2...0xDF).contains(run[position]), run[position + 1] < 0xC0 {
            if isC1(position) { return false }
            position += 2
        }
        guard position < run.count else { return true }
        guard String(validating: run, as: UTF8.self) != nil else { return false }
        return !(position..<run.count - 1).contains(where: isC1)
    }

    /// Whether an ASCII byte is a forbidden character: a C0 control but tab and line ends, or DEL.
    private static func isForbiddenASCII(_ byte: UInt8) -> Bool {
        byte < 0x20 ? byte != 0x09 && byte != 0x0A && byte != 0x0D : byte == 0x7F
    }

    /// Whether the eight bytes of `word` are all printable ASCII (space to `~`): no high bit,
    /// none below space, none DEL.
    private static func isPrintableASCII(_ word: UInt64) -> Bool { nonPrintableASCII(word) == 0 }

    /// The high bits of the bytes of `word` that are not printable ASCII: exact up to the
    /// first such byte (a borrow may mark bytes above it, never below), none when all are.
    private static func nonPrintableASCII(_ word: UInt64) -> UInt64 {
        let belowSpace = (word &- ones &* 0x20) & ~word & highs
        let del = ((word ^ (ones &* 0x7F)) &- ones) & ~(word ^ (ones &* 0x7F)) & highs
        return (word & highs) | belowSpace | del
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `index` as one number (the first in the lowest byte), when there
    /// are eight.
    private static func word(of bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
        guard index + 8 <= bytes.count, let base = bytes.baseAddress else { return nil }
        return UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    /// Errors for the forbidden characters in the raw text of `file`: one per character
    /// for the first few, then one that counts the rest.
    public static func diagnostics(in text: String, file: String, severity: Diagnostic.Severity = .error)
        -> [Diagnostic]
    {
        let (found, count) = scan(text, limit: 5)
        var diagnostics = found.map { item in
            Diagnostic(
                severity, SourceLocation(file: file, line: item.line, column: item.column),
                "the control character \(name(item.scalar)) is not allowed in text", hint: hint)
        }
        if count > found.count, let last = found.last {
            diagnostics.append(
                Diagnostic(
                    severity, SourceLocation(file: file, line: last.line, column: last.column + 1),
                    "\(count - found.count) more control characters follow in this file"))
        }
        return diagnostics
    }

    package static let hint = """
        control characters (ESC, BEL, …) would act on the terminal of whoever reads the text, \
        and calendar files may not hold them; delete them (tab and line breaks are fine)
        """
}
