import AlmanacModel

/// One field of a record, declared once in ``RecordSchema``: its YAML key (also the name a
/// spreadsheet column is mapped to with `--map`), the shape of its value, the option of
/// `almanac new` that sets it, and the help text of that option.
public struct RecordField: Hashable, Sendable, CustomStringConvertible {
    /// The shape of a field's value.
    public enum Shape: Sendable {
        /// One line of text: an id, a date, a name, a choice.
        case text
        /// Prose, written as a YAML block when it has several lines.
        case prose
        /// One value or a list of values.
        case list
        /// One line, or a map of named parts (``RecordSchema/locationParts``).
        case parts
        /// A list of numbers (`geo: [latitude, longitude]`).
        case numbers
    }

    /// An option of `almanac new`.
    public struct Option: Sendable {
        /// The long name without dashes (`start`, `partner`).
        public let name: String
        /// What the help calls its value (`when`).
        public let valueName: String
    }

    /// The YAML key, `--map`'s field name and the name in diagnostics (`start`, `source-note`).
    public let key: String
    public let shape: Shape
    /// What the field holds, for `almanac new --help` and the README.
    public let help: String
    /// How `almanac new` sets it; nil when only a file can (`repeat`, `geo`…).
    public let option: Option?
    /// The field's place in ``RecordSchema/fields`` followed by ``RecordSchema/locationParts``:
    /// a draft keeps its values in an array by it, not in a dictionary by key.
    let slot: Int

    init(_ key: String, _ shape: Shape, slot: Int, option: Option? = nil, help: String) {
        self.key = key
        self.shape = shape
        self.slot = slot
        self.help = help
        self.option = option
    }

    /// How diagnostics about a value given on the command line name it: `--start`, or
    /// "the title" for the argument.
    public var optionLabel: String {
        option.map { "--" + $0.name } ?? "the \(key)"
    }

    public var description: String { key }

    public static func == (lhs: RecordField, rhs: RecordField) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// Every field a record can have, in the order record files are written (README, "A record").
/// Derived from it: the keys a record file may hold, the layout of the files Almanac writes
/// (``RecordFile``), the options of `almanac new`, the fields `import csv --map` can fill
/// (with the header synonyms of `csv-columns.tsv`), the columns of `export csv` and the
/// example record of `almanac init`.
public enum RecordSchema {
    private static func option(_ name: String, _ valueName: String) -> RecordField.Option {
        RecordField.Option(name: name, valueName: valueName)
    }

    public static let id = RecordField(
        "id", .text, slot: 0, help: "A stable id: the calendar UID and the file name (letters, digits, '-', '_', '.').")
    public static let title = RecordField("title", .text, slot: 1, help: "What it is called, as calendars show it.")
    public static let start = RecordField(
        "start", .text, slot: 2, option: option("start", "when"),
        help: "The day (2024-03-05) or the local start time (2024-03-05T10:00).")
    public static let end = RecordField(
        "end", .text, slot: 3, option: option("end", "when"),
        help: "The last day, the end time on the same day (16:00), or an end date-time.")
    public static let timezone = RecordField(
        "timezone", .text, slot: 4, option: option("timezone", "zone"),
        help: "The IANA time zone of the times (default: the city's, else almanac.yml's).")
    public static let location = RecordField(
        "location", .parts, slot: 5, help: "Where: one line of text, or `venue`, `city` and `country`.")
    public static let geo = RecordField("geo", .numbers, slot: 6, help: "The map position: [latitude, longitude].")
    public static let category = RecordField(
        "category", .text, slot: 7, option: option("category", "category"), help: "One of almanac.yml's categories.")
    public static let tags = RecordField(
        "tags", .list, slot: 8, option: option("tag", "tag"), help: "A tag; repeat for several.")
    public static let organisations = RecordField(
        "organisations", .list, slot: 9, option: option("partner", "name"),
        help: "A partner organisation; repeat for several.")
    public static let participants = RecordField(
        "participants", .list, slot: 10, option: option("participants", "count"), help: "How many took part.")
    public static let role = RecordField(
        "role", .text, slot: 11, option: option("role", "role"), help: "The organisation's part.")
    public static let format = RecordField(
        "format", .text, slot: 12, option: option("format", "format"), help: "How people take part.")
    public static let status = RecordField(
        "status", .text, slot: 13, option: option("status", "status"),
        help: "confirmed (default), tentative, cancelled or draft; a draft needs no --start.")
    public static let visibility = RecordField(
        "visibility", .text, slot: 14, option: option("internal", ""),
        help: "Keep it out of every feed (visibility: internal).")
    public static let url = RecordField(
        "url", .text, slot: 15, option: option("url", "url"), help: "A web page about it.")
    public static let summary = RecordField(
        "summary", .prose, slot: 16, option: option("summary", "text"), help: "The description calendar apps show.")
    public static let source = RecordField("source", .prose, slot: 17, help: "Where the record's facts come from.")
    public static let sourceNote = RecordField(
        "source-note", .text, slot: 18, help: "What an importer assumed rather than read, for review.")
    public static let recurrence = RecordField(
        "repeat", .text, slot: 19, help: "An RFC 5545 RRULE such as FREQ=WEEKLY;COUNT=6.")
    public static let exceptions = RecordField(
        "except", .list, slot: 20, help: "Start dates left out of a repeating series.")

    /// The parts of a `location` map.
    public static let venue = RecordField(
        "venue", .text, slot: 21, option: option("venue", "text"), help: "The building or room.")
    public static let city = RecordField(
        "city", .text, slot: 22, option: option("city", "name"),
        help: "The city; a known city also gives the country, time zone and map position.")
    public static let country = RecordField(
        "country", .text, slot: 23, option: option("country", "name"),
        help: "The country (default: the city's, when Almanac knows the city).")

    /// Every field, in writing order.
    public static let fields: [RecordField] = [
        id, title, start, end, timezone, location, geo, category, tags, organisations, participants, role, format,
        status, visibility, url, summary, source, sourceNote, recurrence, exceptions,
    ]
    public static let locationParts: [RecordField] = [venue, city, country]

    /// How many slots a draft has: one per field and location part.
    static let slotCount = fields.count + locationParts.count

    /// The keys a record file may hold, in writing order.
    public static let keys: [String] = fields.map(\.key)

    /// The field with YAML key `key`.
    public static func field(_ key: String) -> RecordField? { byKey[key] }

    private static let byKey: [String: RecordField] = Dictionary(
        uniqueKeysWithValues: (fields + locationParts).map { ($0.key, $0) })
}
