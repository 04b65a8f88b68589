import AlmanacModel

/// Where a value of a record came from, so that a problem with it is reported there: a place
/// in a file, a spreadsheet cell, or a command-line option.
public enum ValueOrigin: Hashable, Sendable {
    /// `file:line:col` of a record file (a YAML key or value, an .ics event, a news item).
    case file(SourceLocation)
    /// A spreadsheet cell: `location` is the line its row starts on, `row` the row number as
    /// spreadsheets count (the header is row 1), `column` the header as written; a nil
    /// column stands for the row as a whole.
    case cell(SourceLocation, row: Int, column: String?)
    /// A value of `almanac new`: `label` is the option (`--start`) or "the title"; `file`
    /// the record file it is meant for.
    case option(String, file: String)

    /// The place diagnostics point at.
    public var location: SourceLocation {
        switch self {
        case .file(let location), .cell(let location, _, _): return location
        case .option(_, let file): return SourceLocation(file: file)
        }
    }

    /// What comes before a problem's message: `row 4, column "Start": `, `--start: `, or
    /// nothing for a file (its line and column say it).
    var prefix: String {
        switch self {
        case .file: return ""
        case .cell(_, let row, nil): return "row \(row): "
        case .cell(_, let row, let column?): return "row \(row), column \"\(column)\": "
        case .option(let label, _): return "\(label): "
        }
    }

    public func error(_ message: String, hint: String? = nil) -> Diagnostic {
        .error(location, prefix + message, hint: hint)
    }

    public func warning(_ message: String, hint: String? = nil) -> Diagnostic {
        .warning(location, prefix + message, hint: hint)
    }
}

/// One value of a draft: text, a list, or named parts (a `location` map), with where the
/// field is named (`origin`: a YAML key, a cell, an option) and where the value itself stands
/// (`valueOrigin`: a YAML value node; the same elsewhere).
public struct DraftValue: Sendable {
    public enum Content: Sendable {
        case text(String)
        case list([String])
        /// A date, or a date and time of day, that the source read already (a spreadsheet's
        /// date cells): the checker takes it as it is, rather than read it again from text.
        case date(DraftDate)
        /// Boxed: the parts are larger than the other cases, and most values are not a map.
        indirect case parts(LocationParts)
    }

    public var content: Content
    public var origin: ValueOrigin {
        get { storedOrigin }
        set {
            // The value keeps standing where the field was first named.
            if extras?.valueOrigin == nil { extras = Extras(valueOrigin: storedOrigin, label: label) }
            storedOrigin = newValue
        }
    }
    public var valueOrigin: ValueOrigin {
        get { extras?.valueOrigin ?? origin }
        set { extras = Extras(valueOrigin: newValue, label: label) }
    }
    /// How the source names the field, for messages about an imported item ("the URL of
    /// 'Board meeting' is left out"): an .ics property such as `URL`; nil for the YAML key.
    public var label: String? {
        get { extras?.label }
        set { extras = Extras(valueOrigin: extras?.valueOrigin, label: newValue) }
    }
    /// Stored apart from ``origin``, whose setter keeps the old one: a property observer there
    /// made every value be copied once made (and the original destroyed), a few hundred
    /// instructions per value of a big log's row.
    private var storedOrigin: ValueOrigin
    /// nil for a value that stands where its field is named and has no label (a cell, an
    /// option): such a value is small enough to be moved into a draft. With the second origin
    /// and the label stored inline it was copied there and the original destroyed (some 350
    /// instructions per value of a big log's row).
    private var extras: Extras?

    /// What a value of a YAML file or an imported item has besides its content and origin:
    /// where the value itself stands, and its label. Never changed once made (a setter makes
    /// a new one), so values share it as they share strings.
    private final class Extras: Sendable {
        let valueOrigin: ValueOrigin?
        let label: String?

        init(valueOrigin: ValueOrigin?, label: String?) {
            self.valueOrigin = valueOrigin
            self.label = label
        }
    }

    @inline(__always)
    public init(_ content: Content, origin: ValueOrigin, valueOrigin: ValueOrigin? = nil, label: String? = nil) {
        self.content = content
        self.storedOrigin = origin
        if valueOrigin != nil || label != nil { extras = Extras(valueOrigin: valueOrigin, label: label) }
    }

    /// A value that stands where its field is named (no second origin) and has no label, as a
    /// draft stores it (a label given here made the value be copied into the draft again).
    @inline(__always)
    init(stored content: __owned Content, origin: __owned ValueOrigin) {
        self.content = content
        self.storedOrigin = origin
    }

    public static func text(_ text: String, at origin: ValueOrigin, label: String? = nil) -> DraftValue {
        DraftValue(.text(text), origin: origin, label: label)
    }

    /// The text of a text value, or of a date as a record writes it.
    public var text: String? { content.text }
}

extension DraftValue.Content {
    /// The text of a text value, or of a date as a record writes it; nil for a list or map.
    var text: String? {
        switch self {
        case .text(let text): return text
        case .date(let date): return date.description
        case .list, .parts: return nil
        }
    }
}

/// A `start` or `end` as read: a whole day, or a day and a time of day.
public enum DraftDate: Hashable, Sendable, CustomStringConvertible {
    case day(LocalDate)
    case dateTime(LocalDateTime)

    /// `2023-09-05` or `2023-09-05T10:00`; nil for anything else.
    public init?(iso text: String) {
        if let day = LocalDate(iso: text) {
            self = .day(day)
        } else if let time = LocalDateTime(iso: text) {
            self = .dateTime(time)
        } else {
            return nil
        }
    }

    /// The day (of a date and time, its date).
    public var day: LocalDate {
        switch self {
        case .day(let day): return day
        case .dateTime(let time): return time.date
        }
    }

    /// As a record writes it: `2023-09-05`, `2023-09-05T10:00`.
    public var description: String {
        switch self {
        case .day(let day): return day.description
        case .dateTime(let time): return time.description
        }
    }
}

/// The parts of a `location` map (``RecordSchema/locationParts``), each text with where it
/// stands: a slot per part, not a dictionary by key (a row of a big log makes one).
public struct LocationParts: Sendable {
    /// One part's text and where it stands (a YAML key, a cell, an option).
    public struct Part: Sendable {
        public var text: String
        public var origin: ValueOrigin

        public init(_ text: String, at origin: ValueOrigin) {
            self.text = text
            self.origin = origin
        }
    }

    public var venue: Part?
    public var city: Part?
    public var country: Part?

    public init(venue: Part? = nil, city: Part? = nil, country: Part? = nil) {
        self.venue = venue
        self.city = city
        self.country = country
    }

    /// The part `field` (one of ``RecordSchema/locationParts``); nil for any other field.
    public subscript(field: RecordField) -> Part? {
        get {
            switch field.slot {
            case RecordSchema.venue.slot: return venue
            case RecordSchema.city.slot: return city
            case RecordSchema.country.slot: return country
            default: return nil
            }
        }
        set {
            switch field.slot {
            case RecordSchema.venue.slot: venue = newValue
            case RecordSchema.city.slot: city = newValue
            case RecordSchema.country.slot: country = newValue
            default: preconditionFailure("'\(field.key)' is no part of a location")
            }
        }
    }

    /// Whether no part is given.
    public var isEmpty: Bool { venue == nil && city == nil && country == nil }

    /// The first part given, in the order venue, city, country.
    public var first: Part? { venue ?? city ?? country }
}

/// A record as a source gives it, before any rule is applied: the values by field, each with
/// its origin. Every source makes one (a YAML file, a spreadsheet row, the options of
/// `almanac new`), and ``RecordChecker`` turns it into an ``EventRecord`` and diagnostics.
public struct RecordDraft: Sendable {
    /// How strictly the checker treats a draft.
    public enum Policy: Sendable {
        /// A record file, a spreadsheet row, the options of `almanac new`: every problem is
        /// the record's, and an error leaves it out.
        case record
        /// An item an importer read from text written for people or by another program (a
        /// news item, a calendar event). Import is lenient about optional values: a bad
        /// `url`, `geo` or `repeat` is left out with a warning naming the item, and the
        /// record is kept. The country and map position are not filled in from the city, so
        /// that the written file holds what the source gave (they are derived again whenever
        /// the file is read), and a draft without a date is not warned about (the importer
        /// says why it has none, and its summary counts the drafts).
        case importedItem
    }

    /// The record as a whole: where problems go that no value of it holds ("no 'title'").
    public var origin: ValueOrigin
    /// The file the record belongs to (the record's ``EventRecord/origin``).
    public var path: String
    /// The id when the draft gives none (derived from the file path or the row).
    public var fallbackID: String
    public var policy: Policy
    /// The values in the order set, and where each field's is among them (-1: not set), by
    /// ``RecordField/slot``: a row of a big log makes one draft, and a small array cost less
    /// than a dictionary by key (hashing, growing) or a slot per field (each one destroyed).
    private var entries: [DraftValue] = []
    private var positions = FieldPositions()

    /// The values by key.
    public var values: [String: DraftValue] {
        var values: [String: DraftValue] = [:]
        for field in RecordSchema.fields + RecordSchema.locationParts {
            if let value = self[field] { values[field.key] = value }
        }
        return values
    }

    public init(origin: ValueOrigin, path: String, fallbackID: String, policy: Policy = .record) {
        self.origin = origin
        self.path = path
        self.fallbackID = fallbackID
        self.policy = policy
        entries.reserveCapacity(16)
    }

    public subscript(field: RecordField) -> DraftValue? {
        get {
            let position = positions[field.slot]
            return position < 0 ? nil : entries[position]
        }
        set {
            let position = positions[field.slot]
            if let newValue {
                store(newValue, in: field)
            } else if position >= 0 {
                entries.remove(at: position)
                positions[field.slot] = -1
                positions.remove(position)
            }
        }
    }

    /// Sets `field` to `value`, moved into the draft.
    @inline(__always)
    private mutating func store(_ value: __owned DraftValue, in field: RecordField) {
        let position = positions[field.slot]
        if position < 0 {
            positions[field.slot] = entries.count
            entries.append(value)
        } else {
            entries[position] = value
        }
    }

    /// Sets `field` to a value made of `content`, `origin` and `label`, made where it is
    /// stored: a value made first and then stored was copied into the array and the original
    /// destroyed (some 300 instructions per value of a big log's row), and parameters that are
    /// not `__owned` are copied into the value too (a retain of each string, later released).
    @inline(__always)
    private mutating func store(
        _ content: __owned DraftValue.Content, origin: __owned ValueOrigin, label: __owned String?,
        in field: RecordField
    ) {
        var position = positions[field.slot]
        if position < 0 {
            position = entries.count
            positions[field.slot] = position
            entries.append(DraftValue(stored: content, origin: origin))
        } else {
            entries[position] = DraftValue(stored: content, origin: origin)
        }
        if let label { entries[position].label = label }
    }

    /// Sets `field` to `text` from `origin`; nil leaves it unset.
    public mutating func set(
        _ field: RecordField, _ text: __owned String?, at origin: __owned ValueOrigin, label: __owned String? = nil
    ) {
        if let text { store(.text(text), origin: origin, label: label, in: field) }
    }

    /// Sets `field` to a date read already; nil leaves it unset.
    public mutating func set(_ field: RecordField, date: DraftDate?, at origin: __owned ValueOrigin) {
        if let date { store(.date(date), origin: origin, label: nil, in: field) }
    }

    /// Sets `field` to a list; an empty list leaves it unset.
    public mutating func set(
        _ field: RecordField, list items: __owned [String], at origin: __owned ValueOrigin, label: __owned String? = nil
    ) {
        if !items.isEmpty { store(.list(items), origin: origin, label: label, in: field) }
    }

    /// Sets `field` to `content` (an empty list too) from `origin`.
    public mutating func set(
        _ field: RecordField, _ content: __owned DraftValue.Content, at origin: __owned ValueOrigin
    ) {
        store(content, origin: origin, label: nil, in: field)
    }

    /// Whether `field` has a value.
    func has(_ field: RecordField) -> Bool { positions[field.slot] >= 0 }

    /// The text of `field` (of a date, as a record writes it), nil when it has none or is a
    /// list or map (read in place: no copy of the value and its origins).
    func text(of field: RecordField) -> String? {
        let position = positions[field.slot]
        return position < 0 ? nil : entries[position].content.text
    }

    /// The content of `field`'s value (without copying its origins).
    func content(of field: RecordField) -> DraftValue.Content? {
        let position = positions[field.slot]
        return position < 0 ? nil : entries[position].content
    }

    /// The text of each part of `field`'s value when it is a map (a `location`), read in
    /// place: the parts are not copied out of their box with their origins.
    func partTexts(of field: RecordField) -> (venue: String?, city: String?, country: String?)? {
        let position = positions[field.slot]
        guard position >= 0, case .parts(let parts) = entries[position].content else { return nil }
        return (parts.venue?.text, parts.city?.text, parts.country?.text)
    }

    /// Where problems with `field` go: where it is named, else the record as a whole.
    func origin(of field: RecordField) -> ValueOrigin {
        let position = positions[field.slot]
        return position < 0 ? origin : entries[position].origin
    }
}
