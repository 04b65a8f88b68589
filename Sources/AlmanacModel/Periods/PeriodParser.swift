import Foundation

extension ReportPeriod {
    /// The relative words, resolved against the day a command runs.
    public static let relativeWords = [
        "this-month", "last-month", "this-quarter", "last-quarter", "this-year", "last-year",
    ]

    /// Reads a period as people write it: `2023-Q4`, `2023Q4`, `Q4` (this year), `2023-11`,
    /// `2023`, `2023-H2`, `2023-W45`, `FY2024`, `FY2024-Q1`, `2023-10-01_2023-12-31`, or one
    /// of ``relativeWords``. Case and `_`/space for `-` in relative words are ignored.
    ///
    /// - Parameters:
    ///   - today: the day relative words and a bare `Q4` count from.
    ///   - fiscalYearStartMonth: the month (1–12) fiscal years start in; `FY2024` is the
    ///     fiscal year that ends in 2024.
    public static func parse(_ text: String, today: LocalDate, fiscalYearStartMonth: Int = 1) throws(PeriodError)
        -> ReportPeriod
    {
        let input = text.trimmingCharacters(in: .whitespaces)
        let upper = canonicalWords(input.uppercased(), today: today)
        func fail(_ reason: String) -> PeriodError { PeriodError(input: input, reason: reason) }
        guard (1...12).contains(fiscalYearStartMonth) else {
            throw fail("the fiscal year must start in a month from 1 to 12")
        }

        if let period = relative(
            upper.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-"), today: today)
        {
            return period
        }
        if let (from, to) = split(upper, separator: "_") {
            guard let start = LocalDate(iso: from), let end = LocalDate(iso: to) else {
                throw fail("a range is two existing days, YYYY-MM-DD_YYYY-MM-DD")
            }
            return try range(from: start, to: end)
        }
        if upper.hasPrefix("FY") {
            let rest = upper.dropFirst(2)
            guard let endYear = year(rest.prefix(4)) else {
                throw fail("a fiscal year is FY and the four-digit year it ends in, as in FY2024")
            }
            var quarterText = rest.dropFirst(4)
            guard !quarterText.isEmpty else {
                return ReportPeriod(kind: .fiscalYear(endYear: endYear, startMonth: fiscalYearStartMonth))
            }
            if quarterText.hasPrefix("-") { quarterText = quarterText.dropFirst() }
            let quarter = try number(String(quarterText), prefix: "Q", in: 1...4, unit: "a quarter", fail)
            return ReportPeriod(
                kind: .fiscalQuarter(endYear: endYear, quarter: quarter, startMonth: fiscalYearStartMonth))
        }
        if upper.hasPrefix("Q") || upper.hasPrefix("H") {
            return try unit(today.year, upper, fail)
        }
        if let yearValue = year(upper) {
            return ReportPeriod(kind: .year(yearValue))
        }
        guard upper.count >= 5, let yearValue = year(upper.prefix(4)) else {
            throw fail("it is not a form Almanac knows")
        }
        var rest = upper.dropFirst(4)
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        if rest.allSatisfy(\.isASCII) && rest.allSatisfy(\.isNumber) {
            guard rest.count == 2 else { throw fail("a month is written with two digits, as in 2023-09") }
            return ReportPeriod(
                kind: .month(
                    year: yearValue, month: try number(String(rest), prefix: "", in: 1...12, unit: "a month", fail)))
        }
        return try unit(yearValue, String(rest), fail)
    }

    /// A period written in words, as people type it, in its compact form: `Q4 2023` and
    /// `2023 Q4` → `2023-Q4`, `FY 2024` → `FY2024`, `FY 2024 Q1` → `FY2024-Q1`,
    /// `October 2023` and `Oct 2023` → `2023-10`, `October` → this year's. Anything else
    /// comes back as it was.
    private static func canonicalWords(_ upper: String, today: LocalDate) -> String {
        var words = upper.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        if words.first == "FY", words.count > 1 {
            words[0] += words.remove(at: 1)
        }
        func isYear(_ word: String) -> Bool { year(word) != nil }
        func isUnit(_ word: String) -> Bool {
            guard let first = word.first, "QHW".contains(first) else { return false }
            return word.count > 1 && word.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
        }
        switch words.count {
        case 1:
            if let month = month(named: words[0]) { return "\(pad(today.year, 4))-\(pad(month, 2))" }
            // Unit or month first, joined to the year: `Q4-2023`, `Q4/2023`, `Oct-2023`, `10/2023`.
            let parts = words[0].split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
            if parts.count == 2, isYear(parts[1]) {
                let (a, b) = (parts[0], parts[1])
                if isUnit(a) { return "\(b)-\(a)" }
                if let month = month(named: a) { return "\(b)-\(pad(month, 2))" }
                if (1...2).contains(a.count), a.allSatisfy({ $0.isASCII && $0.isNumber }), let month = Int(a),
                    (1...12).contains(month)
                {
                    return "\(b)-\(pad(month, 2))"
                }
            }
            return words[0]
        case 2:
            let (a, b) = (words[0], words[1])
            if isUnit(a) && isYear(b) { return "\(b)-\(a)" }
            if isYear(a) && isUnit(b) { return "\(a)-\(b)" }
            if a.hasPrefix("FY") && isUnit(b) { return "\(a)-\(b)" }
            if let month = month(named: a), isYear(b) { return "\(b)-\(pad(month, 2))" }
            if isYear(a), let month = month(named: b) { return "\(a)-\(pad(month, 2))" }
        default:
            break
        }
        return words.joined(separator: " ")
    }

    /// 1–12 for a month's English name or its first three letters or more (`SEPT`).
    private static func month(named word: String) -> Int? {
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        return LocalDate.monthNames.firstIndex { $0.uppercased().hasPrefix(word) }.map { $0 + 1 }
    }

    /// `Q4`, `H2` or `W45` of `year`.
    private static func unit(_ year: Int, _ text: String, _ fail: (String) -> PeriodError) throws(PeriodError)
        -> ReportPeriod
    {
        switch text.first {
        case "Q":
            return ReportPeriod(
                kind: .quarter(year: year, quarter: try number(text, prefix: "Q", in: 1...4, unit: "a quarter", fail)))
        case "H":
            return ReportPeriod(
                kind: .half(year: year, half: try number(text, prefix: "H", in: 1...2, unit: "a half year", fail)))
        case "W":
            let weeks = ISOWeek.count(in: year)
            let week = try number(text, prefix: "W", in: 1...53, unit: "an ISO week", fail)
            guard week <= weeks else { throw fail("\(pad(year, 4)) has only \(weeks) ISO weeks") }
            return ReportPeriod(kind: .week(year: year, week: week))
        default: throw fail("it is not a form Almanac knows")
        }
    }

    private static func relative(_ word: String, today: LocalDate) -> ReportPeriod? {
        let thisMonth = ReportPeriod(kind: .month(year: today.year, month: today.month))
        let thisQuarter = ReportPeriod(kind: .quarter(year: today.year, quarter: (today.month + 2) / 3))
        let thisYear = ReportPeriod(kind: .year(today.year))
        switch word {
        case "THIS-MONTH": return thisMonth
        case "LAST-MONTH": return thisMonth.previous()
        case "THIS-QUARTER": return thisQuarter
        case "LAST-QUARTER": return thisQuarter.previous()
        case "THIS-YEAR": return thisYear
        case "LAST-YEAR": return thisYear.previous()
        default: return nil
        }
    }

    private static func year(_ text: some StringProtocol) -> Int? {
        guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text), value >= 1 else {
            return nil
        }
        return value
    }

    private static func number(
        _ text: String, prefix: String, in range: ClosedRange<Int>, unit: String, _ fail: (String) -> PeriodError
    ) throws(PeriodError) -> Int {
        let digits = text.dropFirst(prefix.count)
        guard text.hasPrefix(prefix), !digits.isEmpty, digits.count <= 2,
            digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits)
        else {
            throw fail("it is not a form Almanac knows")
        }
        guard range.contains(value) else {
            throw fail("\(unit) is numbered \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private static func split(_ text: String, separator: Character) -> (String, String)? {
        let parts = text.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }
}

/// A period that cannot be read; the message says why and lists the forms Almanac reads.
public struct PeriodError: AlmanacError, Hashable {
    /// What the user wrote.
    public let input: String
    /// Why it was rejected.
    public let reason: String

    public init(input: String, reason: String) {
        self.input = input
        self.reason = reason
    }

    /// The relative words as they are typed, with spaces: "last quarter, this month, …".
    private static let relativeWordsSpoken = ReportPeriod.relativeWords.map {
        $0.replacingOccurrences(of: "-", with: " ")
    }.joined(separator: ", ")

    /// Every form ``ReportPeriod/parse(_:today:fiscalYearStartMonth:)`` reads, with an example.
    /// The forms a period may take, one a line, their explanations in one column.
    public static let acceptedForms: String = {
        let forms = [
            ("2023-Q4, Q4 2023 or Q4", ["a quarter (Q4 alone: this year's)"]),
            ("2023-11 or November 2023", ["a month"]),
            ("2023", ["a year"]),
            ("2023-H2 or H2 2023", ["a half year"]),
            ("2023-W45", ["an ISO week"]),
            (
                "FY2024, FY 2024 or FY2024-Q1",
                [
                    "a fiscal year or its quarter, named after the year it ends in",
                    "(set fiscal-year-start in almanac.yml)",
                ]
            ),
            ("last quarter, this month", ["counted from today: \(relativeWordsSpoken)"]),
            ("--from 2023-10-01 --to 2023-12-31", ["a range of days"]),
        ]
        let width = forms.map(\.0.count).max()! + 3
        return forms.flatMap { form, explanation in
            explanation.enumerated().map { index, line in
                "  " + (index == 0 ? form : "").padding(toLength: width, withPad: " ", startingAt: 0) + line
            }
        }.joined(separator: "\n")
    }()

    public var kind: ErrorKind { .usage }
    /// None: the message quotes the period as typed, which came from the command line.
    public var origin: ErrorOrigin? { nil }
    public var message: String {
        "'\(input)' is not a period: \(reason). Write one of:\n\(PeriodError.acceptedForms)"
    }
    public var hint: String? { nil }
}
