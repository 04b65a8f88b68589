import AlmanacModel

/// A source of records that `almanac import` reads: a spreadsheet (``CSVRecords``), a
/// calendar (``ICSImporter``) or activity news (``NewsImporter``). Each turns its input into
/// records and diagnostics that name the place in the input (a row and column, an event's
/// line, a news item's line); the records are then written by ``RecordWriter``.
public protocol Importer: Sendable {
    /// What one item of the input is called in the summary: "row", "event", "item".
    static var itemNoun: String { get }

    /// The records of `text`, read from `file` (named in diagnostics).
    func records(from text: String, file: String) -> ImportResult
}

extension CSVRecords: Importer {
    public static var itemNoun: String { "row" }
}
