import AlmanacModel
import Testing

@Suite struct ReportPeriodTests {
    static let today = LocalDate(iso: "2024-02-15")!

    private func parse(_ text: String, fiscal: Int = 1) throws -> ReportPeriod {
        try ReportPeriod.parse(text, today: Self.today, fiscalYearStartMonth: fiscal)
    }

    private func expectPeriod(
        _ text: String, _ label: String, _ start: String, _ end: String, fiscal: Int = 1,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let period = try parse(text, fiscal: fiscal)
        #expect(period.label == label, sourceLocation: sourceLocation)
        #expect(period.start.description == start, sourceLocation: sourceLocation)
        #expect(period.end.description == end, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("2023-Q4", "2023-Q4", "2023-10-01", "2023-12-31"),
        ("2023Q4", "2023-Q4", "2023-10-01", "2023-12-31"),
        ("2023q1", "2023-Q1", "2023-01-01", "2023-03-31"),
        ("Q4", "2024-Q4", "2024-10-01", "2024-12-31"),
        ("q1", "2024-Q1", "2024-01-01", "2024-03-31"),
        ("2023-11", "2023-11", "2023-11-01", "2023-11-30"),
        ("2024-02", "2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02", "2023-02-01", "2023-02-28"),
        ("2000-02", "2000-02", "2000-02-01", "2000-02-29"),
        ("1900-02", "1900-02", "1900-02-01", "1900-02-28"),
        ("2023", "2023", "2023-01-01", "2023-12-31"),
        ("2023-H2", "2023-H2", "2023-07-01", "2023-12-31"),
        ("2023H1", "2023-H1", "2023-01-01", "2023-06-30"),
        ("H2", "2024-H2", "2024-07-01", "2024-12-31"),
        ("2023-W45", "2023-W45", "2023-11-06", "2023-11-12"),
        ("2023w01", "2023-W01", "2023-01-02", "2023-01-08"),
        ("2020-W53", "2020-W53", "2020-12-28", "2021-01-03"),
        ("2026-W01", "2026-W01", "2025-12-29", "2026-01-04"),
        ("2023-10-01_2023-12-31", "2023-10-01_2023-12-31", "2023-10-01", "2023-12-31"),
        ("this-quarter", "2024-Q1", "2024-01-01", "2024-03-31"),
        ("last-quarter", "2023-Q4", "2023-10-01", "2023-12-31"),
        ("Last Quarter", "2023-Q4", "2023-10-01", "2023-12-31"),
        ("this-month", "2024-02", "2024-02-01", "2024-02-29"),
        ("last-month", "2024-01", "2024-01-01", "2024-01-31"),
        ("this-year", "2024", "2024-01-01", "2024-12-31"),
        ("last_year", "2023", "2023-01-01", "2023-12-31"),
        ("FY2024", "FY2024", "2024-01-01", "2024-12-31"),
    ])
    func calendarForms(_ text: String, _ label: String, _ start: String, _ end: String) throws {
        try expectPeriod(text, label, start, end)
    }

    @Test(arguments: [
        ("FY2024", "FY2024", "2023-07-01", "2024-06-30"),
        ("fy2024-q1", "FY2024-Q1", "2023-07-01", "2023-09-30"),
        ("FY2024-Q2", "FY2024-Q2", "2023-10-01", "2023-12-31"),
        ("FY2024-Q3", "FY2024-Q3", "2024-01-01", "2024-03-31"),
        ("FY2024-Q4", "FY2024-Q4", "2024-04-01", "2024-06-30"),
        ("FY2024Q4", "FY2024-Q4", "2024-04-01", "2024-06-30"),
        ("2023-Q4", "2023-Q4", "2023-10-01", "2023-12-31"),
    ])
    func fiscalYearFromJuly(_ text: String, _ label: String, _ start: String, _ end: String) throws {
        try expectPeriod(text, label, start, end, fiscal: 7)
    }

    @Test func fiscalYearFromApril() throws {
        try expectPeriod("FY2024", "FY2024", "2023-04-01", "2024-03-31", fiscal: 4)
        try expectPeriod("FY2024-Q4", "FY2024-Q4", "2024-01-01", "2024-03-31", fiscal: 4)
        try expectPeriod("FY2025-Q4", "FY2025-Q4", "2025-01-01", "2025-03-31", fiscal: 4)
        try expectPeriod("FY2024", "FY2024", "2023-10-01", "2024-09-30", fiscal: 10)
        try expectPeriod("FY2024-Q2", "FY2024-Q2", "2024-01-01", "2024-03-31", fiscal: 10)
    }

    @Test func relativeWordsAtYearBoundaries() throws {
        let newYear = LocalDate(iso: "2024-01-01")!
        #expect(try ReportPeriod.parse("last-quarter", today: newYear).label == "2023-Q4")
        #expect(try ReportPeriod.parse("last-month", today: newYear).label == "2023-12")
        #expect(try ReportPeriod.parse("this-quarter", today: LocalDate(iso: "2023-12-31")!).label == "2023-Q4")
        #expect(try ReportPeriod.parse("this-quarter", today: LocalDate(iso: "2023-10-01")!).label == "2023-Q4")
        #expect(try ReportPeriod.parse("this-quarter", today: LocalDate(iso: "2023-09-30")!).label == "2023-Q3")
    }

    @Test func previousNextAndSameLastYear() throws {
        func steps(_ text: String, fiscal: Int = 1) throws -> [String] {
            let period = try parse(text, fiscal: fiscal)
            return [period.previous().label, period.next().label, period.sameLastYear().label]
        }
        #expect(try steps("2023-Q1") == ["2022-Q4", "2023-Q2", "2022-Q1"])
        #expect(try steps("2023-Q4") == ["2023-Q3", "2024-Q1", "2022-Q4"])
        #expect(try steps("2023-01") == ["2022-12", "2023-02", "2022-01"])
        #expect(try steps("2023-12") == ["2023-11", "2024-01", "2022-12"])
        #expect(try steps("2023-H1") == ["2022-H2", "2023-H2", "2022-H1"])
        #expect(try steps("2023") == ["2022", "2024", "2022"])
        #expect(try steps("2020-W53") == ["2020-W52", "2021-W01", "2019-W52"])
        #expect(try steps("2021-W01") == ["2020-W53", "2021-W02", "2020-W01"])
        #expect(try steps("FY2024", fiscal: 7) == ["FY2023", "FY2025", "FY2023"])
        #expect(try steps("FY2024-Q1", fiscal: 7) == ["FY2023-Q4", "FY2024-Q2", "FY2023-Q1"])
        #expect(try steps("FY2024-Q4", fiscal: 7) == ["FY2024-Q3", "FY2025-Q1", "FY2023-Q4"])
        #expect(
            try steps("2023-10-01_2023-10-10") == [
                "2023-09-21_2023-09-30", "2023-10-11_2023-10-20", "2022-10-01_2022-10-10",
            ])
        #expect(
            try steps("2024-02-01_2024-02-29") == [
                "2024-01-03_2024-01-31", "2024-03-01_2024-03-29", "2023-02-01_2023-02-28",
            ])
        let previousFY = try parse("FY2024-Q1", fiscal: 7).previous()
        #expect(previousFY.start.description == "2023-04-01" && previousFY.end.description == "2023-06-30")
    }

    @Test func isoWeeksOfEveryYearAreContiguous() throws {
        for year in 1990...2040 {
            let last = try parse("\(year)-W52").next()
            let firstOfNext = try parse("\(year + 1)-W01")
            #expect(last.label == firstOfNext.label || last.next().label == firstOfNext.label)
            #expect(firstOfNext.start.weekday == 1 && firstOfNext.end.weekday == 7)
        }
    }

    @Test func rangeMustNotEndBeforeItStarts() throws {
        #expect(
            throws: PeriodError(
                input: "2023-12-31_2023-10-01", reason: "the period ends (2023-10-01) before it starts (2023-12-31)")
        ) {
            try ReportPeriod.range(from: LocalDate(iso: "2023-12-31")!, to: LocalDate(iso: "2023-10-01")!)
        }
        let one = try ReportPeriod.range(from: LocalDate(iso: "2024-02-29")!, to: LocalDate(iso: "2024-02-29")!)
        #expect(one.dayCount == 1 && one.label == "2024-02-29_2024-02-29")
    }

    @Test(arguments: [
        ("2023-Q5", "a quarter is numbered 1 to 4"),
        ("2023-Q0", "a quarter is numbered 1 to 4"),
        ("2023-13", "a month is numbered 1 to 12"),
        ("2023-00", "a month is numbered 1 to 12"),
        ("2023-H3", "a half year is numbered 1 to 2"),
        ("2019-W53", "2019 has only 52 ISO weeks"),
        ("2023-W54", "an ISO week is numbered 1 to 53"),
        ("2023-W00", "an ISO week is numbered 1 to 53"),
        ("FY24", "a fiscal year is FY and the four-digit year it ends in, as in FY2024"),
        ("FY2024-Q7", "a quarter is numbered 1 to 4"),
        ("FY2024-", "it is not a form Almanac knows"),
        ("2023-02-29_2023-03-31", "a range is two existing days, YYYY-MM-DD_YYYY-MM-DD"),
        ("2023-3", "a month is written with two digits, as in 2023-09"),
        ("next-decade", "it is not a form Almanac knows"),
        ("", "it is not a form Almanac knows"),
        ("23-Q4", "it is not a form Almanac knows"),
        ("2023-Q4x", "it is not a form Almanac knows"),
        ("0000", "it is not a form Almanac knows"),
    ])
    func invalidInputsSayWhy(_ text: String, _ reason: String) {
        do throws(PeriodError) {
            let period = try ReportPeriod.parse(text, today: Self.today)
            Issue.record("'\(text)' was read as \(period)")
        } catch {
            #expect(error.reason == reason)
            #expect(error.description.hasPrefix("'\(text)' is not a period: \(reason). Write one of:\n  2023-Q4"))
            #expect(error.description.contains("last quarter"))
        }
    }

    @Test func leapYearsAndDayCounts() throws {
        #expect(try parse("2024").dayCount == 366)
        #expect(try parse("2023").dayCount == 365)
        #expect(try parse("2024-Q1").dayCount == 91)
        #expect(try parse("2023-Q1").dayCount == 90)
        #expect(try parse("FY2024", fiscal: 7).dayCount == 366)
        #expect(try parse("2024-02-29_2024-02-29").sameLastYear().label == "2023-02-28_2023-02-28")
        #expect(try parse("2023-Q4").contains(LocalDate(iso: "2023-12-31")!))
        #expect(try !parse("2023-Q4").contains(LocalDate(iso: "2024-01-01")!))
    }
}
