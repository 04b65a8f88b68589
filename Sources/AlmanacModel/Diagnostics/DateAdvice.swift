/// Why a date as a person typed it is not one Almanac reads, and what to write instead:
/// `2024-11-31` and `31.11.2024` ("November has 30 days"), `5.11.2024` ("write 2024-11-05").
package enum DateAdvice {
    /// The message and hint for `text`, a start, end or left-out date that is neither
    /// `YYYY-MM-DD` nor `YYYY-MM-DDTHH:MM` of an existing day; `general` is the hint when
    /// there is nothing more particular to say.
    package static func explain(
        _ text: String, otherwise general: String = "write a day as 2023-09-05 or a time as 2023-09-05T10:00"
    ) -> (message: String, hint: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let datePart = trimmed.prefix { $0 != "T" && $0 != " " }
        let timePart = trimmed.dropFirst(datePart.count)
        guard let (year, month, day, isISO) = parts(of: datePart) else {
            return ("'\(text)' is not a date", general)
        }
        guard (1...12).contains(month) else {
            return (
                "'\(text)' is not a date: a month is numbered 1 to 12",
                isISO ? general : "write the day as YYYY-MM-DD, year first"
            )
        }
        let length = LocalDate.daysIn(month: month, year: year)
        let name = LocalDate.monthNames[month - 1]
        guard (1...length).contains(day) else {
            let which = month == 2 ? "February \(year)" : name
            let last = "\(pad(year, 4))-\(pad(month, 2))-\(pad(length, 2))"
            return (
                "'\(text)' is not a date: \(which) has \(length) days", "the last day of \(name) \(year) is \(last)"
            )
        }
        let iso = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard !isISO else { return ("'\(text)' is not a date", general) }
        var time = ""
        if !timePart.isEmpty, let minutes = LocalDateTime.timeOfDay(timePart.dropFirst()) {
            time = "T\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
        }
        return (
            "'\(text)' is not written the way Almanac reads dates",
            "write it year first: \(iso)\(time) (\(day) \(name) \(year))"
        )
    }

    /// Year, month and day of `2024-11-31` (ISO) or of `31.11.2024`, `31/11/2024`,
    /// `31-11-2024` (day first, as Europeans write), whether or not the day exists.
    private static func parts(of text: Substring) -> (year: Int, month: Int, day: Int, isISO: Bool)? {
        let fields = text.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "/" || $0 == "-" }
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let a = Int(fields[0]), let b = Int(fields[1]), let c = Int(fields[2])
        else { return nil }
        if fields[0].count == 4 { return (a, b, c, true) }
        if fields[2].count == 4, fields[0].count <= 2, fields[1].count <= 2 { return (c, b, a, false) }
        return nil
    }
}
