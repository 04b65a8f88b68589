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
    /// Where the rows' text waits for its turn.
    private let scratch: ScratchFile
    /// A row of an occurrence: its place in date order and its text in the scratch file.
    private struct Row {
        var firstDay: LocalDate
        var startMinute: Int
        var title: String
        var id: String
        var offset: Int
        var length: Int

        /// ``Occurrence/chronologically``, for rows.
        static func chronologically(_ lhs: Row, _ rhs: Row) -> Bool {
            (lhs.firstDay, lhs.startMinute, lhs.title, lhs.id) < (rhs.firstDay, rhs.startMinute, rhs.title, rhs.id)
        }
    }
    private var rows: [Row] = []
    /// Rows' text not yet in the scratch file (one write per megabyte, not one per row).
    private var pending: [UInt8] = []
    /// The rows of records without a date, in file order (for the whole log only).
    private var undated: [(offset: Int, length: Int)] = []
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
        var scratch: ScratchFile?
        var failure = FileWriteError(path: target, reason: "there is no folder for a scratch file")
        for folder in scratchFolders where scratch == nil {
            do throws(FileWriteError) { scratch = try ScratchFile(in: folder, for: target) } catch { failure = error }
        }
        guard let scratch else { throw failure }
        self.scratch = scratch
    }

    /// How many rows the CSV text has, header aside; final after ``finish()``.
    public var rowCount: Int { rows.count + undated.count }

    /// Takes in the next records of the project, in file order.
    public func add(_ records: [EventRecord]) throws(FileWriteError) {
        precondition(!finished, "records added to a finished export")
        // By index: iterating would copy every record, a retain per field.
        for index in records.indices where export.exports(records[index]) {
            let record = records[index]
            guard let timing = record.timing else {
                if export.period == nil { undated.append(try spool(record, nil)) }
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

    /// Expands the series of the whole log over its span, then sorts the rows; after this no
    /// records can be added.
    public func finish() throws(FileWriteError) {
        guard !finished else { return }
        finished = true
        if let logFirst, let logLast {
            let span = ReportPeriod(rangeFrom: logFirst, to: max(logFirst, logLast))
            for record in series { try expand(record, over: span) }
        }
        series = []
        // Every row has its own day, start, title and id (ids are unique, and one series has
        // one occurrence a start), so the order is the one ``Agenda`` sorts occurrences in.
        rows.sort(by: Row.chronologically)
        try flush()
    }

    /// The CSV text, handed to `write` a megabyte at a time.
    public func write(_ write: ([UInt8]) throws(FileWriteError) -> Void) throws(FileWriteError) {
        try finish()
        try write(
            Array(CSVTable.start(header: export.header, delimiter: delimiter, byteOrderMark: byteOrderMark).utf8))
        let ranges = rows.map { (offset: $0.offset, length: $0.length) } + undated
        // Rows that follow each other in the scratch file are read at once (up to a megabyte);
        // what is read is handed on a megabyte at a time.
        let pieceSize = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2 * pieceSize)
        var run = (offset: 0, length: 0)
        for range in ranges {
            if range.offset == run.offset + run.length, run.length < pieceSize {
                run.length += range.length
                continue
            }
            try scratch.read(from: run.offset, count: run.length, appendingTo: &buffer)
            run = range
            if buffer.count >= pieceSize {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try scratch.read(from: run.offset, count: run.length, appendingTo: &buffer)
        try write(buffer)
    }

    private func expand(_ record: EventRecord, over period: ReportPeriod) throws(FileWriteError) {
        let expansion = record.expansion(touching: period)
        for occurrence in expansion.occurrences { try add(occurrence) }
        if expansion.isCut { cutSeries.append(record.origin.file) }
    }

    private func add(_ occurrence: Occurrence) throws(FileWriteError) {
        let (offset, length) = try spool(occurrence.record, occurrence.timing)
        rows.append(
            Row(
                firstDay: occurrence.firstDay, startMinute: occurrence.startMinute, title: occurrence.record.title,
                id: occurrence.record.id, offset: offset, length: length))
    }

    /// Writes the row of `record` at `timing` to the scratch file: where it is.
    private func spool(_ record: EventRecord, _ timing: EventTiming?) throws(FileWriteError) -> (
        offset: Int, length: Int
    ) {
        let line = CSVTable.line(export.row(record, timing), delimiter: delimiter)
        let offset = scratch.size + pending.count
        pending += line.utf8
        if pending.count >= 1 << 20 { try flush() }
        return (offset, line.utf8.count)
    }

    private func flush() throws(FileWriteError) {
        guard !pending.isEmpty else { return }
        try scratch.append(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
