import Foundation

/// A note at the foot of reports, shown always or only when the report mentions one of `when`.
public struct Footnote: Hashable, Sendable {
    public var text: String
    /// Words that call for the note ("Kosovo"); empty: always shown.
    public var when: [String]

    public init(text: String, when: [String] = []) {
        self.text = text
        self.when = when
    }

    /// Whether `report` calls for the note: it mentions one of `when` (case ignored), or `when` is empty.
    public func applies(to report: String) -> Bool {
        when.isEmpty
            || when.contains { report.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }
}
