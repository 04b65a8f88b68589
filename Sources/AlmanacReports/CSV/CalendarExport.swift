import AlmanacModel
import AlmanacRecords

/// `almanac export csv`: the activities of a period, or of the whole log, as one CSV table
/// in the full layout or in the column layout a calendar app imports.
public struct CalendarExport: Sendable {
    /// The column layout.
    public enum Profile: String, CaseIterable, Sendable {
        /// Every field of the records, one row per activity (per occurrence of a series).
        case full
        /// Google Calendar's import: dates MM/DD/YYYY, times "10:00 AM", True/False.
        case google
        /// Outlook's English import layout.
        case outlook
    }

    public let records: [EventRecord]
    /// The period covered; nil for the whole log.
    public let period: ReportPeriod?
    public let profile: Profile
    /// Leave internal activities out; otherwise calendar profiles mark them private.
    public let publicOnly: Bool

    public init(records: [EventRecord], period: ReportPeriod?, profile: Profile, publicOnly: Bool) {
        self.records = records
        self.period = period
        self.profile = profile
        self.publicOnly = publicOnly
    }

    /// The occurrences to export: the full layout has every status, the calendar layouts
    /// only what is going ahead.
    public func agenda() -> Agenda {
        Agenda(records: records.filter(exports), period: period)
    }

    /// Whether `record` is exported: the full layout has every status, the calendar layouts
    /// only what is going ahead.
    func exports(_ record: EventRecord) -> Bool {
        !(publicOnly && record.visibility == .internal) && (profile == .full || record.isScheduled)
    }

    /// The rows of `agenda` (this export's ``agenda()``): for the whole log, undated drafts
    /// at the end.
    public func table(of agenda: Agenda) -> CSVTable {
        var table = CSVTable(header: header)
        for occurrence in agenda.occurrences { table.append(row(occurrence.record, occurrence.timing)) }
        for record in agenda.undated { table.append(row(record, nil)) }
        return table
    }

    var header: [String] {
        switch profile {
        case .full:
            // The record's fields by their schema keys (which `import csv` reads back), the
            // times of day beside the dates and the location's parts.
            typealias Schema = RecordSchema
            let fields = [Schema.id, Schema.title, Schema.start, Schema.end].map(\.key)
            let place = [Schema.venue, Schema.city, Schema.country].map(\.key)
            let rest = [
                Schema.organisations, Schema.participants, Schema.role, Schema.format, Schema.status, Schema.visibility,
                Schema.url, Schema.recurrence, Schema.summary,
            ].map(\.key)
            return fields + ["start_time", "end_time"] + [Schema.timezone, Schema.category, Schema.tags].map(\.key)
                + place + rest
        case .google:
            return [
                "Subject", "Start Date", "Start Time", "End Date", "End Time", "All Day Event", "Description",
                "Location", "Private",
            ]
        case .outlook:
            return [
                "Subject", "Start Date", "Start Time", "End Date", "End Time", "All day event", "Reminder on/off",
                "Reminder Date",
                "Reminder Time", "Meeting Organizer", "Required Attendees", "Optional Attendees", "Meeting Resources",
                "Billing Information", "Categories", "Description", "Location", "Mileage", "Priority", "Private",
                "Sensitivity", "Show time as",
            ]
        }
    }

    func row(_ record: EventRecord, _ timing: EventTiming?) -> [CSVCell] {
        let isPrivate = record.visibility == .internal ? "True" : "False"
        switch profile {
        case .full:
            var cells: [CSVCell] = []
            cells.reserveCapacity(21)
            fullCells(record, timing) { cells.append($0) }
            return cells
        case .google:
            let (start, end, allDay) = Self.usDates(timing, exclusiveEnd: false)
            return [
                .text(record.title), .text(start.date), .text(start.time), .text(end.date), .text(end.time),
                .text(allDay),
                .optional(record.summary), .optional(record.place?.line), .text(isPrivate),
            ]
        case .outlook:
            let (start, end, allDay) = Self.usDates(timing, exclusiveEnd: true)
            return [
                .text(record.title), .text(start.date), .text(start.time), .text(end.date), .text(end.time),
                .text(allDay), "False", "", "",
                "", "", "", "", "", .optional(record.category), .optional(record.summary),
                .optional(record.place?.line), "", "Normal",
                .text(isPrivate), .text(record.visibility == .internal ? "Private" : "Normal"),
                .text(record.status == .tentative ? "1" : "2"),
            ]
        }
    }

    /// The line of ``row(_:_:)``, appended to `bytes` as ``CSVTable/appendLine(_:delimiter:to:)``
    /// writes it. The full profile's cells (a million rows' worth in a big export) are written
    /// one by one, without an array of cells for each row.
    func appendLine(_ record: EventRecord, _ timing: EventTiming?, delimiter: Character, to bytes: inout [UInt8]) {
        guard profile == .full, var line = CSVTable.LineWriter(delimiter: delimiter) else {
            CSVTable.appendLine(row(record, timing), delimiter: delimiter, to: &bytes)
            return
        }
        fullCells(record, timing) { line.cell($0, to: &bytes) }
        line.end(&bytes)
    }

    /// The full profile's cells of `record`, in the columns' order, each handed to `add`.
    private func fullCells(_ record: EventRecord, _ timing: EventTiming?, _ add: (CSVCell) -> Void) {
        let times = timing.flatMap(Self.clockTimes)
        add(.text(record.id))
        add(.text(record.title))
        add(.optional(timing?.firstDay.description))
        add(.optional(timing?.lastDay.description))
        add(.optional(times?.start))
        add(.optional(times?.end))
        add(.text(timing?.isAllDay == false ? record.timezone : ""))
        add(.optional(record.category))
        add(.text(record.tags.joined(separator: "; ")))
        add(.optional(record.place?.venue ?? record.place?.text))
        add(.optional(record.place?.city))
        add(.optional(record.place?.country))
        add(.text(record.organisations.joined(separator: "; ")))
        add(record.participants.map(CSVCell.number) ?? .text(""))
        add(.optional(record.role?.rawValue))
        add(.optional(record.format?.rawValue))
        add(.text(record.status.rawValue))
        add(.text(record.visibility.rawValue))
        add(.optional(record.url))
        add(.optional(record.repeatRule?.description))
        add(.optional(record.summary))
    }

    /// "10:00" and "16:00" of a timed activity.
    private static func clockTimes(_ timing: EventTiming) -> (start: String, end: String?)? {
        guard case .timed(let start, let end) = timing else { return nil }
        return (start.timeText, end?.timeText)
    }

    /// Dates `MM/DD/YYYY` and times `10:00 AM` as US-English calendar apps import them.
    /// Whole days have no times; Outlook wants the day after the last (`exclusiveEnd`).
    private static func usDates(_ timing: EventTiming?, exclusiveEnd: Bool) -> (
        start: (date: String, time: String), end: (date: String, time: String), allDay: String
    ) {
        switch timing {
        case .allDay(let first, let last)?:
            return ((usDate(first), ""), (usDate(exclusiveEnd ? last.adding(days: 1) : last), ""), "True")
        case .timed(let start, let end)?:
            let finish = end ?? start
            return ((usDate(start.date), usTime(start)), (usDate(finish.date), usTime(finish)), "False")
        case nil:
            return (("", ""), ("", ""), "")
        }
    }

    private static func usDate(_ day: LocalDate) -> String {
        "\(pad(day.month, 2))/\(pad(day.day, 2))/\(pad(day.year, 4))"
    }

    private static func usTime(_ time: LocalDateTime) -> String {
        let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
        return "\(hour):\(pad(time.minute, 2)) \(time.hour < 12 ? "AM" : "PM")"
    }
}
