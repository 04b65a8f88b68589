/// A span of whole days that a report, a listing or an export covers, with its canonical
/// label: `2023-Q4`, `2023-11`, `2023`, `2023-H2`, `2023-W45`, `FY2024`, `FY2024-Q1` or
/// `2023-10-01_2023-12-31`. Relative words (`last-quarter`) are resolved when parsing, so a
/// label never depends on the day it was made.
public struct ReportPeriod: Hashable, Sendable, CustomStringConvertible {
    /// The first day.
    public let start: LocalDate
    /// The last day, inclusive.
    public let end: LocalDate
    /// The canonical name, safe in file names.
    public let label: String
    package let kind: Kind

    /// What the period is, so that `previous()` and `sameLastYear()` step by the right unit.
    package enum Kind: Hashable, Sendable {
        case year(Int)
        case half(year: Int, half: Int)
        case quarter(year: Int, quarter: Int)
        case month(year: Int, month: Int)
        case week(year: Int, week: Int)
        /// A fiscal year named after the calendar year it ends in.
        case fiscalYear(endYear: Int, startMonth: Int)
        case fiscalQuarter(endYear: Int, quarter: Int, startMonth: Int)
        case range
    }

    package init(kind: Kind) {
        self.kind = kind
        switch kind {
        case .year(let year):
            (start, end) = ReportPeriod.months(year: year, month: 1, count: 12)
            label = pad(year, 4)
        case .half(let year, let half):
            (start, end) = ReportPeriod.months(year: year, month: half * 6 - 5, count: 6)
            label = "\(pad(year, 4))-H\(half)"
        case .quarter(let year, let quarter):
            (start, end) = ReportPeriod.months(year: year, month: quarter * 3 - 2, count: 3)
            label = "\(pad(year, 4))-Q\(quarter)"
        case .month(let year, let month):
            (start, end) = ReportPeriod.months(year: year, month: month, count: 1)
            label = "\(pad(year, 4))-\(pad(month, 2))"
        case .week(let year, let week):
            start = ISOWeek.monday(ofWeek1In: year).adding(days: (week - 1) * 7)
            end = start.adding(days: 6)
            label = "\(pad(year, 4))-W\(pad(week, 2))"
        case .fiscalYear(let endYear, let startMonth):
            (start, end) = ReportPeriod.months(
                year: ReportPeriod.fiscalStartYear(endYear, startMonth), month: startMonth, count: 12)
            label = "FY\(pad(endYear, 4))"
        case .fiscalQuarter(let endYear, let quarter, let startMonth):
            let first = ReportPeriod.fiscalStartYear(endYear, startMonth) * 12 + (startMonth - 1) + (quarter - 1) * 3
            (start, end) = ReportPeriod.months(year: first / 12, month: first % 12 + 1, count: 3)
            label = "FY\(pad(endYear, 4))-Q\(quarter)"
        case .range:
            preconditionFailure("ranges are made by ReportPeriod.range(from:to:)")
        }
    }

    /// A range whose order the caller has checked.
    package init(rangeFrom start: LocalDate, to end: LocalDate) {
        self.start = start
        self.end = end
        self.kind = .range
        label = "\(start)_\(end)"
    }

    /// The period from `from` through `to`, both inclusive.
    public static func range(from: LocalDate, to: LocalDate) throws(PeriodError) -> ReportPeriod {
        guard from <= to else {
            throw PeriodError(input: "\(from)_\(to)", reason: "the period ends (\(to)) before it starts (\(from))")
        }
        guard (1...9999).contains(from.year), (1...9999).contains(to.year) else {
            throw PeriodError(input: "\(from)_\(to)", reason: "years must have four digits")
        }
        return ReportPeriod(rangeFrom: from, to: to)
    }

    /// Number of days, at least 1.
    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }

    /// Whether `day` lies in the period.
    public func contains(_ day: LocalDate) -> Bool { start <= day && day <= end }

    /// The label and the dates: "2023-Q4 (2023-10-01 – 2023-12-31)".
    public var description: String { "\(label) (\(start) – \(end))" }

    /// The period of the same kind just before this one; for a range, the range of the same
    /// length that ends the day before it starts.
    public func previous() -> ReportPeriod { stepped(by: -1) }

    /// The period of the same kind just after this one.
    public func next() -> ReportPeriod { stepped(by: 1) }

    /// The same period a year earlier. A week keeps its number (week 53 becomes the last
    /// week of a year that has only 52); a range moves back a year (29 February becomes 28).
    public func sameLastYear() -> ReportPeriod {
        switch kind {
        case .year(let year): return ReportPeriod(kind: .year(year - 1))
        case .half(let year, let half): return ReportPeriod(kind: .half(year: year - 1, half: half))
        case .quarter(let year, let quarter): return ReportPeriod(kind: .quarter(year: year - 1, quarter: quarter))
        case .month(let year, let month): return ReportPeriod(kind: .month(year: year - 1, month: month))
        case .week(let year, let week):
            return ReportPeriod(kind: .week(year: year - 1, week: min(week, ISOWeek.count(in: year - 1))))
        case .fiscalYear(let endYear, let startMonth):
            return ReportPeriod(kind: .fiscalYear(endYear: endYear - 1, startMonth: startMonth))
        case .fiscalQuarter(let endYear, let quarter, let startMonth):
            return ReportPeriod(kind: .fiscalQuarter(endYear: endYear - 1, quarter: quarter, startMonth: startMonth))
        case .range:
            return ReportPeriod(rangeFrom: start.yearEarlier, to: end.yearEarlier)
        }
    }

    private func stepped(by step: Int) -> ReportPeriod {
        switch kind {
        case .year(let year):
            return ReportPeriod(kind: .year(year + step))
        case .half(let year, let half):
            let index = year * 2 + half - 1 + step
            return ReportPeriod(kind: .half(year: index.floorDivided(by: 2), half: index.floorModulo(2) + 1))
        case .quarter(let year, let quarter):
            let index = year * 4 + quarter - 1 + step
            return ReportPeriod(kind: .quarter(year: index.floorDivided(by: 4), quarter: index.floorModulo(4) + 1))
        case .month(let year, let month):
            let index = year * 12 + month - 1 + step
            return ReportPeriod(kind: .month(year: index.floorDivided(by: 12), month: index.floorModulo(12) + 1))
        case .week:
            let monday = start.adding(days: 7 * step)
            return ReportPeriod(kind: .week(year: ISOWeek.year(of: monday), week: ISOWeek.number(of: monday)))
        case .fiscalYear(let endYear, let startMonth):
            return ReportPeriod(kind: .fiscalYear(endYear: endYear + step, startMonth: startMonth))
        case .fiscalQuarter(let endYear, let quarter, let startMonth):
            let index = endYear * 4 + quarter - 1 + step
            return ReportPeriod(
                kind: .fiscalQuarter(
                    endYear: index.floorDivided(by: 4), quarter: index.floorModulo(4) + 1, startMonth: startMonth))
        case .range:
            let shift = dayCount * step
            return ReportPeriod(rangeFrom: start.adding(days: shift), to: end.adding(days: shift))
        }
    }

    /// The first and last day of `count` months from `month` of `year`.
    private static func months(year: Int, month: Int, count: Int) -> (LocalDate, LocalDate) {
        let first = LocalDate(year: year, month: month, day: 1)!
        let lastIndex = year * 12 + month - 1 + count - 1
        let lastYear = lastIndex.floorDivided(by: 12)
        let lastMonth = lastIndex.floorModulo(12) + 1
        return (
            first, LocalDate(year: lastYear, month: lastMonth, day: LocalDate.daysIn(month: lastMonth, year: lastYear))!
        )
    }

    /// The calendar year a fiscal year named after its end year starts in.
    package static func fiscalStartYear(_ endYear: Int, _ startMonth: Int) -> Int {
        startMonth == 1 ? endYear : endYear - 1
    }
}

/// ISO 8601 weeks: Monday to Sunday, week 1 holds the year's first Thursday.
enum ISOWeek {
    static func monday(ofWeek1In year: Int) -> LocalDate {
        let january4 = LocalDate(year: year, month: 1, day: 4)!
        return january4.adding(days: 1 - january4.weekday)
    }

    /// 52 or 53.
    static func count(in year: Int) -> Int {
        (monday(ofWeek1In: year + 1).dayNumber - monday(ofWeek1In: year).dayNumber) / 7
    }

    /// The ISO week-numbering year of `day` (the year of its week's Thursday).
    static func year(of day: LocalDate) -> Int {
        day.adding(days: 4 - day.weekday).year
    }

    static func number(of day: LocalDate) -> Int {
        (day.dayNumber - monday(ofWeek1In: year(of: day)).dayNumber) / 7 + 1
    }
}

extension LocalDate {
    /// The same day a year earlier; 29 February becomes 28 February.
    package var yearEarlier: LocalDate {
        let (year, month, day) = components
        return LocalDate(year: year - 1, month: month, day: min(day, LocalDate.daysIn(month: month, year: year - 1)))!
    }
}

extension ReportPeriod {
    /// The year, quarter or month that holds `day`; fiscal ones when fiscal years start in
    /// another month than January.
    package static func enclosing(_ day: LocalDate, span: Indicator.Span, fiscalYearStartMonth start: Int)
        -> ReportPeriod
    {
        let (year, month, _) = day.components
        let fiscalEndYear = start == 1 || month < start ? year : year + 1
        switch span {
        case .month: return ReportPeriod(kind: .month(year: year, month: month))
        case .quarter where start == 1: return ReportPeriod(kind: .quarter(year: year, quarter: (month + 2) / 3))
        case .quarter:
            return ReportPeriod(
                kind: .fiscalQuarter(
                    endYear: fiscalEndYear, quarter: (month - start + 12) % 12 / 3 + 1, startMonth: start))
        case .year where start == 1: return ReportPeriod(kind: .year(year))
        case .year: return ReportPeriod(kind: .fiscalYear(endYear: fiscalEndYear, startMonth: start))
        }
    }

    /// The calendar months the period touches, each cut to the period: (first, last) days.
    package var months: [(first: LocalDate, last: LocalDate)] {
        var result: [(LocalDate, LocalDate)] = []
        var first = start
        while first <= end {
            let monthEnd = LocalDate(
                year: first.year, month: first.month, day: LocalDate.daysIn(month: first.month, year: first.year))!
            result.append((first, min(monthEnd, end)))
            first = monthEnd.adding(days: 1)
        }
        return result
    }
}
