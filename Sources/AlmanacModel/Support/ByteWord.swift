/// Eight bytes of text read as one number, so that a run of ordinary bytes is passed over
/// eight at a time: a block's check for control characters, a CSV cell up to its next quote,
/// delimiter or line break.
package enum ByteWord {
    /// 0x01 in each byte.
    package static var ones: UInt64 { 0x0101_0101_0101_0101 }
    /// 0x80 in each byte.
    package static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes from `index` as one number (the first in the lowest byte), when there
    /// are eight.
    package static func at(_ index: Int, of bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard index + 8 <= bytes.count, let base = bytes.baseAddress else { return nil }
        return UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    /// Whether one of the eight bytes of `word` is `byte`: a byte of `word ^ byte…` is zero
    /// exactly where they are equal, and subtracting one from each byte sets the high bit of
    /// the first zero one (a byte that had it set already is masked out).
    package static func contains(_ byte: UInt8, in word: UInt64) -> Bool {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs != 0
    }

    /// The index of the first byte from `start` on that is one of `stops` (the end when there
    /// is none), passing over eight bytes at a time while none of them is: a CSV cell up to
    /// its next quote, delimiter or line break. A byte may be given twice.
    package static func firstIndex(
        of stops: (UInt8, UInt8, UInt8, UInt8), in bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int {
        var index = start
        while let word = at(index, of: bytes), !contains(stops.0, in: word), !contains(stops.1, in: word),
            !contains(stops.2, in: word), !contains(stops.3, in: word)
        {
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == stops.0 || byte == stops.1 || byte == stops.2 || byte == stops.3 { return index }
            index += 1
        }
        return index
    }
}
