import AlmanacModel

/// The spreadsheets beside a report: `activities.csv` (one row per counted activity) and
/// `summary.csv` (the headline figures against the previous period).
enum ReportTables {
    static let activitiesHeader = [
        "id", "title", "start", "end", "days_in_period", "category", "city", "country", "organisations", "role",
        "format", "status", "url",
    ]

    static func activities(_ set: ActivitySet) -> CSVTable {
        var table = CSVTable(header: activitiesHeader)
        for occurrence in set.counted {
            let record = occurrence.record
            table.append([
                .text(record.id), .text(record.title), .text(occurrence.firstDay.description),
                .text(occurrence.lastDay.description),
                .number(occurrence.days(in: set.period)), .optional(record.category), .optional(record.place?.city),
                .optional(record.place?.country), .text(record.organisations.joined(separator: "; ")),
                .optional(record.role?.rawValue),
                .optional(record.format?.rawValue), .text(record.status.rawValue), .optional(record.url),
            ])
        }
        return table
    }

    /// `previous_period` and `change` (a signed number) are empty when the previous period
    /// ends before the log starts (the report then says "no records"); `this_period` and
    /// `change` are empty when the period itself does (`hasRecords` false): no record is not
    /// a measured 0.
    static func summary(_ figures: [FigureRow], hasRecords: Bool) -> CSVTable {
        var table = CSVTable(header: ["metric", "this_period", "previous_period", "change"])
        for figure in figures {
            let value: CSVCell = hasRecords ? .number(figure.thisPeriod) : .text("")
            let previous: CSVCell = figure.previousValue.map { .number($0) } ?? .text("")
            let change: CSVCell =
                hasRecords ? figure.previousValue.map { .signed(figure.thisPeriod - $0) } ?? .text("") : .text("")
            table.append([.text(figure.figure.key), value, previous, change])
        }
        return table
    }
}
