import AlmanacModel

/// The day a news item was written: the day "today", "yesterday" and "on Tuesday" count from,
/// and the year of a day and month written without one. It is the date of a publication line
/// under the title ("Publishing date: 3 November 2021", "Posted on 19.10.2022", "06 July 2011",
/// "Published date 31.07.2018 16:00 | Author PR Service") or of a dateline at the start of a
/// paragraph ("SKOPJE, 9 December 2009 - …", "Podgorica, May 3, 2023 – …", "SARAJEVO, Bosnia
/// (October 10,2007) – …", "PESHAWAR, (UrduPoint / Pakistan Point News - 28th Nov, 2022 ) :…",
/// "Vienna, Skopje | 11 April 2016 | …", "18 December 2018, Budapest,
/// Hungary: …"). Only a single day with its year counts: a span ("18-19 December 2018, Vienna")
/// is the activity's own date. A dateline without its year ("Ashgabat, Turkmenistan, Nov. 30")
/// counts under a publication line, which gives the year; a labelled publication line may also
/// close the item ("publié le 02/10/2019").
struct NewsReference {
    enum Kind: Equatable {
        case published
        case dateline
    }

    var day: LocalDate
    var kind: Kind
    /// Where its date is written in the body, so that it is not read as the activity's.
    var range: Range<String.Index>
    /// Every publication line's and dateline's date in the body, this one's among them.
    var ranges: [Range<String.Index>] = []

    /// Words a publication line may hold besides its date and capitalised words (labels, names),
    /// in English and in the other languages whose dates the grammar reads ("publié le",
    /// "publicado el", "objavljeno", "publikuar më", "diterbitkan pada").
    private static let publicationWords: Set<String> = Set([
        "date", "on", "posted", "published", "publishing", "publication", "updated", "last", "at", "by", "author", "am",
        "pm", "press", "release", "news",
        // "14.01.2016. godine – Saopštenje": the year's word of a date, and a statement's label.
        "godine", "године", "saopštenje", "saopstenje", "saopćenje", "priopćenje", "саопштење", "соопштение",
    ]).union(publicationLabels).union([
        "le", "à", "jour", "mis", "el", "em", "il", "am", "um", "de", "del", "da", "dne", "më", "pada", "tanggal",
        "fecha", "data", "datum", "günü", "tarihinde",
        // Arabic pages' "تاريخ النشر: 2012/05/15 - 12:36 مساءا" (date of publication, pm): a
        // script without capitals, whose words are labels here.
        "تاريخ", "النشر", "مساءا", "مساء", "صباحا", "صباحاً", "مساءً",
    ])
    /// Words that say a line is the item's publication line: a date with one of them may close
    /// the item ("publie le 02/10/2019") as well as stand under its title.
    private static let publicationLabels: Set<String> = [
        "posted", "published", "publishing", "publication", "updated", "publié", "publie", "publiée", "publicado",
        "publicada", "publicação", "pubblicato", "veröffentlicht", "objavljeno", "objavljen", "publikuar",
        "postuar", "diterbitkan", "dipublikasikan", "diposting", "yayınlandı", "yayımlandı", "opublikowano",
        "publicat", "publicată", "δημοσιεύθηκε", "δημοσιεύτηκε", "النشر",
        // "Copyright © The Ukrainian Weekly, October 8, 2006, No. 41": the issue the item is from.
        "copyright",
    ]
    /// Capitalised words that open a sentence, not a dateline: "On 7 June 2024 – …".
    private static let sentenceOpeners: Set<String> = [
        "on", "from", "between", "during", "in", "at", "since", "until", "by", "the", "held", "this", "last", "as",
        "after", "before",
    ]
    private static let datelineMarks: Set<String> = ["-", "–", "—", ":", "|"]
    /// Lower-case words inside a place's name: "Santiago de Querétaro", "Brdo pri Kranju".
    private static let placeParticles: Set<String> = [
        "de", "del", "la", "las", "los", "da", "do", "dos", "das", "di", "pri", "na", "am", "an", "sur", "upon",
    ]

    /// The reference date of an item whose text is `body`, found in its first two paragraphs:
    /// a dateline, which the text's "today" counts from, else a publication line.
    static func find(in body: String, title: String, mentions: [DateMention]) -> NewsReference? {
        var paragraphStart = body.startIndex
        var found: [NewsReference] = []
        // The dates of lines that only date the page, above the item's own (see below).
        var pageDates: [Range<String.Index>] = []
        var examined = 0
        var headings = 0
        while examined < 2, paragraphStart < body.endIndex {
            let paragraphEnd =
                body.range(of: "\n\n", range: paragraphStart..<body.endIndex)?.lowerBound ?? body.endIndex
            let inParagraph = mentions.filter {
                $0.range.lowerBound >= paragraphStart && $0.range.upperBound <= paragraphEnd
            }
            let paragraph = body[paragraphStart..<paragraphEnd]
            paragraphStart = body.index(paragraphEnd, offsetBy: 2, limitedBy: body.endIndex) ?? body.endIndex
            // A site's section label ("Vijesti", "Nota de prensa") or the title repeated over
            // the text is looked past: the publication line may be under it.
            if inParagraph.isEmpty, headings < 4, isHeading(paragraph) {
                headings += 1
                continue
            }
            examined += 1
            if let lines = leadingDateLines(of: paragraph, mentions: inParagraph, title: title) {
                // Lines that only date the item, over a paragraph without a blank line between
                // ("November 28, 2022" over "On 25 November, …"), or one over another: the line
                // nearest the text is the item's; those above it date the page ("Thursday Dec
                // 12, 2024", a site's header, over "Wednesday, 23 March 2016 00:34").
                let (own, day) = lines[lines.count - 1]
                found.append(NewsReference(day: day, kind: .published, range: own.range))
                pageDates += lines.dropLast().map(\.mention.range)
            } else if let first = inParagraph.first, let day = singleDay(first) {
                if isPublicationLine(paragraph, date: first.range)
                    || repeatsTheTitle(paragraph, after: first.range, title: title)
                    || opensWithAPublicationLabel(paragraph, date: first.range)
                    || opensWithAPublicationLabel(afterTheTitle(paragraph, title: title), date: first.range)
                {
                    found.append(NewsReference(day: day, kind: .published, range: first.range))
                } else if isDateline(paragraph, date: first.range) {
                    found.append(NewsReference(day: day, kind: .dateline, range: first.range))
                }
            } else if let first = inParagraph.first, !first.hasYear,
                let published = found.last(where: { $0.kind == .published })?.day,
                let days = first.days(around: published, ahead: false), days.start == days.end,
                isDateline(paragraph, date: first.range)
            {
                // "30 November 2018 13:32" and, under it, "Ashgabat, Turkmenistan, Nov. 30": a
                // dateline without its year, which the publication line gives.
                found.append(NewsReference(day: days.start, kind: .dateline, range: first.range))
            } else if let first = inParagraph.first, !first.hasYear, first.first == first.last,
                let (year, end) = twoDigitYear(after: first.range, in: paragraph),
                let days = first.days(year: year), isDateline(paragraph, date: first.range.lowerBound..<end)
            {
                // "Vushtrri, 04 May 11 - …": a dateline's year written with two digits.
                found.append(NewsReference(day: days.start, kind: .dateline, range: first.range))
            } else if inParagraph.isEmpty, let (day, range) = dashedDay(in: paragraph),
                isPublicationLine(paragraph, date: range)
            {
                found.append(NewsReference(day: day, kind: .published, range: range))
            }
        }
        // A labelled publication line may close the item instead: "… publie le 02/10/2019".
        if found.isEmpty, let last = lastParagraph(of: body), last.lowerBound > body.startIndex,
            let first = mentions.first(where: { $0.range.lowerBound >= last.lowerBound }),
            first.range.upperBound <= last.upperBound, let day = singleDay(first),
            isPublicationLine(body[last], date: first.range),
            Prose(String(body[last])).tokens.contains(where: { publicationLabels.contains($0.lowercased) })
        {
            found.append(NewsReference(day: day, kind: .published, range: first.range))
        }
        // … or a last line of source and date labels: "Izvor: RJT, Datum: 11.06.2018.".
        if found.isEmpty, let closing = closingDateLine(of: body, mentions: mentions) {
            found.append(closing)
        }
        // Of date lines in paragraphs of their own, the one nearest the text is the item's: "Mon.
        // Sep 16th, 2024", a site's header, over "Brussels, 23 February 2024".
        guard var reference = found.first(where: { $0.kind == .dateline }) ?? found.last else { return nil }
        reference.ranges = found.map(\.range) + pageDates
        return reference
    }

    /// The lines at the top of `paragraph` that only date the item, each with its date, when
    /// the paragraph has more than one line: a publication line over the text, or over
    /// another one. Nil for a paragraph of one line.
    private static func leadingDateLines(of paragraph: Substring, mentions: [DateMention], title: String) -> [(
        mention: DateMention, day: LocalDate
    )]? {
        guard paragraph.contains("\n") else { return nil }
        var lines: [(mention: DateMention, day: LocalDate)] = []
        var all = paragraph.split(separator: "\n")
        // The title repeated before them on the paragraph's first line is looked past: "EU Day in
        // Brussels تاريخ النشر: 2012/05/15 - 12:36 مساءا".
        if all.count > 1, title.count >= 12, all[0].hasPrefix(title), all[0].count > title.count {
            all[0] = all[0].dropFirst(title.count)
        }
        for line in all {
            guard let mention = mentions.first(where: { line.startIndex <= $0.range.lowerBound }),
                mention.range.upperBound <= line.endIndex, let day = singleDay(mention),
                isPublicationLine(line, date: mention.range)
            else { break }
            lines.append((mention, day))
        }
        return lines.isEmpty ? nil : lines
    }

    /// A section's label on a line of its own over the date line: "Društvo" over "26. 05.
    /// 2022. 17:37".
    static func isLabelLine(_ line: some StringProtocol) -> Bool {
        line.count <= 40 && isHeading(Substring(line)) && DateExpressionParser().mentions(in: String(line)).isEmpty
    }

    /// A paragraph with no date that does not read as prose: short, and not ending as a
    /// sentence does. A section label, or a title in capitals over the text.
    private static func isHeading(_ paragraph: Substring) -> Bool {
        guard paragraph.count <= 200, let last = paragraph.last(where: { !$0.isWhitespace }) else { return false }
        return !".!?…\"”»“)".contains(last) && dashedDay(in: paragraph) == nil
    }

    /// A two-digit year right after a day and month, "04 May 11", as the year 2011 (1970 to
    /// 2069), and where it ends.
    private static func twoDigitYear(after date: Range<String.Index>, in paragraph: Substring) -> (
        Int, String.Index
    )? {
        guard let match = paragraph[date.upperBound...].prefixMatch(of: #/ (\d{2})(?!\d)/#),
            let digits = Int(match.output.1)
        else { return nil }
        return (digits < 70 ? 2000 + digits : 1900 + digits, match.range.upperBound)
    }

    /// Labels of a date on the line that closes an item: "Datum: 11.06.2018.", "Date: 3 May 2020".
    private static let closingDateLabels: Set<String> = ["datum", "date", "data", "датум"]

    /// The item's closing fields of the page, one of them a labelled date, after its last
    /// sentence ("… dve zemlje. Izvor: RJT, Datum: 11.06.2018."): its publication date, which
    /// "danas" counts from.
    private static func closingDateLine(of body: String, mentions: [DateMention]) -> NewsReference? {
        var end = body.endIndex
        while end > body.startIndex, body[body.index(before: end)].isWhitespace { end = body.index(before: end) }
        guard let last = mentions.last, last.range.upperBound <= end,
            body[last.range.upperBound..<end].allSatisfy({ $0 == "." || $0.isWhitespace }), let day = singleDay(last),
            let stop = body[..<last.range.lowerBound].lastIndex(where: { ".!?\n".contains($0) })
        else { return nil }
        let start = body.index(after: stop)
        guard body.distance(from: start, to: last.range.lowerBound) <= 60 else { return nil }
        let line = Prose(String(body[start..<last.range.lowerBound]))
        let words = line.tokens.indices.filter { line.tokens[$0].isWord }
        guard let label = words.last, closingDateLabels.contains(line.tokens[label].lowercased),
            label + 1 < line.tokens.count, line.tokens[label + 1].text == ":",
            words.allSatisfy({ line.tokens[$0].isCapitalised })
        else { return nil }
        return NewsReference(day: day, kind: .published, range: last.range)
    }

    /// The range of the last paragraph of `body`, without the blank lines around it.
    private static func lastParagraph(of body: String) -> Range<String.Index>? {
        var end = body.endIndex
        while end > body.startIndex, body[body.index(before: end)].isWhitespace { end = body.index(before: end) }
        guard end > body.startIndex else { return nil }
        let start =
            body.range(of: "\n\n", options: .backwards, range: body.startIndex..<end)?.upperBound ?? body.startIndex
        return start..<end
    }

    /// A line that only dates an item ("Posted on 19.10.2022"), as written under a title.
    static func isPublicationLine(_ line: String) -> Bool {
        // Longer than a publication line can be (see below): a paragraph on one line is not
        // searched for dates here.
        guard line.dropFirst(90).isEmpty else { return false }
        guard let first = DateExpressionParser().mentions(in: line).first, singleDay(first) != nil else { return false }
        return isPublicationLine(Substring(line), date: first.range)
    }

    /// A date written with dashes on a publication line, "15-03-2005", when only one order of
    /// day and month makes it real: 15-03-2005 is day first, 03-15-2005 month first.
    private static func dashedDay(in paragraph: Substring) -> (LocalDate, Range<String.Index>)? {
        guard let match = paragraph.firstMatch(of: #/\b(\d{1,2})-(\d{1,2})-(\d{4})\b/#),
            let a = Int(match.output.1), let b = Int(match.output.2), let year = Int(match.output.3)
        else { return nil }
        let (day, month) = a > 12 && b <= 12 ? (a, b) : b > 12 && a <= 12 ? (b, a) : (0, 0)
        guard let date = LocalDate(year: year, month: month, day: day) else { return nil }
        return (date, match.range)
    }

    private static func singleDay(_ mention: DateMention) -> LocalDate? {
        guard mention.hasYear,
            mention.first == mention.last
                || (mention.first.day, mention.first.month) == (mention.last.day, mention.last.month),
            let days = mention.days(year: nil)
        else { return nil }
        return days.start
    }

    /// A blog's line under the title that gives the date and repeats the title: "17 Maja,
    /// 2018 / Komentari isključeni za <title>" (WordPress's "Comments off on <title>").
    private static func repeatsTheTitle(_ paragraph: Substring, after date: Range<String.Index>, title: String)
        -> Bool
    {
        guard title.count >= 12, paragraph.distance(from: paragraph.startIndex, to: date.lowerBound) <= 40,
            let repeated = paragraph[date.upperBound...].range(
                of: title, options: [.caseInsensitive, .diacriticInsensitive])
        else { return false }
        return paragraph.count - title.count <= 90 && paragraph[repeated.upperBound...].allSatisfy(\.isWhitespace)
    }

    /// A short paragraph of a date, labels, a time and names: "Publishing date: 3 November 2021".
    private static func isPublicationLine(_ paragraph: Substring, date: Range<String.Index>) -> Bool {
        guard paragraph.count <= 90 else { return false }
        // The time it was posted, "29/06/2022 u 15:17 h" ("u", Serbian and Croatian "at").
        let after = String(paragraph[date.upperBound...]).replacing(
            #/(?:\b[uUуУ]\s+)?\b\d{1,2}:\d{2}(?:\s*h\b)?/#, with: " ")
        let rest = Prose(String(paragraph[..<date.lowerBound]) + " " + after)
        let words = rest.tokens.indices.filter { rest.tokens[$0].isWord }
        return words.count <= 8
            && words.allSatisfy { index in
                let word = rest.tokens[index]
                return word.isCapitalised || word.text.allSatisfy(\.isNumber)
                    || publicationWords.contains(word.lowercased) || isFieldLabel(at: index, in: rest)
            }
    }

    /// A word that labels a field of the page's metadata, followed by its colon: "type: press
    /// release , Date: 24 July 2020".
    private static func isFieldLabel(at index: Int, in prose: Prose) -> Bool {
        index + 1 < prose.tokens.count && prose.tokens[index + 1].text == ":"
            && prose.tokens[index + 1].range.lowerBound == prose.tokens[index].range.upperBound
    }

    /// A paragraph that opens with a publication label and its date, the text run on after it
    /// on the same line: "date 2021-01-19 Frontex, the European Border and Coast Guard Agency
    /// …", "Published: 3 May 2020 The ministers met …" (a page whose line breaks were lost).
    private static func opensWithAPublicationLabel(_ paragraph: Substring, date: Range<String.Index>) -> Bool {
        guard paragraph.startIndex <= date.lowerBound else { return false }
        let words = Prose(String(paragraph[..<date.lowerBound])).tokens.filter(\.isWord)
        let labels = words.filter {
            ["date", "تاريخ"].contains($0.lowercased) || publicationLabels.contains($0.lowercased)
        }
        return (1...2).contains(words.count) && !labels.isEmpty
            && words.allSatisfy { $0.lowercased == "on" || labels.map(\.text).contains($0.text) }
    }

    /// `paragraph` past the title repeated at its start, as a page whose line breaks were lost
    /// runs it on into the publication line: "EUPOL COPPS … in Brussels تاريخ النشر: 2012/05/15 …".
    private static func afterTheTitle(_ paragraph: Substring, title: String) -> Substring {
        guard title.count >= 12, paragraph.hasPrefix(title) else { return paragraph }
        return paragraph.dropFirst(title.count)
    }

    /// Past the closing bracket of a dateline written in brackets, whatever it holds after the
    /// date: "(Sarajevo, 23. septembar/listopad 2010.) – …".
    private static func endOfBracketedDateline(_ before: Prose, _ after: ArraySlice<Prose.Token>, from index: Int)
        -> Int
    {
        guard before.tokens.first?.text == "(", !before.tokens.dropFirst().contains(where: { $0.text == ")" }),
            let close = after[index...].firstIndex(where: { $0.text == ")" })
        else { return index }
        return close + 1
    }

    /// A date after at most six capitalised words (a city, its country) and before a dash, a
    /// colon or a bar; or a date at the paragraph's start followed by its place and a colon or dash.
    private static func isDateline(_ paragraph: Substring, date: Range<String.Index>) -> Bool {
        let before = Prose(String(paragraph[..<date.lowerBound]))
        let words = before.tokens.filter(\.isWord)
        guard words.count <= 6, words.first?.isCapitalised ?? true,
            words.allSatisfy({ $0.isCapitalised || placeParticles.contains($0.text) }),
            !(words.first.map { sentenceOpeners.contains($0.lowercased) } ?? false),
            before.tokens.indices.allSatisfy({ index in
                let text = before.tokens[index].text
                // "PESHAWAR, (UrduPoint / Pakistan Point News - 28th Nov, 2022 ) :": an agency's
                // name in brackets may hold a slash or a dash; "Santiago de Querétaro, Qro; 31
                // de mayo de 2023.-": a state's abbreviation after a semicolon.
                return before.tokens[index].isWord || [",", "(", "|", ";"].contains(text)
                    || ["/", "-", "–"].contains(text) && before.tokens[..<index].contains { $0.text == "(" }
            })
        else { return false }
        let after = Prose(String(paragraph[date.upperBound...])).tokens.prefix(12)
        var index = after.startIndex
        if index < after.endIndex, after[index].text == ")" {
            index += 1
            // "DUBAI, (UrduPoint / Pakistan Point News / WAM - 03rd Mar, 2021) The Dubai Police
            // …": a city, then an agency's name and the date in brackets, is a dateline without
            // a mark after it.
            if !words.isEmpty, words[0].text.allSatisfy({ !$0.isLowercase }),
                before.tokens.contains(where: { $0.text == "(" }), index < after.endIndex, after[index].isWord,
                after[index].isCapitalised
            {
                return true
            }
        }
        index = Self.endOfBracketedDateline(before, after, from: index)
        // "Ashgabat, Turkmenistan, Nov. 30" on a line of its own.
        guard index < after.endIndex else { return !words.isEmpty && !paragraph.contains("\n") }
        if datelineMarks.contains(after[index].text) { return true }
        // "… 31 de mayo de 2023.- La Policía …", as Spanish-language agencies write it.
        if after[index].text == ".", index + 1 < after.endIndex, datelineMarks.contains(after[index + 1].text) {
            return true
        }
        // "DUSHANBE, July 20, 2012, Asia-Plus — …": a news agency's name after the date.
        if !words.isEmpty, after[index].text == ",", index + 2 < after.endIndex, after[index + 1].isWord,
            after[index + 1].isCapitalised, datelineMarks.contains(after[index + 2].text)
        {
            return true
        }
        // "18 December 2018, Budapest, Hungary: …"
        guard words.isEmpty, after[index].text == "," else { return false }
        let place = after[(index + 1)...].prefix { $0.isWord && $0.isCapitalised || $0.text == "," }
        let next = place.endIndex
        return !place.isEmpty && next < after.endIndex && datelineMarks.contains(after[next].text)
    }
}

/// A day named relative to when the item was written: "today", "yesterday", "tomorrow", "this
/// afternoon", "on Tuesday", "last Friday".
struct RelativeDay {
    /// The words as written.
    var words: String
    /// Days from the reference day, or nil for a weekday.
    var offset: Int?
    /// ISO weekday of "on Tuesday".
    var weekday: Int?
    /// ISO weekday of the last day of "on Thursday and Friday", "from Monday to Wednesday".
    var lastWeekday: Int?
    var inBody: Bool
    var sentence: Int
    /// Where the words are in their text.
    var range: Range<String.Index>
    /// The sentence looks ahead ("will be held on Tuesday", "next Monday").
    var isFuture: Bool

    private static let phrases: PhraseIndex<Int> = {
        var index = PhraseIndex<Int>()
        for phrase in [
            "today", "this morning", "this afternoon", "this evening", "tonight", "earlier today", "later today",
        ] { index.add(phrase, 0) }
        index.add("yesterday", -1)
        index.add("the day before yesterday", -2)
        index.add("tomorrow", 1)
        index.add("the day after tomorrow", 2)
        // The same days in the other languages whose dates are read (not German "hier", French
        // for yesterday, nor Spanish "mañana", also "morning").
        for (offset, words) in otherLanguages {
            for phrase in words.split(separator: ",") { index.add(String(phrase), offset) }
        }
        return index
    }()

    /// "today", "yesterday" and "tomorrow" in French, Spanish, Portuguese, Italian, German,
    /// the South Slavic languages, Albanian, Indonesian, Macedonian, Bulgarian and Russian
    /// (not Slovenian "danes", which is also the English "Danes").
    private static let otherLanguages: [(offset: Int, words: String)] = [
        (
            0,
            "aujourd'hui,aujourd’hui,hoy,hoje,oggi,heute,danas,sot,hari ini,денес,данас,днес,сегодня"
        ),
        (-1, "ayer,ontem,ieri,gestern,jučer,jucer,juče,juce,včeraj,dje,kemarin,вчера,јуче"),
        (1, "demain,amanhã,domani,jutri,nesër,besok,утре,сутра,завтра,sutra,sjutra,сјутра"),
    ]

    /// Words before a relative day that make it no day of an activity ("as of today", "until tomorrow").
    private static let excludingWords: Set<String> = ["of", "until", "till", "since", "from", "to", "than"]
    private static let weekdayLeads: Set<String> = ["on", "last", "this", "next", "past"]
    static let futureWords: Set<String> = [
        "will", "shall", "tomorrow", "next", "upcoming", "forthcoming", "scheduled", "planned", "takes",
        // "tomorrow" in the region's languages: "sutra (28.09.) će se okupiti".
        "sutra", "сутра", "утре", "nesër",
    ]

    /// The relative days in `prose`, in order; weekdays only where no date follows them
    /// ("on Tuesday", not "on Tuesday, 5 May").
    static func all(in prose: Prose, inBody: Bool, dates: [DateMention]) -> [RelativeDay] {
        var result: [RelativeDay] = []
        for find in phrases.finds(in: prose) {
            let start = find.tokens.lowerBound
            if let before = prose.wordBefore(start), excludingWords.contains(before),
                !startsSomething(prose, at: start)
            {
                continue
            }
            let range = prose.tokens[start].range.lowerBound..<prose.tokens[find.tokens.upperBound - 1].range.upperBound
            result.append(
                RelativeDay(
                    words: words(prose, find.tokens), offset: find.value, inBody: inBody,
                    sentence: prose.tokens[start].sentence, range: range, isFuture: isFuture(prose, sentenceOf: start)))
        }
        for (index, token) in prose.tokens.enumerated() where token.isWord {
            // "on Thursday", "last Friday", or "Thursday's meeting" (a past one).
            let possessive = ["'s", "’s"].first { token.lowercased.hasSuffix($0) }
            let name = possessive.map { String(token.lowercased.dropLast($0.count)) } ?? token.lowercased
            guard let weekday = DateTokenizer.weekdays[name], name.count > 4,
                let lead = possessive == nil ? prose.wordBefore(index) : "last", weekdayLeads.contains(lead),
                !dates.contains(where: { $0.range.contains(token.range.lowerBound) })
            else { continue }
            let future =
                lead == "next" || lead == "this" && isFuture(prose, sentenceOf: index)
                || lead == "on" && isFuture(prose, sentenceOf: index)
            // "on Thursday and Friday", "from Monday to Wednesday": a span of weekdays.
            let last =
                possessive == nil && index + 2 < prose.tokens.count
                    && ["and", "to", "through", "-", "–"].contains(prose.tokens[index + 1].lowercased)
                    && !dates.contains(where: { $0.range.contains(prose.tokens[index + 2].range.lowerBound) })
                ? DateTokenizer.weekdays[prose.tokens[index + 2].lowercased] : nil
            result.append(
                RelativeDay(
                    words: possessive == nil ? lead + " " + token.text : token.text, weekday: weekday,
                    lastWeekday: last, inBody: inBody, sentence: token.sentence,
                    range: token.range, isFuture: future))
        }
        return result.sorted { ($0.sentence, $0.words.count) < ($1.sentence, $1.words.count) }
    }

    /// Verbs of a beginning: "As of today, … will begin joint inspections".
    private static let beginningVerbs: Set<String> = [
        "begin", "begins", "start", "starts", "commence", "commences", "launch", "launches",
    ]

    /// "As of today" or "as from today" in a sentence of something beginning: the day it begins.
    private static func startsSomething(_ prose: Prose, at start: Int) -> Bool {
        let words = prose.wordsBefore(start, limit: 2)
        return words.count == 2 && words[0] == "as" && ["of", "from"].contains(words[1])
            && prose.sentenceTokens(of: start).contains { $0.isWord && beginningVerbs.contains($0.lowercased) }
    }

    private static func words(_ prose: Prose, _ tokens: Range<Int>) -> String {
        prose.tokens[tokens].filter(\.isWord).map(\.text).joined(separator: " ")
    }

    /// Whether the sentence of token `index` speaks of what is to come ("will", "to be held").
    static func isFuture(_ prose: Prose, sentenceOf index: Int) -> Bool {
        let words = prose.sentenceTokens(of: index).filter(\.isWord).map(\.lowercased)
        return words.contains(where: futureWords.contains)
            || zip(words, words.dropFirst()).contains { $0 == "to" && $1 == "be" }
    }

    /// The days this names, counted from `reference`: one day, or a span of weekdays whose
    /// last day is the last such day up to the reference (the next one when the sentence looks
    /// ahead).
    func days(from reference: LocalDate) -> (start: LocalDate, end: LocalDate) {
        guard let weekday, let lastWeekday, lastWeekday != weekday else {
            let day = day(from: reference)
            return (day, day)
        }
        var end = self
        end.weekday = lastWeekday
        let last = end.day(from: reference)
        return (last.adding(days: -((lastWeekday - weekday + 7) % 7)), last)
    }

    /// The day this names, counted from `reference`: a weekday is the last such day up to the
    /// reference, or the next one after it when the sentence looks ahead.
    func day(from reference: LocalDate) -> LocalDate {
        if let offset { return reference.adding(days: offset) }
        guard let weekday else { return reference }
        let back = (reference.weekday - weekday + 7) % 7
        return isFuture ? reference.adding(days: back == 0 ? 7 : 7 - back) : reference.adding(days: -back)
    }
}

/// How long the text says the activity lasted: "a two-day seminar", "the 3-day course",
/// "closed yesterday after two days", and whether it names the day it ended rather than
/// the day it began ("ended today", "wrapped up a three-day training"); or the month it runs
/// to ("started today and will run to the end of April").
struct StatedDuration {
    var days: Int
    var endsOnTheDate: Bool
    /// The month whose last day ends it.
    var untilEndOfMonth: Int?
    /// "a one-week training", "a week-long seminar": Monday to Friday of the week of its day.
    var isWorkingWeek = false

    private static let untilWords: Set<String> = ["to", "until", "till", "through"]

    /// "… until the end of April" in the sentence.
    private static func monthEnd(in prose: Prose, sentence: Int) -> StatedDuration? {
        let words = prose.tokens.filter { $0.sentence == sentence && $0.isWord }.map(\.lowercased)
        guard words.count >= 5 else { return nil }
        for i in 0..<(words.count - 4)
        where untilWords.contains(words[i]) && words[i + 1] == "the" && words[i + 2] == "end" && words[i + 3] == "of" {
            if let month = DateTokenizer.months[words[i + 4]] {
                return StatedDuration(days: 1, endsOnTheDate: false, untilEndOfMonth: month)
            }
        }
        return nil
    }

    private static let numbers: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10": 10,
    ]
    private static let spanWords: Set<String> = ["for", "after", "over", "lasting", "lasted"]
    private static let endWords: Set<String> = [
        "ended", "ends", "closed", "closes", "concluded", "concludes", "wrapped", "completed", "completes", "finished",
        "finishes",
    ]

    /// The month the sentence of the date runs to, else the one duration in days the texts
    /// state; nil when they state none or several.
    static func find(in proses: [Prose], dateSentence: (prose: Int, sentence: Int)) -> StatedDuration? {
        monthEnd(in: proses[dateSentence.prose], sentence: dateSentence.sentence)
            ?? days(in: proses, dateSentence: dateSentence)
    }

    private static func days(in proses: [Prose], dateSentence: (prose: Int, sentence: Int)) -> StatedDuration? {
        var found: [(days: Int, prose: Int, sentence: Int)] = []
        for (number, prose) in proses.enumerated() {
            let tokens = prose.tokens
            for (index, token) in tokens.enumerated() where token.isWord {
                let parts = token.lowercased.split(separator: "-").map(String.init)
                if parts.count == 2, parts[1] == "day", let days = numbers[parts[0]] {
                    found.append((days, number, token.sentence))
                } else if let days = ForeignDurations.days(
                    token.lowercased, before: index >= 1 ? tokens[index - 1].lowercased : nil,
                    twoBefore: index >= 2 ? tokens[index - 2].lowercased : nil)
                {
                    found.append((days, number, token.sentence))
                } else if parts == ["one", "week"] || parts == ["1", "week"] || parts == ["week", "long"] {
                    found.append((weekDays, number, token.sentence))
                } else if parts.count == 2, parts[1] == "week", let weeks = numbers[parts[0]],
                    (number, token.sentence) == dateSentence
                {
                    // "a two-week course that started on June 18": whole weeks, day after day,
                    // when the date's own sentence says so (not "the Academy's eight-week course").
                    found.append((7 * weeks, number, token.sentence))
                } else if token.lowercased == "days", case let count = countBefore(days: index, in: tokens),
                    count >= 1, let days = numbers[tokens[count].lowercased],
                    spanWords.contains(tokens[count - 1].lowercased)
                        // "which will last two days", not "in the last two days"
                        || tokens[count - 1].lowercased == "last" && count >= 2
                            && ["will", "to", "would"].contains(tokens[count - 2].lowercased)
                        // "throughout the two days of discussions", "the three days of the course"
                        || tokens[count - 1].lowercased == "the" && count >= 2
                            && (spanWords.contains(tokens[count - 2].lowercased)
                                || ["throughout", "during"].contains(tokens[count - 2].lowercased)
                                || index + 1 < tokens.count && tokens[index + 1].lowercased == "of")
                {
                    found.append((days, number, token.sentence))
                }
            }
        }
        guard let days = found.first?.days, found.allSatisfy({ $0.days == days }) else { return nil }
        let isWorkingWeek = days == weekDays
        // The day named is the last when the sentence naming it says so ("closed yesterday after
        // two days"), not when another does ("concluded a two-day visit. On 7 May, …").
        let ends = proses[dateSentence.prose].tokens.contains {
            $0.sentence == dateSentence.sentence && endWords.contains($0.lowercased)
        }
        return StatedDuration(
            days: isWorkingWeek ? 5 : days, endsOnTheDate: ends, untilEndOfMonth: nil, isWorkingWeek: isWorkingWeek)
    }

    /// Where the number of "days" at `index` stands: right before it, or before a word that
    /// says the days were whole ("after three full days", "for two working days").
    private static func countBefore(days index: Int, in tokens: [Prose.Token]) -> Int {
        let wholeDays: Set<String> = ["full", "whole", "working"]
        return index >= 1 && wholeDays.contains(tokens[index - 1].lowercased) ? index - 2 : index - 1
    }

    /// The count a week's duration is found as, told apart from the days of "a seven-day course".
    private static let weekDays = -7

    /// The span of `day` with this duration.
    func span(of day: LocalDate) -> (start: LocalDate, end: LocalDate) {
        // A working week: a day from Monday to Friday and the rest of its week.
        if isWorkingWeek, day.weekday <= 5 {
            return endsOnTheDate ? (day.adding(days: 1 - day.weekday), day) : (day, day.adding(days: 5 - day.weekday))
        }
        if let month = untilEndOfMonth {
            let year = month < day.month ? day.year + 1 : day.year
            let nextMonth = LocalDate(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1) ?? day
            return (day, max(day, nextMonth.adding(days: -1)))
        }
        return endsOnTheDate ? (day.adding(days: -(days - 1)), day) : (day, day.adding(days: days - 1))
    }
}

/// Durations in days in the other languages whose dates are read: "prévue pour durer trois
/// jours", "une conférence de 4 jours", "durante tres días", "di due giorni", "selama dua hari",
/// and the adjectives "dvodnevni", "trodnevna", "zweitägige", "двухдневный".
enum ForeignDurations {
    /// Two to ten, by language: French, Spanish, Portuguese, Italian, German, South Slavic,
    /// Albanian, Indonesian.
    private static let numbers: [String: Int] = {
        var table: [String: Int] = [:]
        for words in [
            "deux trois quatre cinq six sept huit neuf dix", "dos tres cuatro cinco seis siete ocho nueve diez",
            "dois três quatro cinco seis sete oito nove dez", "due tre quattro cinque sei sette otto nove dieci",
            "zwei drei vier fünf sechs sieben acht neun zehn", "dva tri četiri pet šest sedam osam devet deset",
            "dy tre katër pesë gjashtë shtatë tetë nëntë dhjetë",
            "dua tiga empat lima enam tujuh delapan sembilan sepuluh",
        ] {
            for (offset, word) in words.split(separator: " ").enumerated() { table[String(word)] = offset + 2 }
        }
        table["dvije"] = 2
        table["duas"] = 2
        return table
    }()
    /// The word for days after a number, in the same languages.
    private static let dayWords: Set<String> = [
        "jours", "días", "dias", "giorni", "tage", "tagen", "dana", "dni", "ditë", "ditësh", "dite", "hari",
    ]
    /// Words before the number that make it a duration: "de", "durer", "durante", "selama".
    private static let leads: Set<String> = [
        "de", "durer", "dure", "durera", "pendant", "durant", "durante", "por", "di", "per", "während", "für",
        "traje", "trajala", "trajati", "u", "od", "për", "prej", "gjatë", "selama", "berlangsung",
    ]
    /// Adjectives "two-day", "three-day" … as word beginnings.
    private static let adjectives: [(prefix: String, days: Int)] = [
        ("dvodnevn", 2), ("trodnevn", 3), ("četvorodnevn", 4), ("četverodnevn", 4), ("petodnevn", 5),
        ("tridnevn", 3), ("zweitägig", 2), ("dreitägig", 3), ("viertägig", 4), ("fünftägig", 5),
        ("двухдневн", 2), ("трехдневн", 3), ("трёхдневн", 3), ("дводневн", 2), ("тридневн", 3),
        ("тродневн", 3),
    ]

    /// The days that `word`, after `before` and `twoBefore`, says an activity lasts.
    static func days(_ word: String, before: String?, twoBefore: String?) -> Int? {
        if let adjective = adjectives.first(where: { word.hasPrefix($0.prefix) }) { return adjective.days }
        guard dayWords.contains(word), let before, let twoBefore, leads.contains(twoBefore) else { return nil }
        return numbers[before] ?? Int(before).flatMap { (2...10).contains($0) ? $0 : nil }
    }
}
