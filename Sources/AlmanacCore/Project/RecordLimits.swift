import Foundation

/// Limits on what a record may hold so that every output can be made from it: web addresses
/// a browser and a calendar take as plain links, and years libical can write and read back.
public enum RecordLimits {
    /// The years libical reads and writes: it cannot read back a date after 3000-12-30 (an
    /// all-day event's DTEND is the day after its last), and year 0000 does not exist.
    public static let years = 1...2999

    /// Why `url` cannot be a record's web address, or nil when it can: it must parse as an
    /// absolute http or https address with a host (Foundation's `URLComponents`, RFC 3986),
    /// without spaces, quotes, control characters or a user name (`https://bank.example@evil.example`).
    public static func problem(withWebAddress url: String) -> String? {
        guard let components = URLComponents(string: url), url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F || $0.value > 0xA0 }) else {
            return "it is not a valid web address (spaces, quotes, '<', '>' and control characters must be percent-encoded)"
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return "only http:// and https:// addresses can be links"
        }
        guard let host = components.host, !host.isEmpty else { return "it names no host (https://example.org/…)" }
        if components.user != nil || components.password != nil {
            return "it holds a user name before '@', which disguises where the link goes"
        }
        return nil
    }

    /// Errors for dates of `record` outside ``years``, at the field that holds them.
    static func dateProblems(of record: EventRecord, in fields: YAMLMapping) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func check(_ date: LocalDate, _ key: String) {
            guard !years.contains(date.year) else { return }
            problems.append(.error(fields.location(of: key), "the year \(String(format: "%04d", date.year)) of '\(key)' is outside the years calendars can hold (\(years.lowerBound)–\(years.upperBound))", hint: "check the year; write it with four digits, e.g. 2024"))
        }
        if let timing = record.timing {
            check(timing.firstDay, "start")
            if timing.lastDay != timing.firstDay { check(timing.lastDay, "end") }
        }
        for exception in record.exceptions { check(exception.firstDay, "except") }
        return problems
    }
}
