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
    /// The rows' text, each by its day and start time (``Occurrence/dayAndStart``); the rows of
    /// records without a date (the whole log only) last, in file order.
    private let rows: SortedSpool<Int>
    /// The title and id of each row, in the order spooled: rows of the same day and start
    /// time are put in their order (``Occurrence/chronologically``) once all are spooled,
    /// so that the spool sorts plain numbers.
    private var ties: [(place: Int, title: String, id: String)] = []
    /// The bytes of the row being spooled, kept to be written over.
    private var line: [UInt8] = []
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
        var rows: SortedSpool<Int>?
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
                if export.period == nil { try spool(record, nil, at: Self.undated, title: "", id: "") }
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
            // The series by libical on all cores, a few at a time (a series may have a hundred
            // thousand occurrences), each spooled in file order.
            for start in stride(from: 0, to: series.count, by: 16) {
                let batch = Array(series[start..<min(start + 16, series.count)])
                let expansions = batch.parallelMap { $0.expansion(touching: span) }
                for (record, expansion) in zip(batch, expansions) { try spool(expansion, of: record) }
            }
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
        // The spool's order is by day and start (rows of equal places in the order spooled):
        // each run of rows of one day and start is then put in order by title and id.
        var order = try rows.order()
        var start = 0
        while start < order.count {
            let place = ties[order[start]].place
            var end = start + 1
            while end < order.count, ties[order[end]].place == place { end += 1 }
            if end - start > 1 && place != Self.undated {
                order[start..<end].sort { (ties[$0].title, ties[$0].id, $0) < (ties[$1].title, ties[$1].id, $1) }
            }
            start = end
        }
        try rows.copy(order, to: write)
    }

    /// Where the rows without a date stand: after every dated one.
    private static let undated = Int.max

    private func expand(_ record: EventRecord, over period: ReportPeriod) throws(FileWriteError) {
        try spool(record.expansion(touching: period), of: record)
    }

    private func spool(_ expansion: (occurrences: [Occurrence], isCut: Bool), of record: EventRecord)
        throws(FileWriteError)
    {
        for occurrence in expansion.occurrences { try add(occurrence) }
        if expansion.isCut { cutSeries.append(record.origin.file) }
    }

    private func add(_ occurrence: Occurrence) throws(FileWriteError) {
        try spool(
            occurrence.record, occurrence.timing, at: occurrence.dayAndStart,
            title: occurrence.record.title, id: occurrence.record.id)
    }

    /// Spools the row of `record` at `timing`, to stand at `place`, then by `title` and `id`.
    private func spool(_ record: EventRecord, _ timing: EventTiming?, at place: Int, title: String, id: String)
        throws(FileWriteError)
    {
        ties.append((place, title, id))
        line.removeAll(keepingCapacity: true)
        CSVTable.appendLine(export.row(record, timing), delimiter: delimiter, to: &line)
        try rows.append(place, line)
    }
}
