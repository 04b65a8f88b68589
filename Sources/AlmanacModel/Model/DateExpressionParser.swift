import Foundation

/// A calendar day as a writer named it, perhaps without its year ("Tuesday, 5 September").
public struct WrittenDay: Hashable, Sendable {
    public var day: Int
    public var month: Int
    public var year: Int?
    /// ISO weekday (1 = Monday) when the text names one.
    public var weekday: Int?
    /// Written with slashes as two numbers that could each be the month ("05/09/2018"): read
    /// in the parser's order, but the other order is as likely.
    public var orderIsAmbiguous = false

    public init(day: Int, month: Int, year: Int? = nil, weekday: Int? = nil) {
        self.day = day
        self.month = month
        self.year = year
        self.weekday = weekday
    }

    /// The day read in the other order: 5 September as 9 May.
    var swapped: WrittenDay {
        var other = self
        (other.day, other.month) = (month, day)
        return other
    }
}

/// One day or a span of days named in text, and where it was written.
public struct DateMention: Hashable, Sendable {
    public var first: WrittenDay
    public var last: WrittenDay
    /// Where the expression sits in the text it was found in.
    public var range: Range<String.Index>

    package init(first: WrittenDay, last: WrittenDay, range: Range<String.Index>) {
        self.first = first
        self.last = last
        self.range = range
    }

    /// True when the text names the year.
    public var hasYear: Bool { last.year != nil || first.year != nil }

    /// Written "05/09/2018": day first and month first are both possible.
    public var isOrderAmbiguous: Bool { first.orderIsAmbiguous || last.orderIsAmbiguous }

    /// The mention with day and month read the other way round.
    public var swapped: DateMention {
        DateMention(first: first.swapped, last: last.swapped, range: range)
    }

    /// The first and last day, with `year` standing in for a year the text leaves out (a
    /// span written "30 December – 2 January" starts in the year before). Nil when a day does
    /// not exist or the span runs backwards.
    public func days(year fallback: Int?) -> (start: LocalDate, end: LocalDate)? {
        guard let lastYear = last.year ?? first.year ?? fallback else { return nil }
        let firstYear = first.year ?? ((first.month, first.day) > (last.month, last.day) ? lastYear - 1 : lastYear)
        guard let start = LocalDate(year: firstYear, month: first.month, day: first.day),
            let end = LocalDate(year: lastYear, month: last.month, day: last.day),
            end >= start
        else { return nil }
        return (start, end)
    }

    /// The days of a mention without a year, counted from the day `reference` the text was
    /// written: the latest such days up to it (a report), or the first from it on when the
    /// text looks `ahead`; a named weekday that fits wins.
    public func days(around reference: LocalDate, ahead: Bool) -> (start: LocalDate, end: LocalDate)? {
        if hasYear { return days(year: nil) }
        let candidates = (reference.year - 1...reference.year + 1).compactMap { days(year: $0) }
        let fitting = candidates.filter(fitsWeekdays)
        let pool = fitting.isEmpty ? candidates : fitting
        return ahead
            ? pool.first { $0.start >= reference } ?? pool.last : pool.last { $0.start <= reference } ?? pool.first
    }

    private func fitsWeekdays(_ span: (start: LocalDate, end: LocalDate)) -> Bool {
        [(first.weekday, span.start), (last.weekday, span.end)].allSatisfy { weekday, day in
            weekday.map { $0 == day.weekday } ?? true
        }
    }

    /// The days of a mention without a year, in the year that puts it closest to `near` (the
    /// year before, the same or the next), preferring a year in which the named weekday fits.
    public func days(near: LocalDate) -> (start: LocalDate, end: LocalDate)? {
        if hasYear { return days(year: nil) }
        // A named weekday fits one year in about seven: look as far as that for it.
        let nearby = (near.year - 1...near.year + 1).compactMap { days(year: $0) }
        let namesWeekday = first.weekday != nil || last.weekday != nil
        let fitting =
            namesWeekday ? (near.year - 6...near.year + 6).compactMap { days(year: $0) }.filter(fitsWeekdays) : []
        let pool = fitting.isEmpty ? nearby : fitting
        return pool.min { abs($0.start.dayNumber - near.dayNumber) < abs($1.start.dayNumber - near.dayNumber) }
    }
}

/// Finds the dates that people write in prose and spreadsheets, by a small grammar over
/// words rather than by patterns on characters:
///
///     mention  = ["from" | "between"] (dayFirst | monthFirst | numeric)
///     dayFirst = days month [year] | day month [year] sep day month [year]
///     days     = day {"," day} [sep day]            ; "5th and 6th", "14-15", "3 to 5"
///     day      = [weekday [","]] ["the"] 1…31 [st|nd|rd|th]
///     month    = ["of"] (January … December | Jan … Dec)
///     monthFirst = [weekday [","]] month day [sep [month] day] [[","] year]
///     numeric  = (d.m.yyyy | d/m/yyyy | yyyy-mm-dd) [sep numeric] | day ["."] sep d.m.yyyy
///     sep      = "-" | "–" | "—" | "to" | "until" | "till" | "through" | "and" | "&" | "/"
///
/// Numeric dates are day-first (5.9.2023 is 5 September) unless `monthFirst` is set, as
/// in the American layouts of Google Calendar and Outlook. With `eitherOrder`, a numeric date
/// that only the other order makes real (10/31/2025 when reading day first, 20.04.2016 when
/// reading month first) is read that way, as news sites mix both; a spreadsheet column keeps
/// one order, and such a cell there is an error that shows the column is written the other way.
public struct DateExpressionParser: Sendable {
    public var monthFirst: Bool
    public var eitherOrder: Bool

    public init(monthFirst: Bool = false, eitherOrder: Bool = false) {
        self.monthFirst = monthFirst
        self.eitherOrder = eitherOrder
    }

    /// Every date expression in `text`, in order.
    public func mentions(in text: String) -> [DateMention] {
        let tokens = DateTokenizer(monthFirst: monthFirst, eitherOrder: eitherOrder).tokens(in: text)
        let grammar = DateGrammar(tokens: tokens)
        var result: [DateMention] = []
        var index = 0
        while index < tokens.count {
            if let (mention, next) = grammar.mention(at: index) {
                result.append(mention)
                index = next
            } else {
                index += 1
            }
        }
        return result
    }

    /// What may follow a cell's date: spaces, tabs and punctuation (Foundation's
    /// `.whitespaces` and `.punctuationCharacters`).
    private static func isSpaceOrPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            true
        default: scalar == "\t"
        }
    }

    /// The date or span that is the whole of `text` (a spreadsheet cell), or nil.
    public func wholeMention(_ text: String) -> DateMention? {
        let trimmed = text.trimmedSpaces
        let found = mentions(in: trimmed)
        guard found.count == 1, let mention = found.first else { return nil }
        let rest = trimmed[mention.range.upperBound...].unicodeScalars.drop(while: Self.isSpaceOrPunctuation)
        let before = trimmed[..<mention.range.lowerBound].trimmedSpaces
        let allowedBefore = ["", "on", "from", "between"]
        return rest.isEmpty && allowedBefore.contains(before.lowercased()) ? mention : nil
    }
}

// MARK: - Tokens

struct DateToken {
    enum Kind: Equatable {
        case number(Int, digits: Int)
        case numericDate(WrittenDay)
        case month(Int)
        /// A month named in another language than English ("juin", "marta"), a month only
        /// after a day.
        case foreignMonth(Int)
        case weekday(Int)
        case word(String)
        case separator
        case comma
        /// A full stop, which may close a day number ("24.–26.09.2024").
        case fullStop
        /// Other punctuation, which ends an expression.
        case stop
    }

    var kind: Kind
    var range: Range<String.Index>
}

package struct DateTokenizer {
    var monthFirst: Bool
    var eitherOrder: Bool

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    package static let months: [String: Int] = {
        var table: [String: Int] = [:]
        for (offset, name) in monthNames.enumerated() {
            table[name] = offset + 1
            table[String(name.prefix(3))] = offset + 1
        }
        table["sept"] = 9
        return table
    }()

    package static let weekdays: [String: Int] = {
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        var table: [String: Int] = [:]
        for (offset, name) in names.enumerated() {
            table[name] = offset + 1
            table[String(name.prefix(3))] = offset + 1
        }
        table["tues"] = 2
        table["thur"] = 4
        table["thurs"] = 4
        return table
    }()

    static let separatorWords: Set<String> = ["to", "until", "till", "til", "through", "thru", "and"]
    /// "to" and "and" in the languages of ``ForeignMonthNames``, between two days before a
    /// month: "du 5 au 7 juin", "del 5 al 7 de junio", "vom 5. bis 7. Juni", "od 1. jula do 1.
    /// septembra", "5 dhe 6 prill", "5 sampai 7 Juni", "de la 6 la 7 martie", "27 έως 31 Μαρτίου",
    /// "12 ve 13 Mayıs", "med 10. in 15. aprilom". Short and common words elsewhere ("a", "e",
    /// "i", "do", "la", "in"), they join days only there (and before a numeric date: "29. i
    /// 30. 8. 2013.").
    static let foreignSeparatorWords: Set<String> = [
        "au", "et", "al", "a", "y", "hasta", "e", "bis", "und", "do", "i", "deri", "dhe", "sampai", "hingga", "dan",
        "до", "и", "la", "și", "şi", "έως", "και", "ve", "in",
    ]
    /// Words between a day and its month or year in other languages: "5 de junio de 2023".
    package static let foreignOfWords: Set<String> = ["de", "del"]
    /// Articles before a day: "le 12 mars", "el 5 de junio", "il 5 giugno", "më 12 prill".
    static let foreignArticles: Set<String> = ["le", "el", "il", "më"]

    /// The month `word` names when written right after a day, in English or another language.
    package static func month(afterADay word: String) -> Int? {
        months[word] ?? ForeignMonthNames.table[word]
    }
    static let dashes: Set<Character> = ["-", "–", "—", "‑", "−", "&", "/"]

    func tokens(in text: String) -> [DateToken] {
        var tokens: [DateToken] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if character.isASCII, character.isNumber {
                let token = number(in: text, at: index)
                tokens.append(token)
                index = token.range.upperBound
            } else if character.isLetter {
                var end = index
                while end < text.endIndex, text[end].isLetter { end = text.index(after: end) }
                let word = text[index..<end].lowercased()
                if end < text.endIndex, text[end] == ".", Self.months[word] != nil || Self.weekdays[word] != nil,
                    word.count <= 5
                {
                    end = text.index(after: end)
                }
                tokens.append(DateToken(kind: wordKind(word), range: index..<end))
                index = end
            } else {
                let next = text.index(after: index)
                let kind: DateToken.Kind =
                    character == ","
                    ? .comma : character == "." ? .fullStop : Self.dashes.contains(character) ? .separator : .stop
                tokens.append(DateToken(kind: kind, range: index..<next))
                index = next
            }
        }
        return tokens
    }

    private func wordKind(_ word: String) -> DateToken.Kind {
        if let month = Self.months[word] { return .month(month) }
        if let month = ForeignMonthNames.table[word] { return .foreignMonth(month) }
        if let weekday = Self.weekdays[word] { return .weekday(weekday) }
        if Self.separatorWords.contains(word) { return .separator }
        return .word(word)
    }

    /// A number, an ordinal ("5th"), or a whole numeric date (`2023-09-05`, `5.9.2023`).
    private func number(in text: String, at start: String.Index) -> DateToken {
        let groups = digitGroups(in: text, at: start)
        if let date = numericDate(groups) { return DateToken(kind: .numericDate(date.day), range: start..<date.end) }
        let spaced = digitGroups(in: text, at: start, spacedDots: true)
        if spaced.map(\.0.count).last == 4, let date = numericDate(spaced), groups.count < 3 {
            return DateToken(kind: .numericDate(date.day), range: start..<date.end)
        }
        let (value, end) = groups[0]
        var tokenEnd = end
        // An ordinal suffix, only when no letter follows it ("5th", not "5thousand").
        var suffixEnd = end
        while suffixEnd < text.endIndex, text[suffixEnd].isLetter, text.distance(from: end, to: suffixEnd) < 3 {
            suffixEnd = text.index(after: suffixEnd)
        }
        let suffix = text[end..<suffixEnd].lowercased()
        if ["st", "nd", "rd", "th", "º"].contains(suffix) || suffix == "er" && value == "1",
            suffixEnd == text.endIndex || !text[suffixEnd].isLetter
        {
            tokenEnd = suffixEnd
        }
        let digits = text.distance(from: start, to: end)
        return DateToken(kind: .number(Int(value) ?? -1, digits: digits), range: start..<tokenEnd)
    }

    /// Up to three runs of digits joined by one of `-./`, all with the same joiner; with
    /// `spacedDots`, a full stop and one space join them ("16. 12. 2024", as Slovenian and
    /// Croatian sites write dates).
    private func digitGroups(in text: String, at start: String.Index, spacedDots: Bool = false) -> [(
        Substring, String.Index
    )] {
        var groups: [(Substring, String.Index)] = []
        var index = start
        var joiner: Character?
        while groups.count < 3 {
            var end = index
            while end < text.endIndex, text[end].isASCII, text[end].isNumber { end = text.index(after: end) }
            guard end > index else { break }
            groups.append((text[index..<end], end))
            guard end < text.endIndex, "-./".contains(text[end]), joiner == nil || joiner == text[end] else { break }
            var after = text.index(after: end)
            if spacedDots, text[end] == ".", after < text.endIndex, text[after] == " " {
                after = text.index(after: after)
            }
            guard after < text.endIndex, text[after].isASCII, text[after].isNumber else { break }
            joiner = text[end]
            index = after
        }
        return groups
    }

    private func numericDate(_ groups: [(Substring, String.Index)]) -> (day: WrittenDay, end: String.Index)? {
        guard groups.count == 3, let a = Int(groups[0].0), let b = Int(groups[1].0), let c = Int(groups[2].0) else {
            return nil
        }
        let lengths = groups.map(\.0.count)
        let joiner = groups[0].0.base[groups[0].0.endIndex]
        // Year first: 2023-09-05, and 2011.10.04 or 2011/10/04 as some sites print it.
        if lengths[0] == 4, lengths[1] <= 2, lengths[2] <= 2, joiner != "-" || lengths == [4, 2, 2] {
            return (WrittenDay(day: c, month: b, year: a), groups[2].1)
        }
        guard joiner != "-", lengths[0] <= 2, lengths[1] <= 2, lengths[2] == 4 else { return nil }
        var (day, month) = monthFirst ? (b, a) : (a, b)
        // Only one order gives a month: 10/31/2025 is month first, 31/10/2025 day first (and
        // 20.04.2016 is day first in a file whose slash dates are month first).
        if eitherOrder, month > 12, day <= 12 { (day, month) = (month, day) }
        var written = WrittenDay(day: day, month: month, year: c)
        written.orderIsAmbiguous = joiner == "/" && a <= 12 && b <= 12 && a != b
        return (written, groups[2].1)
    }
}

/// A month name written with a slip of the keyboard ("Novmber", "Janaury", "Septembar"): a
/// word of four or more letters, with the first letter right, within two edits of exactly
/// one month's full name ("jury" is near both July and June, so neither), and within one
/// edit when that name has five letters or fewer ("mayor" is no May).
enum MisspeltMonth {
    static func month(_ word: String) -> Int? {
        guard word.count >= 4 else { return nil }
        // Only a name with the same first letter is compared: the distance costs more than words count.
        let close = DateTokenizer.monthNames.enumerated().compactMap { offset, name -> (month: Int, fits: Bool)? in
            guard name.first == word.first else { return nil }
            let distance = Spelling.distance(word, name)
            return distance <= 2 ? (month: offset + 1, fits: distance <= (name.count > 5 ? 2 : 1)) : nil
        }
        guard close.count == 1, let only = close.first, only.fits else { return nil }
        return only.month
    }
}

// MARK: - Grammar

/// Recursive descent over the tokens; every rule returns its value and the next index.
struct DateGrammar {
    let tokens: [DateToken]

    private func kind(_ index: Int) -> DateToken.Kind? {
        index < tokens.count ? tokens[index].kind : nil
    }

    private func isWord(_ index: Int, _ words: Set<String>) -> Bool {
        if case .word(let word)? = kind(index) { return words.contains(word) }
        return false
    }

    /// The longest mention that starts at `index`.
    func mention(at index: Int) -> (DateMention, Int)? {
        let start = isWord(index, ["from", "between"]) ? index + 1 : index
        let candidates = [
            dayFirstSpan(start), dayFirstList(start), monthFirst(start), numeric(start), numericDays(start),
            numericDayMonths(start),
        ].compactMap { $0 }
        guard let best = candidates.max(by: { $0.next < $1.next }) else { return nil }
        let range = tokens[start].range.lowerBound..<tokens[best.next - 1].range.upperBound
        return (DateMention(first: best.first, last: best.last, range: range), best.next)
    }

    private typealias Span = (first: WrittenDay, last: WrittenDay, next: Int)

    // [weekday [","]]
    private func weekday(_ index: Int) -> (weekday: Int?, next: Int) {
        guard case .weekday(let value)? = kind(index) else { return (nil, index) }
        return (value, kind(index + 1) == .comma ? index + 2 : index + 1)
    }

    // day = [weekday [","]] ["the" | article] 1…31 [ordinal] ["." before a month's name: "30. jul 2024"]
    private func day(_ index: Int) -> (day: Int, weekday: Int?, next: Int)? {
        let (weekday, afterWeekday) = self.weekday(index)
        let i =
            isWord(afterWeekday, ["the"]) || isWord(afterWeekday, DateTokenizer.foreignArticles)
            ? afterWeekday + 1 : afterWeekday
        guard case .number(let value, let digits)? = kind(i), digits <= 2, (1...31).contains(value) else { return nil }
        if kind(i + 1) == .fullStop, monthName(i + 2, afterADay: true) != nil { return (value, weekday, i + 2) }
        return (value, weekday, i + 1)
    }

    // month = ["of" | "de"] name, after a day
    private func month(_ index: Int) -> (month: Int, next: Int)? {
        let i = isWord(index, ["of"]) || isWord(index, DateTokenizer.foreignOfWords) ? index + 1 : index
        return monthName(i, afterADay: true).map { ($0, i + 1) }
    }

    /// The month named at `index`, misspelt or not: the grammar asks only where a month
    /// stands beside a day, so "22 Novmber" is November while "jury" elsewhere is no month.
    /// A name in another language counts only `afterADay`: "12 mars" is March, "Mars 12" no date.
    private func monthName(_ index: Int, afterADay: Bool = false) -> Int? {
        switch kind(index) {
        case .month(let value)?: value
        case .foreignMonth(let value)?: afterADay ? value : nil
        case .word(let word)?: MisspeltMonth.month(word)
        default: nil
        }
    }

    // ["," | "of" | "de"] yyyy: "11-13th December of 2020"
    private func year(_ index: Int) -> (year: Int?, next: Int) {
        let i =
            kind(index) == .comma || isWord(index, ["of"]) || isWord(index, DateTokenizer.foreignOfWords)
            ? index + 1 : index
        if case .number(let value, 4)? = kind(i), (1900...2199).contains(value) { return (value, i + 1) }
        return (nil, index)
    }

    private func separator(_ index: Int) -> Int? {
        kind(index) == .separator ? index + 1 : nil
    }

    /// A separator between two days that a month follows, in English or another language; a
    /// full stop may come before it ("vom 5. bis 7. Juni", "5. i 6. juna", "od 30. juna 2024.
    /// do 2. jula"), but after a year not before a one-letter word, which may open the next
    /// sentence ("… 2023. A 7 …").
    private func daySeparator(_ index: Int, afterYear: Bool = false) -> Int? {
        let afterStop = kind(index) == .fullStop
        let i = afterStop ? index + 1 : index
        if let next = separator(i) { return next }
        guard case .word(let word)? = kind(i), DateTokenizer.foreignSeparatorWords.contains(word),
            !(afterStop && afterYear && word.count == 1)
        else { return nil }
        return i + 1
    }

    /// "5th and 6th of September 2023", "14-15 November", "3 to 5 May", "5, 6 and 7 June".
    private func dayFirstList(_ index: Int) -> Span? {
        guard let first = day(index) else { return nil }
        var last = first
        var i = first.next
        while kind(i) == .comma, let next = day(i + 1) {
            last = next
            i = next.next
        }
        if let afterSeparator = daySeparator(i), let next = day(afterSeparator) {
            last = next
            i = next.next
        }
        guard let month = month(i) else { return nil }
        let year = year(month.next)
        return (
            WrittenDay(day: first.day, month: month.month, year: year.year, weekday: first.weekday),
            WrittenDay(day: last.day, month: month.month, year: year.year, weekday: last.weekday), year.next
        )
    }

    /// "30 November – 1 December 2023", "30 December 2023 to 2 January 2024".
    private func dayFirstSpan(_ index: Int) -> Span? {
        guard let first = day(index), let firstMonth = month(first.next) else { return nil }
        let firstYear = year(firstMonth.next)
        guard let afterSeparator = daySeparator(firstYear.next, afterYear: firstYear.year != nil),
            let last = day(afterSeparator),
            let lastMonth = month(last.next)
        else { return nil }
        let lastYear = year(lastMonth.next)
        return (
            WrittenDay(day: first.day, month: firstMonth.month, year: firstYear.year, weekday: first.weekday),
            WrittenDay(
                day: last.day, month: lastMonth.month, year: lastYear.year ?? firstYear.year, weekday: last.weekday),
            lastYear.next
        )
    }

    /// "September 5, 2023", "Tuesday, September 5th", "November 30 – December 1, 2023".
    private func monthFirst(_ index: Int) -> Span? {
        var (weekday, i) = self.weekday(index)
        guard let firstMonth = monthName(i), let first = day(i + 1), first.weekday == nil else { return nil }
        var lastMonth = firstMonth
        var lastDay = first.day
        i = first.next
        if let afterSeparator = separator(i) {
            var j = afterSeparator
            if let value = monthName(j) {
                lastMonth = value
                j += 1
            }
            if let last = day(j), last.weekday == nil {
                lastDay = last.day
                i = last.next
            }
        }
        let year = year(i)
        return (
            WrittenDay(day: first.day, month: firstMonth, year: year.year, weekday: weekday),
            WrittenDay(day: lastDay, month: lastMonth, year: year.year), year.next
        )
    }

    /// "21-23.05.2024", "15–16.10.2024", "24.–26.09.2024", "29. i 30. 8. 2013.": days of the
    /// month of a numeric date.
    private func numericDays(_ index: Int) -> Span? {
        guard let first = day(index), first.weekday == nil,
            let afterSeparator = daySeparator(first.next), case .numericDate(let last)? = kind(afterSeparator)
        else { return nil }
        return (WrittenDay(day: first.day, month: last.month, year: last.year), last, afterSeparator + 1)
    }

    /// "26.11 – 30.11.2012": a day and month with a full stop between, then the whole numeric
    /// date that ends the span and gives its year; a full stop and another language's "to" may
    /// come between ("od 20.09. do 21.09.2010.").
    private func numericDayMonths(_ index: Int) -> Span? {
        guard case .number(let day, let dayDigits)? = kind(index), dayDigits <= 2, kind(index + 1) == .fullStop,
            case .number(let month, let monthDigits)? = kind(index + 2), monthDigits <= 2, (1...12).contains(month),
            let afterSeparator = daySeparator(index + 3), case .numericDate(let last)? = kind(afterSeparator)
        else { return nil }
        return (WrittenDay(day: day, month: month, year: last.year), last, afterSeparator + 1)
    }

    /// "2023-09-05", "5.9.2023", "Wednesday 05/09/2018", "05/09/2023 – 06/09/2023", "од
    /// 07.11.2023 до 09.11.2023".
    private func numeric(_ index: Int) -> Span? {
        let (weekday, start) = self.weekday(index)
        guard case .numericDate(var first)? = kind(start) else { return nil }
        first.weekday = weekday
        if let afterSeparator = daySeparator(start + 1, afterYear: true),
            case .numericDate(let last)? = kind(afterSeparator)
        {
            return (first, last, afterSeparator + 1)
        }
        return (first, first, start + 1)
    }
}
