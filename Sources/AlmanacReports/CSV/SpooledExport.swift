import AlmanacModel
import AlmanacRecords
import Foundation

/// `almanac export csv` over a project's records read as a stream (``RecordStream``), so that
/// a log of a million activities is exported holding one batch of records: each row's text
/// goes to a scratch file as its record is read, and only its day and start time and where
/// its text is stay in memory. The text written is the one ``CalendarExport/table(of:)``
/// makes of the same records, byte for byte.
public final class SpooledExport {
    public let export: CalendarExport
    public let delimiter: Character
    public let byteOrderMark: Bool
    /// The rows' text, each by its day and start time (``Occurrence/dayAndStart``); the rows of
    /// records without a date (the whole log only) last, in file order. Each row's text
    /// starts with its title and id (``TieBreak``), which put rows of the same day and start
    /// time in their order (``Occurrence/chronologically``) as they are written: the spool
    /// sorts plain numbers, and no title is held in memory for every row.
    private let rows: SortedSpool<Int>
    /// How many rows without a date are spooled: each has a place of its own, after every
    /// dated row, in file order.
    private var undatedCount = 0
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
            // A tenth of what a million rows spool stays in memory (their order, not their
            // text, is what the export keeps of every row): the rest waits in the scratch file.
            do throws(FileWriteError) {
                rows = try SortedSpool(in: folder, for: target, memoryBudget: 64 << 20)
            } catch { failure = error }
        }
        guard let rows else { throw failure }
        self.rows = rows
    }

    /// How many rows the CSV text has, header aside; final after ``finish()``.
    public var rowCount: Int { rows.count }

    /// Takes in the next records of the project, in file order. Their rows' text is made on
    /// all cores, a chunk of records at a time, and spooled in order.
    public func add(_ records: [EventRecord]) throws(FileWriteError) {
        precondition(!finished, "records added to a finished export")
        let size = max(64, min(1024, records.count / 8))
        let made = stride(from: 0, to: records.count, by: size).map { $0..<min($0 + size, records.count) }
            .parallelMap { chunk in rows(of: records, chunk) }
        for chunk in made {
            var start = 0
            for (place, end) in zip(chunk.places, chunk.ends) {
                defer { start = end }
                guard let place else {
                    try rows.append(Self.undated + undatedCount, chunk.bytes[start..<end])
                    undatedCount += 1
                    continue
                }
                try rows.append(place, chunk.bytes[start..<end])
            }
            if let first = chunk.first, let last = chunk.last {
                logFirst = min(logFirst ?? first, first)
                logLast = max(logLast ?? last, last)
            }
            for index in chunk.series { series.append(records[index]) }
            cutSeries += chunk.cutSeries
        }
    }

    /// What a chunk of records adds to the export, made on any thread: the rows' spooled text,
    /// one after another, each with its place (nil: after the dated rows, in the order added);
    /// for the whole log, the span of its dated records and its series (their indices), which
    /// wait for the span; the files of series cut at the occurrence limit.
    private struct Chunk: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var places: [Int?] = []
        var first: LocalDate?
        var last: LocalDate?
        var series: [Int] = []
        var cutSeries: [String] = []

        /// Adds the row of `record` at `timing`, to stand at `place`, then by `title` and `id`.
        mutating func add(
            _ record: EventRecord, _ timing: EventTiming?, at place: Int?, title: String, id: String,
            of export: SpooledExport
        ) {
            TieBreak.appendHead(title: title, id: id, to: &bytes)
            export.export.appendLine(record, timing, delimiter: export.delimiter, to: &bytes)
            ends.append(bytes.count)
            places.append(place)
        }

        mutating func add(_ occurrence: Occurrence, of export: SpooledExport) {
            add(
                occurrence.record, occurrence.timing, at: occurrence.dayAndStart, title: occurrence.record.title,
                id: occurrence.record.id, of: export)
        }
    }

    /// The rows of `records[range]` and what else they add to the export; reads only what
    /// does not change.
    private func rows(of records: [EventRecord], _ range: Range<Int>) -> Chunk {
        var chunk = Chunk()
        // By index: iterating would copy every record, a retain per field.
        for index in range where export.exports(records[index]) {
            let record = records[index]
            guard let timing = record.timing else {
                if export.period == nil { chunk.add(record, nil, at: nil, title: "", id: "", of: self) }
                continue
            }
            guard let period = export.period else {
                // The whole log: a single activity lies inside the log's span, whatever it is;
                // a series waits until the span is known.
                chunk.first = min(chunk.first ?? timing.firstDay, timing.firstDay)
                let last = record.finalDay ?? timing.lastDay
                chunk.last = max(chunk.last ?? last, last)
                if record.repeatRule == nil {
                    chunk.add(Occurrence(record: record, timing: timing), of: self)
                } else {
                    chunk.series.append(index)
                }
                continue
            }
            let expansion = record.expansion(touching: period)
            for occurrence in expansion.occurrences { chunk.add(occurrence, of: self) }
            if expansion.isCut { chunk.cutSeries.append(record.origin.file) }
        }
        return chunk
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
        // each run of rows of one day and start is put in order by title and id as it is
        // copied.
        try rows.copy(try rows.order(), arrangingEqualKeys: TieBreak.arrange, to: write)
    }

    /// Where the rows without a date stand: after every dated one (a day and start time is
    /// below 2^40).
    private static let undated = 1 << 62

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
        line.removeAll(keepingCapacity: true)
        TieBreak.appendHead(title: title, id: id, to: &line)
        export.appendLine(record, timing, delimiter: delimiter, to: &line)
        try rows.append(place, line)
    }
}

/// The head of each spooled row of ``SpooledExport``: the row's title and id, which order the
/// rows of one day and start time, before its text.
enum TieBreak {
    /// Appends the head of a row of `title` and `id`: the length of each in UTF-8 bytes (four
    /// bytes each, least significant first), then their bytes.
    static func appendHead(title: String, id: String, to bytes: inout [UInt8]) {
        for count in [title.utf8.count, id.utf8.count] {
            precondition(count <= Int(UInt32.max), "a title or id of 4 GB")
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: count >> shift)) }
        }
        bytes += title.utf8
        bytes += id.utf8
    }

    /// Where the title, the id and the row's text lie in the spooled `piece` of `bytes`.
    private static func parts(of piece: Range<Int>, in bytes: [UInt8]) -> (
        title: Range<Int>, id: Range<Int>, row: Range<Int>
    ) {
        func count(at start: Int) -> Int {
            (0..<4).reduce(0) { $0 | Int(bytes[start + $1]) << (8 * $1) }
        }
        let titleStart = piece.lowerBound + 8
        let idStart = titleStart + count(at: piece.lowerBound)
        let rowStart = idStart + count(at: piece.lowerBound + 4)
        return (titleStart..<idStart, idStart..<rowStart, rowStart..<piece.upperBound)
    }

    /// The rows of one day and start time (spooled `pieces` of `bytes`, in the order spooled),
    /// their heads left out, appended to `output` by title, then id, then the order spooled:
    /// ``Occurrence/chronologically``'s order.
    @Sendable static func arrange(_ bytes: [UInt8], _ pieces: [Range<Int>], _ output: inout [UInt8]) {
        if pieces.count == 1 {
            output += bytes[parts(of: pieces[0], in: bytes).row]
            return
        }
        let rows = pieces.map { parts(of: $0, in: bytes) }
        let order = bytes.withUnsafeBufferPointer { bytes in
            rows.indices.sorted { left, right in
                func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[range])
                }
                let title = compare(text(rows[left].title), text(rows[right].title))
                if title != 0 { return title < 0 }
                let id = compare(text(rows[left].id), text(rows[right].id))
                return id != 0 ? id < 0 : left < right
            }
        }
        for index in order { output += bytes[rows[index].row] }
    }

    /// How the UTF-8 texts `left` and `right` compare as strings (Unicode's canonical order):
    /// negative, zero or positive. By their bytes when the first byte that differs is ASCII in
    /// both, and so is the byte after it (or the text ends there): an ASCII character joins
    /// neither the text before it nor, with ASCII after it, the text after it, so the strings
    /// compare as those two characters do. Otherwise as strings.
    static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(left.count, right.count)
        var index = 0
        while index < common && left[index] == right[index] { index += 1 }
        if index == left.count && index == right.count { return 0 }
        if index < common, left[index] < 0x80, right[index] < 0x80,
            index + 1 == left.count || left[index + 1] < 0x80, index + 1 == right.count || right[index + 1] < 0x80
        {
            return left[index] < right[index] ? -1 : 1
        }
        let (first, second) = (String(decoding: left, as: UTF8.self), String(decoding: right, as: UTF8.self))
        return first < second ? -1 : second < first ? 1 : 0
    }
}
