import AlmanacModel
import AlmanacRecords
import Foundation

/// `almanac export csv` over a project's records read as a stream (``RecordStream``), so that
/// a log of a million activities is exported holding one batch of records: each row's text
/// goes to a scratch file as its record is read, and only its place in date order (day, start
/// time, title, id) and where its text is stay in memory. The text written is the one
/// ``CalendarExport/table(of:)`` makes of the same records, byte for byte.
public final class SpooledExport {
    public let export: CalendarExport
    public let delimiter: Character
    public let byteOrderMark: Bool
    /// The rows' text, each by its place in the table.
    private let rows: SortedSpool<RowPlace>
    /// Where a row stands: an occurrence's in date order (``Occurrence/chronologically``),
    /// then the rows of records without a date (the whole log only), in file order.
    private struct RowPlace: Comparable {
        var firstDay: LocalDate?
        var startMinute = 0
        var title = ""
        var id = ""
        /// The undated rows' order.
        var undated = 0

        static func < (lhs: RowPlace, rhs: RowPlace) -> Bool {
            switch (lhs.firstDay, rhs.firstDay) {
            case (let left?, let right?):
                return (left, lhs.startMinute, lhs.title, lhs.id) < (right, rhs.startMinute, rhs.title, rhs.id)
            case (nil, nil): return lhs.undated < rhs.undated
            default: return lhs.firstDay != nil
            }
        }
    }
    private var undatedCount = 0
    /// For the whole log: its repeating series, expanded once the log's span is known
    /// (``finish()``), and the span's first day and last day so far (``Agenda/span(of:)``).
    private var series: [EventRecord] = []
    private var logFirst: LocalDate?
    private var logLast: LocalDate?
    private var finished = false
    /// The files of series cut at the occurrence limit before the period's end, in file order
    /// (``Agenda/cutSeries``).
    public private(set) var cutSeries: [String] = []

    /// An export of `export`'s period (its `records` are not used), with a scratch file in
    /// the first of `scratchFolders` that takes one, for the rows of `target` (named in errors).
    public init(
        _ export: CalendarExport, delimiter: Character, byteOrderMark: Bool, scratchFolders: [String],
        target: String
    ) throws(FileWriteError) {
        self.export = export
        self.delimiter = delimiter
        self.byteOrderMark = byteOrderMark
        var rows: SortedSpool<RowPlace>?
        var failure = FileWriteError(path: target, reason: "there is no folder for a scratch file")
        for folder in scratchFolders where rows == nil {
            do throws(FileWriteError) { rows = try SortedSpool(in: folder, for: target) } catch { failure = error }
        }
        guard let rows else { throw failure }
        self.rows = rows
    }

    /// How many rows the CSV text has, header aside; final after ``finish()``.
    public var rowCount: Int { rows.count }

    /// Takes in the next records of the project, in file order.
    public func add(_ records: [EventRecord]) throws(FileWriteError) {
        precondition(!finished, "records added to a finished export")
        // By index: iterating would copy every record, a retain per field.
        for index in records.indices where export.exports(records[index]) {
            let record = records[index]
            guard let timing = record.timing else {
                if export.period == nil {
                    undatedCount += 1
                    try spool(record, nil, at: RowPlace(undated: undatedCount))
                }
                continue
            }
            guard let period = export.period else {
                // The whole log: a single activity lies inside the log's span, whatever it is;
                // a series waits until the span is known.
                logFirst = min(logFirst ?? timing.firstDay, timing.firstDay)
                let last = record.finalDay ?? timing.lastDay
                logLast = max(logLast ?? last, last)
                if record.repeatRule == nil {
                    try add(Occurrence(record: record, timing: timing))
                } else {
                    series.append(record)
                }
                continue
            }
            try expand(record, over: period)
        }
    }

    /// Expands the series of the whole log over its span; after this no records can be added.
    public func finish() throws(FileWriteError) {
        guard !finished else { return }
        finished = true
        if let logFirst, let logLast {
            let span = ReportPeriod(rangeFrom: logFirst, to: max(logFirst, logLast))
            for record in series { try expand(record, over: span) }
        }
        series = []
    }

    /// The CSV text, handed to `write` a megabyte at a time.
    public func write(_ write: ([UInt8]) throws(FileWriteError) -> Void) throws(FileWriteError) {
        try finish()
        try write(
            Array(CSVTable.start(header: export.header, delimiter: delimiter, byteOrderMark: byteOrderMark).utf8))
        // Every row has its own day, start, title and id (ids are unique, and one series has
        // one occurrence a start), so the order is the one ``Agenda`` sorts occurrences in.
        try rows.copy(rows.order(), to: write)
    }

    private func expand(_ record: EventRecord, over period: ReportPeriod) throws(FileWriteError) {
        let expansion = record.expansion(touching: period)
        for occurrence in expansion.occurrences { try add(occurrence) }
        if expansion.isCut { cutSeries.append(record.origin.file) }
    }

    private func add(_ occurrence: Occurrence) throws(FileWriteError) {
        let place = RowPlace(
            firstDay: occurrence.firstDay, startMinute: occurrence.startMinute, title: occurrence.record.title,
            id: occurrence.record.id)
        try spool(occurrence.record, occurrence.timing, at: place)
    }

    /// Spools the row of `record` at `timing`, to stand at `place`.
    private func spool(_ record: EventRecord, _ timing: EventTiming?, at place: RowPlace) throws(FileWriteError) {
        try rows.append(place, Array(CSVTable.line(export.row(record, timing), delimiter: delimiter).utf8))
    }
}
