import Foundation
internal import ICal

/// The time Almanac works with: `SOURCE_DATE_EPOCH` when set (reproducible builds), else now.
public struct Clock: Sendable {
    /// Seconds since 1970-01-01 UTC.
    public let now: Int64

    public init(now: Int64) { self.now = now }

    /// Reads `SOURCE_DATE_EPOCH`; an unusable value is an error rather than silently ignored.
    /// Reads the one variable: `ProcessInfo`'s environment would copy all of them.
    public static func fromEnvironment() throws(ClockError) -> Clock {
        try from(epoch: environmentVariable("SOURCE_DATE_EPOCH"))
    }

    /// Reads `SOURCE_DATE_EPOCH` of `environment`, as ``fromEnvironment()`` reads the process's.
    public static func fromEnvironment(_ environment: [String: String]) throws(ClockError) -> Clock {
        try from(epoch: environment["SOURCE_DATE_EPOCH"])
    }

    private static func from(epoch text: String?) throws(ClockError) -> Clock {
        guard let text else {
            return Clock(now: Int64(Date().timeIntervalSince1970))
        }
        // Trimmed only when it does not read as it is (a number has no spaces to trim):
        // `trimmingCharacters` goes through NSString and costs runtime look-ups at start-up.
        guard let seconds = Int64(text) ?? Int64(text.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
            throw ClockError(value: text)
        }
        return Clock(now: seconds)
    }

    /// Today's date in UTC.
    public var todayUTC: LocalDate { LocalDate(dayNumber: Int(now.floorDivided(by: 86_400))) }

    /// Today's date in the IANA zone `zone` (UTC when the zone is unknown).
    public func today(in zone: String) -> LocalDate {
        guard let local = ICalTimezones.convert(ICalTime(unixTime: now), from: "UTC", to: zone) else { return todayUTC }
        return LocalDate(year: local.year, month: local.month, day: local.day) ?? todayUTC
    }
}

/// `SOURCE_DATE_EPOCH` is set to something that is not a time.
public struct ClockError: AlmanacError {
    public let value: String

    public var kind: ErrorKind { .usage }
    public var origin: ErrorOrigin? { .environment("SOURCE_DATE_EPOCH") }
    public var message: String { "'\(value)' is not a number of seconds since 1970" }
    public var hint: String? { "unset it, or set it to a number such as 1700000000" }
}

extension BinaryInteger {
    /// Division that rounds towards minus infinity: -1 / 7 is -1, not 0.
    func floorDivided(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The remainder that goes with ``floorDivided(by:)``: never negative for a positive divisor.
    func floorModulo(_ divisor: Self) -> Self { self - floorDivided(by: divisor) * divisor }
}

/// A 64-bit FNV-1a digest: a stable fingerprint of text across runs and machines (Swift's
/// `Hasher` is seeded per process). Text given in pieces (``add(_:)``) has the digest of the
/// pieces joined, without joining them.
package struct Fingerprint {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package static func of(_ text: String) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(text)
        return fingerprint.hex
    }

    /// Takes in the UTF-8 bytes of `text`.
    package mutating func add(_ text: String) {
        var text = text
        hash = text.withUTF8 { bytes in
            var hash = self.hash
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
    }

    /// The digest as 16 hexadecimal digits.
    package var hex: String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: hash >> UInt64(60 - 4 * index)) & 0xF
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }
}
