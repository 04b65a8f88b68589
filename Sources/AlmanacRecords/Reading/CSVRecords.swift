import AlmanacModel
import Foundation

/// The column layouts of calendar apps, recognised by their headers: their dates are
/// month-first (`9/5/2023`) and their times twelve-hour (`10:00 AM`).
public enum CSVLayout: String, Sendable {
    /// Almanac's own table, and any spreadsheet: ISO or day-first dates.
    case plain
    /// Google Calendar's import layout: `Subject, Start Date, Start Time, End Date, End Time,
    /// All Day Event, Description, Location, Private`.
    case google
    /// Outlook's export layout (`Subject, Start Date, …, All day event, Reminder on/off, …,
    /// Show time as`). Its all-day events end on the day after the last day.
    case outlook

    static func detect(_ header: [String]) -> CSVLayout {
        let names = Set(header.map(CSVColumns.normalised))
        guard ["subject", "startdate", "enddate", "alldayevent"].allSatisfy(names.contains) else { return .plain }
        return names.contains("showtimeas") || names.contains("reminderonoff") || names.contains("sensitivity")
            ? .outlook : .google
    }
}

/// Which record field each column of a spreadsheet fills: the header names of
/// `csv-columns.tsv`, compared without case, spaces, '-' or '_', and any `--map`.
public struct CSVColumns: Sendable {
    /// The fields a column can fill: the record's (``RecordSchema``'s keys and location
    /// parts), and the ``helpers``, each with its headers in `csv-columns.tsv`.
    public static let fields: [String] = TSV.bundled("csv-columns").compactMap(\.first)

    /// Columns that are no field of a record but help fill one (a time of day beside a date
    /// column, a latitude), and `ignore`.
    static let helpers = ["start-time", "end-time", "all-day", "latitude", "longitude", "private", "ignore"]

    private static let synonyms: [String: String] = {
        var table: [String: String] = [:]
        for row in TSV.bundled("csv-columns") where row.count >= 2 {
            for header in row[1].split(separator: "|") where table[normalised(String(header))] == nil {
                table[normalised(String(header))] = row[0]
            }
        }
        return table
    }()

    static func normalised(_ header: String) -> String {
        header.lowercased().filter { !" -_.".contains($0) }
    }

    /// The field of each column (nil: not used), and what was wrong with the header.
    static func match(
        _ header: [String], map: [String: String], file: String, line: Int, diagnostics: inout [Diagnostic]
    ) -> [String?] {
        let explicit = Dictionary(map.map { (normalised($0.key), $0.value) }, uniquingKeysWith: { _, last in last })
        var taken: Set<String> = []
        var result: [String?] = []
        let location = SourceLocation(file: file, line: line)
        var unused: [String] = []
        defer {
            // One warning for all of them: a sheet may have thousands of columns.
            if let first = unused.first {
                let shown = unused.prefix(10).map { "'\($0)'" }.joined(separator: ", ")
                let more = unused.count > 10 ? " and \(unused.count - 10) more" : ""
                let message =
                    unused.count == 1
                    ? "the column \(shown) is not used" : "\(unused.count) columns are not used: \(shown)\(more)"
                diagnostics.append(
                    .warning(
                        location, message,
                        hint: """
                            map a column to a field with --map '\(first)=FIELD' \
                            (fields: \(fields.joined(separator: ", ")))
                            """
                    ))
            }
        }
        for name in header {
            let key = normalised(name)
            guard let field = explicit[key] ?? synonyms[key] else {
                if !name.isEmpty { unused.append(name) }
                result.append(nil)
                continue
            }
            if field == "ignore" {
                result.append(nil)
            } else if taken.contains(field) {
                diagnostics.append(
                    .warning(
                        location, "the column '\(name)' is left out: an earlier column already gives the \(field)",
                        hint: "rename one of them, or --map '\(name)=ignore'"))
                result.append(nil)
            } else {
                taken.insert(field)
                result.append(field)
            }
        }
        return result
    }
}

/// Turns the rows of a spreadsheet into records: each row's cells become the fields of a
/// record, which is then checked exactly as a YAML record is, its problems reported at the
/// row. A bad row is left out; the good rows are kept.
public struct CSVRecords: Sendable {
    public let config: ProjectConfig
    public let gazetteer: Gazetteer
    /// `--map`: header → field.
    public let map: [String: String]

    public init(config: ProjectConfig, gazetteer: Gazetteer, map: [String: String] = [:]) {
        self.config = config
        self.gazetteer = gazetteer
        self.map = map
    }

    public func records(from text: String, file: String) -> ImportResult {
        var result = ImportResult()
        var table = CSVSheetReader(reading: self, file: file)
        var text = text
        text.makeContiguousUTF8()
        _ = text.utf8.withContiguousStorageIfAvailable { bytes in
            table.read(bytes, final: true, into: &result)
        }
        return result
    }

    /// Rows per unit of parallel work, at most: a block's rows are cut in ``chunksPerBlock``
    /// pieces (of 64 rows at least), so that no core waits long while another converts a
    /// block's last rows.
    static let rowsPerChunk = 2048
    static let chunksPerBlock = 8

    /// Reads a project's activity log `blockSize` bytes at a time and hands the records and
    /// problems of each block's rows to `body`, in order: a log of any size is read holding
    /// one block's rows. Each block's text is checked as a whole file's is (UTF-8, no NUL, no
    /// control characters); a block that fails ends the file there. Returns how many rows
    /// had errors (1 for a file that cannot be read at all). `progress` hears of the bytes read.
    ///
    /// The next block is read and split into rows on a thread of its own while this block's
    /// rows are turned into records on all cores, and `body` is called.
    public func read(
        logAt path: String, blockSize: Int, progress: (any ProgressReporter)? = nil,
        _ body: (ImportResult) throws -> Void
    ) rethrows -> Int {
        var opening: [Diagnostic] = []
        guard let handle = ImportInput.handle(at: path, diagnostics: &opening) else {
            var result = ImportResult()
            result.diagnostics = opening
            try body(result)
            return 1
        }
        var conversion = CSVRowConversion()
        var rowsWithErrors = 0
        try pipeline(
            produce: { emit in
                parse(handle, path: path, blockSize: blockSize, progress: progress, emit)
            },
            consume: { block in
                var result = block.result
                if let rows = block.rows { conversion.convert(rows, into: &result) }
                // Each row's errors are reported on its line; text that cannot be read counts once.
                rowsWithErrors +=
                    block.countsOnce
                    ? 1 : Set(result.diagnostics.filter { $0.severity == .error }.map(\.location.line)).count
                try body(result)
            })
        return rowsWithErrors
    }

    /// A block of a log, split into rows: its problems so far and its rows, to be converted
    /// in order (``CSVRowConversion``). `countsOnce`: the block's text (or the file) cannot be
    /// read, one row with errors.
    struct ParsedBlock: Sendable {
        var result = ImportResult()
        var rows: CSVSheetReader.Parsed?
        var countsOnce = false
    }

    /// The reading half of ``read(logAt:blockSize:progress:_:)``: hands each block of the log
    /// at `handle`, split into rows, to `emit`, until the end, or until `emit` returns false.
    private func parse(
        _ handle: FileHandle, path: String, blockSize: Int, progress: (any ProgressReporter)?,
        _ emit: (ParsedBlock) -> Bool
    ) {
        var table = CSVSheetReader(reading: self, file: path)
        // The bytes not read yet: an array, whose front is removed in place (a Data's is not, so
        // it grew by each block until it held the whole log).
        var pending: [UInt8] = []
        var isStart = true
        var isBlankSoFar = true
        while true {
            var block = ParsedBlock()
            let data: Data
            do {
                data = try handle.read(upToCount: blockSize) ?? Data()
            } catch {
                block.result.diagnostics.append(ImportInput.unreadable(path))
                block.countsOnce = true
                _ = emit(block)
                return
            }
            let final = data.isEmpty
            progress?.advance(by: data.count)
            pending.append(contentsOf: data)
            if isStart, pending.count < 3, !final { continue }
            if isStart, pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeSubrange(..<3) }
            var isText = true
            let parsed = pending.withUnsafeBufferPointer { bytes in
                table.parse(bytes, final: final, into: &block.result) { bytes, firstLine, result in
                    let isBlank = bytes.isBlankText
                    // Blank text needs no check, unless it is all the file has (then it is empty).
                    guard !isBlank || (final && isBlankSoFar) else { return true }
                    isBlankSoFar = isBlankSoFar && isBlank
                    isText = Self.checkText(bytes, firstLine: firstLine, file: path, into: &result)
                    return isText
                }
            }
            isStart = false
            block.rows = parsed
            block.countsOnce = !isText
            guard emit(block), let parsed, !final else { return }
            pending.removeSubrange(..<parsed.consumed)
        }
    }

    /// Checks the text of a block of a log as ``ImportInput`` checks a whole file, with lines
    /// counted from `firstLine`.
    private static func checkText(
        _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, file: String, into result: inout ImportResult
    ) -> Bool {
        // Most blocks are plain text: the checks below would find nothing in them.
        if !bytes.isBlankText, ControlCharacters.isPlainText(bytes) { return true }
        var found: [Diagnostic] = []
        let text = ImportInput.text(
            of: Data(bytes), file: file, controlCharacters: .reject, limit: nil, diagnostics: &found)
        for var diagnostic in found {
            diagnostic.location.line += firstLine - 1
            result.diagnostics.append(diagnostic)
        }
        return text != nil
    }
}

/// A spreadsheet's rows turned into records, one block of its bytes after another, each row
/// checked on its own (on all cores) and then its id compared with the rows before it.
struct CSVSheetReader {
    let file: String
    private var sheet = CSVSheet()
    private let reading: CSVRecords
    /// The field of each column, once the header is read; nil while it is not, or when the
    /// header cannot be used (then every row is left out).
    private var fields: [CSVRowConverter.Field?]?
    private var converter: CSVRowConverter?
    private var conversion = CSVRowConversion()
    private var isUsable = true

    init(reading: CSVRecords, file: String) {
        self.reading = reading
        self.file = file
    }

    /// A block's rows, ready to be turned into records, with the fields of the header's
    /// columns (nil: the header is not read yet), and how many bytes they take.
    struct Parsed: Sendable {
        var rows: CSVSheet.Rows
        var columns: (fields: [CSVRowConverter.Field?], header: [String], converter: CSVRowConverter)?
        var consumed: Int
    }

    /// Reads the rows of `bytes` (the text from where the previous call stopped) into
    /// `result`: their records, problems and count. With `final: false` only complete rows
    /// are read; returns how many bytes they take (the rest starts the next call's bytes), or
    /// nil when the file cannot be read further. `check` sees the bytes of the rows read, and
    /// the line they start on, before they are used; when it returns false, they are not.
    @discardableResult
    mutating func read(
        _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, into result: inout ImportResult,
        check: (UnsafeBufferPointer<UInt8>, _ firstLine: Int, inout ImportResult) -> Bool = { _, _, _ in true }
    ) -> Int? {
        guard let parsed = parse(bytes, final: final, into: &result, check: check) else { return nil }
        conversion.convert(parsed, into: &result)
        return parsed.consumed
    }

    /// The first half of ``read(_:final:into:check:)``: reads the rows of `bytes`, their count
    /// and the problems of the sheet into `result`, and returns them, not yet converted.
    mutating func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, into result: inout ImportResult,
        check: (UnsafeBufferPointer<UInt8>, _ firstLine: Int, inout ImportResult) -> Bool
    ) -> Parsed? {
        guard isUsable else { return nil }
        let hadHeader = sheet.headerCells != nil
        let firstLine = sheet.nextLine
        guard let read = sheet.read(bytes, final: final, file: file, diagnostics: &result.diagnostics),
            check(UnsafeBufferPointer(rebasing: bytes[..<read.consumed]), firstLine, &result)
        else {
            isUsable = false
            return nil
        }
        result.itemCount += read.rows.rows.count
        if !hadHeader, let header = sheet.headerCells {
            guard useHeader(header, diagnostics: &result.diagnostics) else {
                isUsable = false
                return nil
            }
        }
        if final {
            guard sheet.header(file: file, diagnostics: &result.diagnostics) != nil else { return nil }
            if sheet.count == 1 {
                result.diagnostics.append(
                    .error(
                        SourceLocation(file: file, line: sheet.headerLine), "the file has a header but no rows",
                        hint: "add one row per activity below the header"))
            }
        }
        var parsed = Parsed(rows: read.rows, consumed: read.consumed)
        if let fields, let converter, let header = sheet.headerCells { parsed.columns = (fields, header, converter) }
        return parsed
    }

    /// Matches the header's columns to fields; false, with an error, when no column holds the
    /// title or the start.
    private mutating func useHeader(_ header: [String], diagnostics: inout [Diagnostic]) -> Bool {
        let columns = CSVColumns.match(
            header, map: reading.map, file: file, line: sheet.headerLine, diagnostics: &diagnostics)
        let headerLocation = SourceLocation(file: file, line: sheet.headerLine)
        guard columns.contains("title") else {
            diagnostics.append(
                .error(
                    headerLocation,
                    "no column holds the title (the columns are: \(header.joined(separator: ", ")))",
                    hint: "name a column 'Title', or map one with --map 'COLUMN=title'"))
            return false
        }
        guard columns.contains("start") || columns.contains("status") else {
            diagnostics.append(
                .error(
                    headerLocation,
                    "no column holds the start date (the columns are: \(header.joined(separator: ", ")))",
                    hint: "name a column 'Start', or map one with --map 'COLUMN=start'"))
            return false
        }
        // A name that is no column field (an unknown `--map` target) fills nothing.
        fields = columns.map { $0.flatMap(CSVRowConverter.Field.init(name:)) }
        converter = CSVRowConverter(
            config: reading.config, gazetteer: reading.gazetteer, layout: CSVLayout.detect(header), file: file)
        return true
    }
}

/// The second half of reading a spreadsheet: a block's rows (``CSVSheetReader/Parsed``)
/// checked on all cores, a chunk at a time, then their ids compared, in order, with the rows
/// before them.
struct CSVRowConversion {
    /// The row that first used each id.
    private var seen: [String: Int] = [:]

    /// Adds the records of `parsed`'s rows and their problems to `result`.
    mutating func convert(_ parsed: CSVSheetReader.Parsed, into result: inout ImportResult) {
        guard let (fields, header, converter) = parsed.columns else { return }
        let (rows, cells) = (parsed.rows.rows, parsed.rows.cells)
        // Every block in several chunks (the records are the same whatever their size).
        let size = max(64, min(CSVRecords.rowsPerChunk, rows.count / CSVRecords.chunksPerBlock))
        var converted = stride(from: 0, to: rows.count, by: size).map { first in
            rows[first..<min(first + size, rows.count)]
        }.parallelMap { chunk in
            let places = PlaceLookups()
            return chunk.map { row in
                converter.convert(row, of: cells, fields: fields, header: header, places: places)
            }
        }
        result.records.reserveCapacity(result.records.count + rows.count)
        seen.reserveCapacity(seen.count + rows.count)
        // Each row's record is moved out of `converted`, not copied (a copy retains every field).
        for chunk in converted.indices {
            for index in converted[chunk].indices {
                take(&converted[chunk][index], into: &result)
            }
        }
    }

    /// Adds the record of `row` (moved out of it) and its problems to `result`, once its id
    /// is compared with the rows' before it.
    private mutating func take(_ row: inout CSVRowConverter.Converted, into result: inout ImportResult) {
        var problems = row.problems
        if var record = row.record.take() {
            // The row is taken as the id's first as the id is looked up: one hash of it for a
            // new id (the usual row). A later row puts the first one back.
            let earlier = seen.updateValue(row.number, forKey: record.id)
            if let first = earlier {
                seen[record.id] = first
                if record.repeatRule != nil {
                    // A later occurrence of a series, as `export csv` lists them.
                    result.diagnostics += problems
                    return
                } else if row.hasIDCell {
                    problems.append(
                        .error(
                            row.location, "row \(row.number) has the id '\(record.id)' of row \(first)",
                            hint: "ids must be unique"))
                } else {
                    // The warning about an id cell that cannot name a file names the id used.
                    let derived = "so the record gets the id '\(record.id)'"
                    record.id += "-row-\(row.number)"
                    for index in problems.indices {
                        problems[index].message = problems[index].message.replacingOccurrences(
                            of: derived, with: "so the record gets the id '\(record.id)'")
                    }
                }
            }
            if !problems.hasErrors {
                // An id made unique may still be taken.
                if earlier != nil { seen[record.id] = seen[record.id] ?? row.number }
                result.records.append(consume record)
            } else if earlier == nil {
                // A row left out takes no id.
                seen[record.id] = nil
            }
        }
        result.diagnostics += problems
    }
}

extension CSVRecords {

    /// A cell without the `'` that `export csv` (and spreadsheets) put before text that
    /// would otherwise run as a formula: `'=SUM(A1)` is the text `=SUM(A1)`.
    static func unguarded(_ cell: String) -> String {
        guard cell.utf8.first == UInt8(ascii: "'"), CSVFormula.starts(with: cell.dropFirst().unicodeScalars.first)
        else { return cell }
        return String(cell.dropFirst())
    }
}

extension CSVCells {
    /// Cell `index` as a record's value: ``Swift/String/trimmed`` and
    /// ``CSVRecords/unguarded(_:)``, nil when nothing is left. Worked out on the bytes unless
    /// white space beyond ASCII may stand at an end: only the value is made text.
    func value(_ index: Int) -> String? {
        let range = range(index)
        guard !range.isEmpty else { return nil }
        // nil: read as text, for white space beyond ASCII (a no-break space) may stand at an end.
        let read = bytes.withUnsafeBufferPointer { bytes -> String?? in
            var cell = UnsafeBufferPointer(rebasing: bytes[range])
            let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
            while let first = cell.first, isSpace(first) { cell = UnsafeBufferPointer(rebasing: cell.dropFirst()) }
            while let last = cell.last, isSpace(last) { cell = UnsafeBufferPointer(rebasing: cell.dropLast()) }
            guard !UTF8WhiteSpace.mayStart(cell), !UTF8WhiteSpace.mayEnd(cell) else { return nil }
            if cell.count > 1, cell[0] == UInt8(ascii: "'"), CSVFormula.starts.contains(cell[1]) {
                cell = UnsafeBufferPointer(rebasing: cell.dropFirst())
            }
            return .some(cell.isEmpty ? nil : String(decoding: cell, as: UTF8.self))
        }
        if let read { return read }
        let value = CSVRecords.unguarded(string(index).trimmed)
        return value.isEmpty ? nil : value
    }
}

/// One row's cells → a ``RecordDraft`` (each value with its cell) → the record checker.
struct CSVRowConverter: Sendable {
    let config: ProjectConfig
    let gazetteer: Gazetteer
    let layout: CSVLayout
    let file: String
    let checker: RecordChecker

    init(config: ProjectConfig, gazetteer: Gazetteer, layout: CSVLayout, file: String) {
        self.config = config
        self.gazetteer = gazetteer
        self.layout = layout
        self.file = file
        checker = RecordChecker(config: config, gazetteer: gazetteer)
    }

    /// A row, read on its own: its record (nil when it has errors) and its problems.
    struct Converted: Sendable {
        var number: Int
        var location: SourceLocation
        var record: EventRecord?
        var problems: [Diagnostic]
        /// The row gives its id in a cell (rather than one derived from its title, as for a
        /// cell that cannot name a file: `..`, `.hidden`).
        var hasIDCell: Bool
    }

    /// `row` of a block whose cells are `cells`, with the field each column fills.
    func convert(
        _ row: CSVSheet.Row, of cells: CSVCells, fields: [Field?], header: [String], places: PlaceLookups? = nil
    ) -> Converted {
        let location = SourceLocation(file: file, line: row.line)
        let headerCount = header.count
        var problems: [Diagnostic] = []
        if row.cells.count > headerCount {
            problems.append(
                .error(
                    location,
                    "row \(row.number) has \(row.cells.count) cells but the header names \(headerCount) columns",
                    hint: "a cell holding the delimiter must be quoted: \"Skopje, North Macedonia\""))
        } else if row.cells.count < headerCount {
            problems.append(
                .warning(
                    location,
                    """
                    row \(row.number) has \(row.cells.count) cells but the header names \(headerCount) columns; \
                    the missing ones are taken as empty
                    """
                ))
        }
        var values = Cells(location: location, row: row.number, header: header)
        for (column, (field, cell)) in zip(fields, row.cells).enumerated() {
            guard let field, let value = cells.value(cell) else { continue }
            values.set(field, value, column: column)
        }
        let hasIDCell = values[.id].map(Identifier.isValid) ?? false
        let record =
            problems.hasErrors
            ? nil : record(values, hasIDCell: hasIDCell, places: places, diagnostics: &problems)
        return Converted(
            number: row.number, location: location, record: record, problems: problems, hasIDCell: hasIDCell)
    }

    /// The fields a column can fill (``CSVColumns/fields``), numbered: a row's cells are kept
    /// in an array by them, not in a dictionary by name.
    enum Field: Int, CaseIterable {
        case id, title, start, end, startTime, endTime, allDay, timezone, location, venue, city, country
        case latitude, longitude, category, tags, organisations, participants, role, format, status
        case visibility, isPrivate, url, summary, source, recurrence, exceptions

        /// The name in `csv-columns.tsv` and `--map`.
        var name: String {
            switch self {
            case .startTime: return "start-time"
            case .endTime: return "end-time"
            case .allDay: return "all-day"
            case .isPrivate: return "private"
            case .recurrence: return RecordSchema.recurrence.key
            case .exceptions: return RecordSchema.exceptions.key
            default: return String(describing: self)
            }
        }

        static let count = allCases.count

        /// The field named `name`: looked up among the few of its length and first letter
        /// (a row's every column is looked up; a dictionary would hash each name).
        init?(name: String) {
            guard let first = name.utf8.first else { return nil }
            for field in Self.buckets[Self.bucket(name.utf8.count, first)] where Self.names[field.rawValue] == name {
                self = field
                return
            }
            return nil
        }

        private static let names = allCases.map(\.name)

        private static func bucket(_ length: Int, _ first: UInt8) -> Int { min(length, 31) << 5 | Int(first & 31) }

        private static let buckets: [[Field]] = {
            var buckets = [[Field]](repeating: [], count: 32 << 5)
            for field in allCases {
                buckets[bucket(field.name.utf8.count, field.name.utf8.first ?? 0)].append(field)
            }
            return buckets
        }()
    }

    /// The non-empty cells of a row by the field their column fills, with the column: the
    /// cells in the order set, and where each field's is among them (-1: none).
    struct Cells {
        struct Cell {
            var text: String
            var column: Int
        }

        let location: SourceLocation
        let row: Int
        let header: [String]
        private var cells: [Cell] = []
        private var positions = FieldPositions()

        init(location: SourceLocation, row: Int, header: [String]) {
            self.location = location
            self.row = row
            self.header = header
            cells.reserveCapacity(min(header.count, Field.count))
        }

        mutating func set(_ field: Field, _ text: String, column: Int) {
            let position = positions[field.rawValue]
            if position >= 0 {
                cells[position] = Cell(text: text, column: column)
            } else {
                positions[field.rawValue] = cells.count
                cells.append(Cell(text: text, column: column))
            }
        }

        subscript(field: Field) -> String? {
            let position = positions[field.rawValue]
            return position < 0 ? nil : cells[position].text
        }

        /// Whether the row has a cell for `field`.
        func has(_ field: Field) -> Bool { positions[field.rawValue] >= 0 }

        /// The cell of `field` (with its column's header), or the row as a whole.
        func origin(_ field: Field) -> ValueOrigin {
            let position = positions[field.rawValue]
            return .cell(location, row: row, column: position < 0 ? nil : header[cells[position].column])
        }

        /// The cell of the first of `fields` the row has.
        func origin(first fields: Field...) -> ValueOrigin {
            origin(fields.first(where: has) ?? fields[0])
        }
    }

    /// The row as a draft, each value from its cell, checked by the one record checker.
    /// `hasIDCell`: the row has an id cell that can name a record file.
    func record(
        _ values: Cells, hasIDCell: Bool, places: PlaceLookups? = nil, diagnostics: inout [Diagnostic]
    ) -> EventRecord? {
        typealias Schema = RecordSchema
        let rowOrigin = ValueOrigin.cell(values.location, row: values.row, column: nil)
        guard let timing = timing(values, diagnostics: &diagnostics) else { return nil }
        var draft = RecordDraft(origin: rowOrigin, path: file, fallbackID: "row-\(values.row)")
        func set(_ field: RecordField, _ cell: Field) {
            if let text = values[cell] { draft.set(field, text, at: values.origin(cell)) }
        }
        func setList(_ field: RecordField, _ cell: Field) {
            guard let text = values[cell] else { return }
            draft.set(field, .list(Self.listItems(text)), at: values.origin(cell))
        }
        let title = values[.title]
        // Only made when the row has no usable id cell: a slug per row is a cost of its own.
        var derivedID: String? {
            title.map { title in
                timing.start.map { "\($0.day)-\(Identifier.slug(title, maxLength: 50))" }
                    ?? Identifier.slug(title, maxLength: 60)
            }
        }
        let given = values[.id]
        var id = given ?? derivedID
        if let given, !hasIDCell, let derivedID {
            // An id names the record's file: `..`, `.hidden` or `a/b` must never become one.
            diagnostics.append(
                values.origin(.id).warning(
                    """
                    the id '\(given)' cannot name a record file (letters, digits, '-', '_' and '.', starting with \
                    a letter or digit), so the record gets the id '\(derivedID)'
                    """,
                    hint: "fix the id in the spreadsheet to keep the calendar UID you want"))
            id = derivedID
        }
        if let id { draft.set(Schema.id, id, at: given == nil ? rowOrigin : values.origin(.id)) }
        set(Schema.title, .title)
        func setDate(_ field: RecordField, _ date: DraftDate?, at origin: ValueOrigin) {
            // A day before year 0 (a span "30.12. – 2.1.0000") has no ISO text: as text, the
            // checker reports it.
            if let date, date.day.components.year < 0 {
                draft.set(field, date.description, at: origin)
            } else {
                draft.set(field, date: date, at: origin)
            }
        }
        setDate(Schema.start, timing.start, at: values.origin(first: .start, .startTime))
        setDate(Schema.end, timing.end, at: values.origin(first: .end, .endTime, .start))
        set(Schema.timezone, .timezone)
        if let (place, origin) = place(values) { draft.set(Schema.location, place, at: origin) }
        if let latitude = values[.latitude], let longitude = values[.longitude] {
            draft.set(Schema.geo, .list([latitude, longitude]), at: values.origin(.latitude))
        }
        if let text = values[.category] {
            let origin = values.origin(.category)
            draft.set(Schema.category, category(text, origin: origin, diagnostics: &diagnostics), at: origin)
        }
        setList(Schema.tags, .tags)
        setList(Schema.organisations, .organisations)
        if let participants = values[.participants] {
            if Int(participants) != nil {
                set(Schema.participants, .participants)
            } else {
                setList(Schema.participants, .participants)
            }
        }
        set(Schema.role, .role)
        set(Schema.format, .format)
        set(Schema.url, .url)
        set(Schema.summary, .summary)
        set(Schema.source, .source)
        set(Schema.recurrence, .recurrence)
        if let status = values[.status] { draft.set(Schema.status, status.lowercased(), at: values.origin(.status)) }
        if let visibility = values[.visibility] {
            draft.set(Schema.visibility, visibility.lowercased(), at: values.origin(.visibility))
        } else if isYes(values[.isPrivate]) {
            draft.set(Schema.visibility, "internal", at: values.origin(.isPrivate))
        }
        setList(Schema.exceptions, .exceptions)
        return checker.check(draft, places: places, diagnostics: &diagnostics)
    }

    /// The items of a list cell: split on ';' when it has one, else on ',', each trimmed,
    /// empty ones left out. ASCII text is split on its bytes (the same pieces: no ASCII
    /// separator is part of a larger character there), other text by character.
    static func listItems(_ text: String) -> [String] {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Each piece without the spaces and tabs around it, made a string only when
            // something is left.
            let separator = bytes.contains(UInt8(ascii: ";")) ? UInt8(ascii: ";") : UInt8(ascii: ",")
            let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            var items: [String] = []
            // One array of the right size (grown item by item, it was made twice for two items).
            items.reserveCapacity(bytes.count(where: { $0 == separator }) + 1)
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != separator { end += 1 }
                var first = start
                var last = end
                while first < last, isSpace(bytes[first]) { first += 1 }
                while last > first, isSpace(bytes[last - 1]) { last -= 1 }
                if first < last {
                    items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self))
                }
                start = end + 1
            }
            return items
        }
        if let ascii = ascii ?? nil { return ascii }
        let pieces = text.split(separator: text.contains(";") ? ";" : ",").map { $0.trimmedSpaces }
        return pieces.filter { !$0.isEmpty }
    }

    private func isYes(_ text: String?) -> Bool {
        guard let text else { return false }
        return ["true", "yes", "1", "private", "confidential", "x"].contains(text.lowercased())
    }

    /// The start and end, read from date (or date-time, or "5–6 September 2023") cells and
    /// optional time cells: the checker takes them as read.
    private func timing(_ values: Cells, diagnostics: inout [Diagnostic]) -> (start: DraftDate?, end: DraftDate?)? {
        let allDay = values[.allDay].map(isYes)
        let parser = DateExpressionParser(monthFirst: layout != .plain)
        var start: DraftDate?
        var end: DraftDate?
        if let text = values[.start] {
            if let date = DraftDate(iso: text) {
                start = date
            } else if let mention = parser.wholeMention(text), let days = mention.days(year: nil) {
                start = .day(days.start)
                if days.end != days.start { end = .day(days.end) }
            } else {
                diagnostics.append(
                    values.origin(.start).error(
                        "the start '\(text)' is not a date",
                        hint: layout == .plain
                            ? "write 2023-09-05, 5.9.2023, 05/09/2023 (day first) or 5 September 2023"
                            : "this \(layout.rawValue) layout writes dates month first: 9/5/2023"))
                return nil
            }
        }
        if let text = values[.end] {
            if let date = DraftDate(iso: text) {
                end = date
            } else if let mention = parser.wholeMention(text), let days = mention.days(year: nil) {
                end = .day(days.end)
            } else {
                diagnostics.append(
                    values.origin(.end).error(
                        "the end '\(text)' is not a date", hint: "write it as the start is written"))
                return nil
            }
        }
        guard allDay != true else {
            if layout == .outlook, case .day(let first)? = start, case .day(let last)? = end, last > first {
                end = .day(last.adding(days: -1))
            }
            return (start, end)
        }
        for (key, keyTime) in Self.timeCells {
            guard let text = values[keyTime] else { continue }
            guard let minutes = Self.timeOfDay(text) else {
                diagnostics.append(
                    values.origin(keyTime).error(
                        "the \(key) time '\(text)' is not a time of day",
                        hint: "write 10:00, 10:00:00 or 10:00 AM"))
                return nil
            }
            func at(_ date: DraftDate?) -> DraftDate? {
                date.map { .dateTime(LocalDateTime(date: $0.day, hour: minutes / 60, minute: minutes % 60)) }
            }
            if key == "start", let time = at(start) { start = time }
            if key == "end", let time = at(end ?? start) { end = time }
        }
        return (start, end)
    }

    private static let timeCells: [(String, Field)] = [("start", .startTime), ("end", .endTime)]

    /// Minutes after midnight of `10:00`, `10:00:00`, `9:30 AM`, `12:00:00 PM`.
    static func timeOfDay(_ text: String) -> Int? {
        // `10:00` and `10:00:00`, the usual cells, read as below give what an ISO time gives.
        LocalDateTime.timeOfDay(text) ?? clockTime(text)
    }

    /// The general reading of a clock cell, with or without AM/PM (the reference of the
    /// ISO shortcut's test).
    static func clockTime(_ text: String) -> Int? {
        var clock = text.uppercased().trimmedSpaces
        var offset = 0
        var twelveHour = false
        for (suffix, add) in [("AM", 0), ("PM", 12 * 60)] where clock.hasSuffix(suffix) {
            clock = String(clock.dropLast(2)).trimmedSpaces
            offset = add
            twelveHour = true
        }
        let parts = clock.split(separator: ":")
        guard (2...3).contains(parts.count), let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...59).contains(minute),
            parts.count == 2 || Int(parts[2]) == 0
        else { return nil }
        if twelveHour {
            guard (1...12).contains(hour) else { return nil }
            return (hour % 12) * 60 + minute + offset
        }
        return (0...23).contains(hour) ? hour * 60 + minute : nil
    }

    /// `venue`/`city`/`country` cells, or a `location` cell: "Skopje, North Macedonia" is
    /// read as city and country when the gazetteer knows the city, else kept as text.
    private func place(_ values: Cells) -> (DraftValue.Content, ValueOrigin)? {
        func part(_ cell: Field) -> LocationParts.Part? {
            values[cell].map { LocationParts.Part($0, at: values.origin(cell)) }
        }
        // Made in the value's box, not copied there (with the first part's origin).
        if values.has(.venue) || values.has(.city) || values.has(.country) {
            return (
                .parts(LocationParts(venue: part(.venue), city: part(.city), country: part(.country))),
                values.origin(first: .venue, .city, .country)
            )
        }
        guard let text = values[.location] else { return nil }
        let origin = values.origin(.location)
        let pieces = text.split(separator: ",").map { $0.trimmedSpaces }
        // The first piece the gazetteer knows is the city, looked up once.
        guard
            let (index, known) = pieces.indices.lazy.compactMap({ index in
                gazetteer.place(named: pieces[index]).map { (index, $0) }
            }).first
        else { return (.text(text), origin) }
        let venue = pieces[..<index].joined(separator: ", ")
        let parts = LocationParts(
            venue: venue.isEmpty ? nil : LocationParts.Part(venue, at: origin),
            city: LocationParts.Part(pieces[index], at: origin),
            country: LocationParts.Part(index + 1 < pieces.count ? pieces[index + 1] : known.country, at: origin))
        return (.parts(parts), origin)
    }

    /// A category cell in the project's words: "Board meeting" is `board-meeting`. A value
    /// that is none of the project's categories is left out with a warning.
    private func category(_ text: String?, origin: ValueOrigin, diagnostics: inout [Diagnostic]) -> String? {
        guard let text else { return nil }
        // One category (no ',' or ';' byte, so no such character) is the usual cell: its slug
        // is the one candidate, and no array is made for it.
        let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") }
        // The bytes looked at in place (through the UTF-8 view's indices, some 250 instructions).
        let isOne =
            !(text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isSeparator) }
            ?? text.utf8.contains(where: isSeparator))
        let others = isOne ? [] : text.split(whereSeparator: { ";,".contains($0) }).map { Identifier.slug(String($0)) }
        let first = isOne ? Identifier.slug(text) : others.first
        guard !config.categories.isEmpty else { return first }
        if isOne, let first, config.categories.contains(first) { return first }
        if let known = others.first(where: config.categories.contains) { return known }
        diagnostics.append(
            origin.warning(
                "'\(text)' is not one of the project's categories, so the record has none",
                hint: "the categories are: \(config.categories.joined(separator: ", "))"))
        return nil
    }
}
