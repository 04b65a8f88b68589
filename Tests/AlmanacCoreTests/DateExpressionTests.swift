import PropertyBased
import Testing

@testable import AlmanacModel

@Suite struct DateExpressionTests {
    /// The first date expression in `text`, as ISO start and end; years left out become 2023.
    private func days(_ text: String, monthFirst: Bool = false, eitherOrder: Bool = false) -> String? {
        guard
            let mention = DateExpressionParser(monthFirst: monthFirst, eitherOrder: eitherOrder).mentions(in: text)
                .first,
            let span = mention.days(year: 2023)
        else { return nil }
        return "\(span.start)…\(span.end)"
    }

    @Test(arguments: [
        // Every form of the sample.
        ("On the 5th and 6th of September 2023 in Budva", "2023-09-05…2023-09-06"),
        ("On 12th September 2023, HoS met", "2023-09-12…2023-09-12"),
        ("held a meeting with DG NEAR on the 16th of October 2023 on", "2023-10-16…2023-10-16"),
        ("A meeting held on 17 October 2023 aimed", "2023-10-17…2023-10-17"),
        ("met in Skopje, North Macedonia on 17th and 18th October 2023.", "2023-10-17…2023-10-18"),
        ("in Tirana on the 1st and 2nd of November 2023.", "2023-11-01…2023-11-02"),
        ("held in Rome on 14-15 November 2023, focused", "2023-11-14…2023-11-15"),
        ("On the 30 – 31 of January 2024, the Head", "2024-01-30…2024-01-31"),
        ("On 8th of February 2024, IISG", "2024-02-08…2024-02-08"),
        // What the same writers also use.
        ("from 30 November – 1 December 2023", "2023-11-30…2023-12-01"),
        ("30 December 2023 to 2 January 2024", "2023-12-30…2024-01-02"),
        ("from 3 to 5 May 2024", "2024-05-03…2024-05-05"),
        ("between 10 and 12 April 2024", "2024-04-10…2024-04-12"),
        ("from 9 until 11 April 2024", "2024-04-09…2024-04-11"),
        ("on 5, 6 and 7 June 2024", "2024-06-05…2024-06-07"),
        ("September 5, 2023", "2023-09-05…2023-09-05"),
        ("on March 5th and 6th, 2024", "2024-03-05…2024-03-06"),
        ("November 30 – December 1, 2023", "2023-11-30…2023-12-01"),
        ("on 5.9.2023", "2023-09-05…2023-09-05"),
        ("on 14/12/2023", "2023-12-14…2023-12-14"),
        ("on 2023-09-05", "2023-09-05…2023-09-05"),
        ("from 5.9.2023 to 7.9.2023", "2023-09-05…2023-09-07"),
        ("in the period 21-23.05.2024", "2024-05-21…2024-05-23"),
        ("U vremenu od 20.09. do 21.09.2010. godine u Skoplju", "2010-09-20…2010-09-21"),
        ("Во периодот од 07.11.2023 до 09.11.2023 година", "2023-11-07…2023-11-09"),
        ("was held on 11-13th December of 2020", "2020-12-11…2020-12-13"),
        // Misspelt months, where a month stands.
        ("On 22 Novmber 2023 in", "2023-11-22…2023-11-22"),
        ("on 30 Janaury 2025", "2025-01-30…2025-01-30"),
        ("on 25th and 26th of Septembar 2024", "2024-09-25…2024-09-26"),
        ("on 11-12 Febuary 2025", "2025-02-11…2025-02-12"),
        ("Ocotber 3, 2024", "2024-10-03…2024-10-03"),
        ("on 15–16.10.2024", "2024-10-15…2024-10-16"),
        ("in Budva, 24.–26.09.2024", "2024-09-24…2024-09-26"),
        // A day and month with a full stop, to a whole date in another month.
        ("în perioada 26.11 – 30.11.2012 la", "2012-11-26…2012-11-30"),
        ("from 28.10 to 3.11.2024", "2024-10-28…2024-11-03"),
        ("On Tuesday, 5 September 2023", "2023-09-05…2023-09-05"),
        ("From Monday 27 to Wednesday 29 November 2023", "2023-11-27…2023-11-29"),
        ("On Tuesday, March 19, 2024", "2024-03-19…2024-03-19"),
        ("on 23rd-25th January 2024", "2024-01-23…2024-01-25"),
        ("on 10–11 Sept. 2024", "2024-09-10…2024-09-11"),
        ("On 21 May, the Secretariat", "2023-05-21…2023-05-21"),
        ("from 28 December to 2 January", "2022-12-28…2023-01-02"),
        // A full stop after the day, before a month's name, as Serbian sites write it.
        ("30. jul 2024 19:12", "2024-07-30…2024-07-30"),
    ])
    func readsEachForm(text: String, expected: String) {
        #expect(days(text) == expected)
    }

    /// Month names in other languages, and the words their dates are written with.
    @Test(arguments: [
        ("le 12 mars 2024", "2024-03-12…2024-03-12"),
        ("În perioada 06-07 martie 2023, la sediul", "2023-03-06…2023-03-07"),
        ("w dniach 16-18 stycznia 2019 r.", "2019-01-16…2019-01-18"),
        ("16 grudnia 2014 roku", "2014-12-16…2014-12-16"),
        ("από 27 έως 31 Μαρτίου 2023", "2023-03-27…2023-03-31"),
        ("την Παρασκευή 31 ΜΑΡΤΙΟΥ 2023", "2023-03-31…2023-03-31"),
        ("12 ve 13 Mayıs 2022 tarihinde", "2022-05-12…2022-05-13"),
        ("6 și 7 martie 2023", "2023-03-06…2023-03-07"),
        ("le 1er mars 2024", "2024-03-01…2024-03-01"),
        ("du 5 au 7 février 2019 à Kigali", "2019-02-05…2019-02-07"),
        ("ce mardi 28 juin 2022, au Palais", "2022-06-28…2022-06-28"),
        ("les 5 et 6 décembre 2023", "2023-12-05…2023-12-06"),
        ("el 5 de junio de 2023", "2023-06-05…2023-06-05"),
        ("del 5 al 7 de junio de 2023", "2023-06-05…2023-06-07"),
        ("entre el 5 y el 7 de junio de 2023", "2023-06-05…2023-06-07"),
        ("del 30 de junio al 2 de julio de 2023", "2023-06-30…2023-07-02"),
        ("Santiago de Querétaro, Qro; 31 de mayo de 2023.- La", "2023-05-31…2023-05-31"),
        ("el 1º de septiembre del 2023", "2023-09-01…2023-09-01"),
        ("de 5 a 7 de junho de 2023", "2023-06-05…2023-06-07"),
        ("dal 5 al 7 giugno 2023", "2023-06-05…2023-06-07"),
        ("il 5 giugno 2023", "2023-06-05…2023-06-05"),
        ("am 5. Juni 2023", "2023-06-05…2023-06-05"),
        ("vom 5. bis 7. Juni 2023", "2023-06-05…2023-06-07"),
        ("12. März 2024", "2024-03-12…2024-03-12"),
        ("12. marta 2024. godine", "2024-03-12…2024-03-12"),
        ("od 1. jula do 1. septembra", "2023-07-01…2023-09-01"),
        ("5. i 6. juna 2024.", "2024-06-05…2024-06-06"),
        // Days before a numeric date joined by another language's "and"; Slovenian months in the
        // instrumental after "med" (between).
        ("Dana 29. i 30. 8. 2013. godine održana je obuka", "2013-08-29…2013-08-30"),
        ("od 5 do 7.06.2024", "2024-06-05…2024-06-07"),
        ("sta se med 10. in 15. aprilom 2011 v Srbiji udeležila", "2011-04-10…2011-04-15"),
        ("med 30. decembrom 2010 in 2. januarjem 2011", "2010-12-30…2011-01-02"),
        ("od 30. juna 2024. do 2. jula 2024.", "2024-06-30…2024-07-02"),
        ("17. siječnja 2024.", "2024-01-17…2024-01-17"),
        ("12. listopada 2023.", "2023-10-12…2023-10-12"),
        ("5. studenoga 2023.", "2023-11-05…2023-11-05"),
        ("14. marca 2023", "2023-03-14…2023-03-14"),
        ("12 prill 2024", "2024-04-12…2024-04-12"),
        ("më 12 prill 2024", "2024-04-12…2024-04-12"),
        ("5 dhe 6 qershor 2024", "2024-06-05…2024-06-06"),
        ("më 3 nëntor 2023", "2023-11-03…2023-11-03"),
        ("5 Juni 2023", "2023-06-05…2023-06-05"),
        ("17 Agustus 2023", "2023-08-17…2023-08-17"),
        ("20 Mei 2023", "2023-05-20…2023-05-20"),
        ("5 sampai 7 Desember 2023", "2023-12-05…2023-12-07"),
        ("5 марта 2023 г.", "2023-03-05…2023-03-05"),
        ("12 травня 2023 року", "2023-05-12…2023-05-12"),
        ("5 листопада 2023", "2023-11-05…2023-11-05"),
        ("ТБИЛИСИ, 17 ноя 2010 -", "2010-11-17…2010-11-17"),
        ("5 сент 2023", "2023-09-05…2023-09-05"),
        ("12 мај 2024", "2024-05-12…2024-05-12"),
        ("од 5 до 7 јуни 2024", "2024-06-05…2024-06-07"),
    ])
    func readsOtherLanguages(text: String, expected: String) {
        #expect(days(text) == expected)
    }

    /// A month's name in another language is one only after a day: "Mai", "Mart" or
    /// "Listopad" elsewhere are no months, nor is one written month first; "May" stays English,
    /// and the other languages' "and" or "to" joins days only before a month.
    @Test func foreignMonthsOnlyAfterADay() {
        for text in [
            "Mai 2024", "Mars 12", "the Mart 24 hours", "Listopad 5", "in the Mai-Ndombe province", "Juni 5, 2023",
        ] {
            #expect(days(text) == nil, "\(text)")
        }
        #expect(days("in May 2024 on May 5") == "2023-05-05…2023-05-05")
        #expect(days("on May 5 a 6-member team arrived") == "2023-05-05…2023-05-05")
        #expect(days("on May 5 i 6 members") == "2023-05-05…2023-05-05")
        #expect(days("on 5 May 2023. A 7 June deadline") == "2023-05-05…2023-05-05")
    }

    @Test func numericDatesAreMonthFirstOnlyWhenAsked() {
        #expect(days("9/5/2023") == "2023-05-09…2023-05-09")
        #expect(days("9/5/2023", monthFirst: true) == "2023-09-05…2023-09-05")
        // Only one order gives a month: news mixes both; a spreadsheet's column keeps one.
        #expect(days("10/31/2025", eitherOrder: true) == "2025-10-31…2025-10-31")
        #expect(days("31/10/2025", monthFirst: true, eitherOrder: true) == "2025-10-31…2025-10-31")
        #expect(days("10/31/2025") == nil)
    }

    @Test func notDates() {
        for text in [
            "12 jury members", "5 Lane", "4 mayor", "the next phase (2024-2026)", "over 100 participants",
            "the 14th Regional Network", "May the Board decide", "version 1.2.3", "31 February 2023",
        ] {
            #expect(days(text) == nil, "\(text)")
        }
    }

    @Test func aYearIsChosenNearTheNeighbourAndByTheWeekday() throws {
        let mention = try #require(DateExpressionParser().mentions(in: "on 15 January").first)
        let near = try #require(LocalDate(year: 2023, month: 12, day: 10))
        #expect(mention.days(near: near)?.start.description == "2024-01-15")
        // Tuesday 5 September is 2023, not 2024 (a Thursday).
        let weekday = try #require(DateExpressionParser().mentions(in: "on Tuesday 5 September").first)
        #expect(
            weekday.days(near: try #require(LocalDate(year: 2024, month: 3, day: 1)))?.start.description == "2023-09-05"
        )
    }

    @Test func wholeCellsOnly() {
        #expect(DateExpressionParser().wholeMention("5-6 September 2023") != nil)
        #expect(DateExpressionParser().wholeMention("meeting on 5 September 2023 in Tirana") == nil)
    }

    // MARK: Property: render random spans in every style, parse them back

    /// The ways writers put a span of days; each renders the spans it can express.
    enum Style: CaseIterable, Sendable {
        case ordinalsOf, dashed, spacedEnDash, fromTo, between, until, monthFirst, numericDots, numericDays,
            numericSlashes, iso, weekdays

        static let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

        func render(_ start: LocalDate, _ end: LocalDate) -> String? {
            let (y1, m1, d1) = start.components
            let (y2, m2, d2) = end.components
            let sameMonth = y1 == y2 && m1 == m2
            let month1 = Self.months[m1 - 1]
            let month2 = Self.months[m2 - 1]
            func ordinal(_ day: Int) -> String {
                let suffix = (11...13).contains(day % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][day % 10] ?? "th"
                return "\(day)\(suffix)"
            }
            func dayFirst(_ separator: String) -> String {
                if start == end { return "\(d1) \(month1) \(y1)" }
                if sameMonth { return "\(d1)\(separator)\(d2) \(month1) \(y1)" }
                if y1 == y2 { return "\(d1) \(month1)\(separator)\(d2) \(month2) \(y2)" }
                return "\(d1) \(month1) \(y1)\(separator)\(d2) \(month2) \(y2)"
            }
            switch self {
            case .ordinalsOf:
                guard sameMonth else { return nil }
                return start == end
                    ? "on the \(ordinal(d1)) of \(month1) \(y1)"
                    : "on the \(ordinal(d1)) and \(ordinal(d2)) of \(month1) \(y1)"
            case .dashed: return "held on " + dayFirst("-")
            case .spacedEnDash: return "On " + dayFirst(" – ")
            case .fromTo: return "from " + dayFirst(" to ")
            case .between:
                guard start != end else { return nil }
                return "between " + dayFirst(" and ")
            case .until: return "from " + dayFirst(" until ")
            case .monthFirst:
                if start == end { return "\(month1) \(d1), \(y1)" }
                if sameMonth { return "\(month1) \(d1)-\(d2), \(y1)" }
                guard y1 == y2 else { return nil }
                return "\(month1) \(d1) – \(month2) \(d2), \(y1)"
            case .numericDots:
                return start == end ? "on \(d1).\(m1).\(y1)" : "from \(d1).\(m1).\(y1) to \(d2).\(m2).\(y2)"
            case .numericDays:
                guard sameMonth, start != end else { return nil }
                let separator = ["-", "–", ".–", ". - "][d1 % 4]
                return "in the period \(d1)\(separator)\(pad(d2, 2)).\(pad(m1, 2)).\(y1)"
            case .numericSlashes:
                return start == end
                    ? "on \(pad(d1, 2))/\(pad(m1, 2))/\(y1)"
                    : "\(pad(d1, 2))/\(pad(m1, 2))/\(y1) – \(pad(d2, 2))/\(pad(m2, 2))/\(y2)"
            case .iso: return start == end ? "on \(start)" : "\(start) to \(end)"
            case .weekdays:
                let w1 = Self.weekdayNames[start.weekday - 1]
                let w2 = Self.weekdayNames[end.weekday - 1]
                if start == end { return "On \(w1), \(d1) \(month1) \(y1)" }
                guard sameMonth else { return nil }
                return "from \(w1) \(d1) to \(w2) \(d2) \(month1) \(y1)"
            }
        }
    }

    @Test func everyStyleReadsBackShortSpans() async {
        await propertyCheck(count: 400, input: Gen<Style>.case, Gen.int(in: 7_300...25_000), Gen.int(in: 0...4)) {
            style, day, length in
            let start = LocalDate(dayNumber: day)
            let end = start.adding(days: length)
            guard let text = style.render(start, end) else { return }
            let found = DateExpressionParser().mentions(in: "The meeting was \(text) in Skopje.")
            #expect(found.count == 1, "\(text)")
            #expect(found.first?.days(year: nil).map { "\($0.start)…\($0.end)" } == "\(start)…\(end)", "\(text)")
        }
    }

    @Test func everyStyleReadsBackLongSpans() async {
        await propertyCheck(count: 400, input: Gen<Style>.case, Gen.int(in: 7_300...25_000), Gen.int(in: 0...70)) {
            style, day, length in
            let start = LocalDate(dayNumber: day)
            let end = start.adding(days: length)
            guard let text = style.render(start, end) else { return }
            #expect(
                DateExpressionParser().mentions(in: text).first?.days(year: nil).map { "\($0.start)…\($0.end)" }
                    == "\(start)…\(end)", "\(text)")
        }
    }
}
