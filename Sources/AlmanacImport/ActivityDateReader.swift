import AlmanacModel

/// The date a news item gives its activity, or why it gives none.
struct ActivityDate {
    var mention: DateMention?
    /// The text the mention is in (the title or the body).
    var text: String
    var inBody: Bool
    /// Why there is no mention; nil when there is one.
    var undated: UndatedReason?
    /// A year the item states for a mention that leaves it out ("The 2023 edition … from
    /// May 9th to 11th", or the same day restated with its year).
    var statedYear: Int?
    /// The stated year stands in another paragraph than the mention ("On Monday, May 12, …"
    /// and, paragraphs on, "the attack on flight MH17 in 2014"): it may be another thing's, so
    /// taking it is an assumption.
    var statedYearIsDistant = false
    /// Without a stated year, the latest year of another date the item names ("started on 20
    /// April 2023", "in January 2018"): a guess for the activity's year, better than a
    /// neighbouring item's.
    var otherDatesYear: Int?
    /// Without a stated year, the year of an anniversary the item marks: "the 15th Anniversary
    /// of the Academy", established in 2006, falls in 2021.
    var anniversary: (year: Int, founded: Int, ordinal: String)?
    /// The day the item was written, from its publication line or dateline.
    var reference: NewsReference?
    /// The activity's day when the text names it relative to the reference ("today").
    var relativeDay: RelativeDay?
    /// The text dates nothing but itself: the activity is taken to be on the reference day.
    var onlyReference = false
    /// How many days the text says the activity lasted.
    var duration: StatedDuration?
    /// Whether the sentence of the date speaks of what is to come.
    var isFuture = false
    /// A later date the activity goes on to, in a sentence of its own: "On June 20, the
    /// conference opened … It will last on June 21", "On 26 and 27 October, … will continue".
    var continuation: DateMention?
    /// The day the activity runs until, after its start: "started yesterday (10/09) and will
    /// run until Friday (14/09)", "this event, which will last until 30 May".
    var until: DateMention?
    /// Later dates of the body with their year: a span of them that holds the activity's one
    /// day restates the activity whole ("On 17 January 2019 the heads met … from 16 to 18
    /// January 2019 …").
    var laterSpans: [DateMention] = []
    /// The words of a weekday the text names after a dateline without a year ("ZAGREB, May 27
    /// (Hina) - … convened on Tuesday"), taken to be the dateline's day so that the year is one
    /// in which it falls on that weekday: an assumption.
    var assumedWeekday: String?
    /// The words by which the sentence of the date reports a signing or an adoption the title
    /// does not speak of ("El documento fue suscrito el 19 de octubre de 2012", under "Fiscal
    /// General recalcó importancia de coordinación con México"): the date may be a document's
    /// of earlier, mentioned as background, so taking it is an assumption.
    var documentVerb: String?
    /// The text puts the date without a year in the year before the item's: "on 12 December
    /// last year", "25. listopada prošle godine", "lani".
    var isLastYear = false
}

/// Why a news item gives its activity no date.
enum UndatedReason: Equatable {
    case noDate
    /// Every date it names is another event's (a deadline, an earlier meeting).
    case onlyInPassing
    /// It times the activity relative to when it was written ("last week").
    case relative(String)
    /// Its lead sentence dates the activity by a month only, another than the item's own
    /// ("gathered in early December 2012" in an item of 30 January 2013).
    case onlyMonth(String)

    var explanation: String {
        switch self {
        case .noDate: "it names no date"
        case .onlyInPassing: "it names dates only in passing (a deadline, an earlier meeting)"
        case .relative(let words): "it dates the activity only as '\(words)'"
        case .onlyMonth(let words): "it dates the activity only by its month, '\(words)'"
        }
    }
}

/// Chooses the date of a news item's activity among the dates it names, by the words around
/// each. A date in passing is never the activity's:
///
/// - after "previous", "earlier", "until", "since", "following" … (up to six words before,
///   unless "held" is next to the date), or right after "by" ("by 15 July", not "organised by
///   UNDP on");
/// - after a participle that describes a thing ("the plan adopted on", "the agreement signed
///   in Skopje on", "semnate la Vidin la", "firmado el"); the sentence's own verb dates the
///   activity ("UNDP signed an agreement on", "an agreement was signed on", "a été signé le");
/// - in what a project or programme does over its course ("which will be completed on");
/// - in brackets closing the text, an agency's tag ("… in Albania./ (30 August)");
/// - in a stretch about an earlier event the activity follows up ("following up on the
///   conclusions of the meeting held on …", "a follow-up to the workshop of …");
/// - in a sentence that times its activity relative to the news ("Last week, …", "met
///   yesterday"), unless set beside those words ("last Thursday, 12 June").
///
/// A day named relative to the item's own date ("today", "yesterday", "on Tuesday"; see
/// ``NewsReference``) dates the activity unless a date stands before it or a span holds it;
/// without the item's own date such an item is undated.
///
/// A later date after a verb of running and "until" ("will run until Friday (14/09)") ends
/// the activity.
///
/// Of the others, a date that is not a later one ("the next meeting on") wins, then one in a
/// sentence marking the item's own edition of a series before it ("This year's dialogue …
/// took place on", beside "The first was held on …"), then one introduced as the activity's
/// ("held on", "from", "on"), then the first, title before text.
struct ActivityDateReader {
    /// Words before a date that make it one mentioned in passing.
    private static let passingWords: Set<String> = [
        "previous", "previously", "last", "earlier", "deadline", "before", "since", "after", "prior",
        "following", "until", "till", "due", "ahead", "force",
    ]
    /// Words that make a date a later one, taken only when nothing better is found.
    private static let laterWords: Set<String> = [
        "next", "upcoming", "later", "future", "forthcoming", "planned", "scheduled",
        // … and a planned session in the region's languages: "radionici, koja je planirana za
        // period 30.11. – 02.12.2011." (Bosnian, Croatian, Serbian, Montenegrin).
        "planirana", "planiran", "planirano", "planirani", "planirane", "zakazana", "zakazan", "zakazano",
    ]
    /// Words before a year that make it a target or a bound, not the activity's year: "for
    /// 2025", and "for" in the other languages whose dates are read ("pour", "para", "per",
    /// "für", "pentru", "za").
    private static let yearBounds: Set<String> = [
        "by", "for", "to", "through", "beyond", "within", "pour", "para", "per", "für", "pentru", "za",
    ]
    /// Two words before a year that make it a target: Polish "na rok 2015" ("for the year 2015").
    private static let yearBoundPairs: Set<[String]> = [["na", "rok"]]
    /// Words before a year that make it the year of something else than the activity.
    private static let otherThingsYears: Set<String> = [
        "launched", "established", "founded", "conducted", "created", "initiated", "introduced", "adopted", "since",
        "set", "born", "establishment", "founding", "foundation", "inception", "creation",
        // The same in the other languages whose dates are read: "Fondée en 1962", "creada en 2007".
        "fondée", "fondé", "créée", "créé", "depuis", "fundada", "fundado", "creada", "creado", "criada", "desde",
        "fondata", "fondato", "istituita", "gegründet", "seit", "osnovan", "osnovana", "osnovano", "osnovani",
        "themeluar", "krijuar", "didirikan", "dibentuk", "sejak",
    ]
    /// Events a date can name, written right after it, and the words that may stand between.
    private static let datedEvents: Set<String> = ["election", "elections", "vote", "referendum", "deadline"]
    private static let electionKinds: Set<String> = [
        "local", "general", "parliamentary", "presidential", "municipal", "national", "government",
    ]
    /// Words that introduce the activity's date.
    private static let activityWords: Set<String> = [
        "on", "held", "from", "between", "took", "take", "place", "met", "meet", "will", "during", "period",
    ]
    /// Participles that, describing a thing, date or place it in passing ("the strategy adopted
    /// on", "the Agreement signed in Warsaw").
    /// The same participles in the other languages whose dates are read: "semnate la Vidin la
    /// 19 mai 2009", "l'accord signé le", "el convenio firmado el", "sporazum potpisan u".
    static let describingParticiples: Set<String> = [
        "dated", "adopted", "signed", "submitted", "established", "founded", "concluded", "ratified",
        "signé", "signée", "signés", "signées", "adopté", "adoptée", "adoptés", "adoptées", "conclu", "conclue",
        "ratifié", "ratifiée", "firmado", "firmada", "firmados", "firmadas", "suscrito", "suscrita", "adoptado",
        "adoptada", "aprobado", "aprobada", "assinado", "assinada", "adotado", "adotada", "firmato", "firmata",
        "firmati", "firmate", "sottoscritto", "sottoscritta", "adottato", "adottata", "unterzeichnet",
        "unterschrieben", "verabschiedet", "semnat", "semnată", "semnate", "semnați", "adoptat", "adoptată",
        "adoptate", "încheiat", "încheiată", "încheiate", "potpisan", "potpisana", "potpisano", "potpisani",
        "potpisane", "usvojen", "usvojena", "usvojeno", "usvojeni", "usvojene", "zaključen", "zaključena",
        "zaključeni", "podpisan", "podpisana", "podpisano", "podpisani", "sprejet", "sprejeta", "sprejeto",
        "nënshkruar", "miratuar", "потпишан", "потпишана", "потпишано", "потпишани", "потписан", "потписана",
        "потписано", "потписани", "подписан", "подписана", "подписано", "подписани", "подписанное",
        "подписанного", "подписанный", "подписанным",
    ]
    /// Words before a participle that make it the sentence's verb ("was signed", "a semnat",
    /// "a été signé", "fue firmado", "je potpisan").
    static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
        "a", "au", "am", "ai", "ați", "fost", "fi", "ont", "avait", "avaient", "été", "est", "sont", "ha", "han",
        "he", "hemos", "fue", "fueron", "sido", "es", "son", "foi", "foram", "tem", "hanno", "è", "stato", "stata",
        "stati", "state", "sono", "hat", "haben", "wurde", "wurden", "worden", "ist", "je", "su", "sam", "smo",
        "bio", "bila", "bilo", "bili", "biti", "ka", "kanë", "është", "janë", "u", "е", "се", "су", "беше", "был",
        "была", "было", "были",
    ]
    /// Words after a participle that show it describes a thing rather than takes an object,
    /// also in the other languages whose dates are read ("semnate la", "signé le", "firmado
    /// el", "potpisan u").
    private static let prepositions: Set<String> = [
        "on", "in", "at", "by", "during", "between", "from", "with", "last", "earlier",
        "la", "le", "à", "au", "en", "el", "em", "no", "na", "il", "nel", "a", "am", "im", "în", "u", "v", "dne",
        "më", "në", "на", "во", "в", "у",
    ]
    /// Word pairs that lead into an earlier event the activity follows up.
    private static let followUpLeads: Set<[String]> = [
        ["following", "up"], ["follow", "up"], ["follow-up", "to"], ["follow-up", "of"], ["follow-up", "on"],
    ]
    /// Participles that, after "was" or "were", tell that something was founded on the date:
    /// "the Network was formed on 24 January 2018". Another thing's beginning, unless the
    /// title speaks of founding.
    private static let foundingParticiples: Set<String> = ["formed", "established", "founded", "created"]
    /// Word stems in a title that make a founding the item's activity.
    private static let foundingStems = ["form", "establish", "found", "creat", "set up", "inaugurat"]
    /// Words before "after" or "following" and a nominalised event that make it an earlier
    /// one: "comes after the signing of the protocol on 13 April".
    private static let earlierEventLeads: Set<String> = ["after", "following"]
    /// Words in a later sentence that carry the activity on to its date: "It will last on June
    /// 21", "will continue on 26 and 27 October".
    private static let continuationWords: Set<String> = [
        "continue", "continues", "continued", "continuing", "resume", "resumes", "lasts",
    ]

    /// Times relative to the day the news was written.
    private static let relativeTimes: PhraseIndex<String> = {
        let units = [
            "week", "weekend", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday",
        ]
        let phrases =
            [
                "yesterday", "today", "this morning", "earlier today", "the day before yesterday", "days ago",
                "weeks ago",
                "this week", "earlier this week", "this month", "earlier this month", "earlier this year",
            ] + units.map { "last \($0)" }
        var index = PhraseIndex<String>()
        for phrase in phrases { index.add(phrase, phrase) }
        return index
    }()

    /// Words that mark the item's own edition of a series, not an earlier one.
    private static let ownEditionMarks: PhraseIndex<Bool> = {
        var index = PhraseIndex<Bool>()
        for phrase in ["this year's", "this year", "this time", "this edition", "latest edition", "current edition"] {
            index.add(phrase, true)
        }
        return index
    }()

    private let parser: DateExpressionParser

    /// `monthFirst`: read 05/09/2018 as 9 May, as the site's other dates show it writes them.
    init(monthFirst: Bool = false) {
        parser = DateExpressionParser(monthFirst: monthFirst, eitherOrder: true)
    }

    func date(of item: NewsItem) -> ActivityDate {
        var candidates: [(rank: (Int, Int, Int, Int), date: ActivityDate)] = []
        var inPassing = false
        var relative: String?
        let titleMentions = Self.joiningSpans(mentions(in: item.title), in: item.title)
        let bodyMentions = Self.joiningSpans(mentions(in: item.body), in: item.body)
        let reference = NewsReference.find(in: item.body, title: item.title, mentions: bodyMentions)
        let titleProse = Prose(item.title)
        let bodyProse = Prose(item.body)
        var relativeDays: [RelativeDay] = []
        for (inBody, text) in [(false, item.title), (true, item.body)] {
            let prose = inBody ? bodyProse : titleProse
            let times = inBody ? relativeActivityTimes(in: prose) : []
            relative = relative ?? times.first?.value
            relativeDays += RelativeDay.all(in: prose, inBody: inBody, dates: inBody ? bodyMentions : titleMentions)
            let marks = Self.ownEditionMarks.finds(in: prose)
            for mention in inBody ? bodyMentions : titleMentions
            where !(inBody && (reference?.ranges.contains(mention.range) ?? false)) {
                let index = prose.tokenIndex(at: mention.range.lowerBound)
                guard !namesAnEvent(after: mention, in: prose), !(inBody && Self.isSignOff(mention, in: text)),
                    !Self.beganLastYear(mention, in: prose),
                    !(inBody && datesAFounding(at: index, in: prose, title: item.title)),
                    !Self.datesADocument(at: index, in: prose),
                    let rank = rank(ofDateAt: index, in: prose, relativeTimes: times)
                else {
                    inPassing = true
                    continue
                }
                let isOwnEdition = marks.contains {
                    $0.tokens.upperBound <= index
                        && prose.tokens[$0.tokens.lowerBound].sentence == prose.tokens[index].sentence
                }
                candidates.append(
                    (
                        (rank.later, isOwnEdition ? 0 : 1, rank.uncued, candidates.count),
                        ActivityDate(mention: mention, text: text, inBody: inBody)
                    ))
            }
        }
        // "Good News from Iraq: 23 Jul 2008" over "Wednesday, July 23, 2008": a title dated
        // with the item's own day names the page, not the activity, when the text dates it, or
        // when the title is only a date and labels ("14.01.2016. godine – Saopštenje").
        if let reference,
            candidates.contains(where: { $0.date.inBody }) || NewsReference.isPublicationLine(item.title)
        {
            candidates.removeAll { candidate in
                guard !candidate.date.inBody, let days = candidate.date.mention?.days(year: nil) else { return false }
                return days.start == reference.day && days.end == reference.day
            }
        }
        let proses = [titleProse, bodyProse]
        // The relative day of the body (else of the title) dates the activity unless a date
        // stands before it: "met today", "will open in Sarajevo tomorrow".
        let relativeDay = relativeDays.first { $0.inBody } ?? relativeDays.first
        // A span that holds the relative day says more: "closed today … the conference on 17-18 May".
        let holdsRelativeDay = { (mention: DateMention?) -> Bool in
            guard let relativeDay, let reference, let span = mention?.days(around: reference.day, ahead: false) else {
                return false
            }
            let day = relativeDay.day(from: reference.day)
            return span.start <= day && day <= span.end && span.start < span.end
        }
        let best =
            (candidates.filter { holdsRelativeDay($0.date.mention) }.min(by: { $0.rank < $1.rank })
            ?? candidates.min(by: { $0.rank < $1.rank }))?.date
        let bestPosition = best.map { date in
            date.inBody ? date.mention.map { bodyProse.sentence(at: $0.range.lowerBound) } ?? 0 : -1
        }
        if let relativeDay, bestPosition.map({ relativeDay.inBody ? relativeDay.sentence < $0 : false }) ?? true,
            !holdsRelativeDay(best?.mention)
        {
            guard let reference else {
                return ActivityDate(
                    mention: nil, text: item.body, inBody: true, undated: .relative(relativeDay.words.lowercased()))
            }
            let sentence = (relativeDay.inBody ? 1 : 0, relativeDay.sentence)
            var date = ActivityDate(
                mention: nil, text: item.body, inBody: true, reference: reference, relativeDay: relativeDay,
                duration: StatedDuration.find(in: proses, dateSentence: sentence))
            if relativeDay.inBody {
                date.until = Self.until(after: relativeDay.range, among: bodyMentions, in: bodyProse)
            }
            return date
        }
        guard var best else {
            // "last week", "earlier this month": the item's own date is not the activity's day.
            if let reference, relative == nil,
                let month = Self.otherMonth(inLeadOf: bodyProse, than: reference.day, title: item.title)
                    ?? Self.monthSpan(in: bodyProse)
            {
                return ActivityDate(mention: nil, text: item.body, inBody: true, undated: .onlyMonth(month))
            }
            if let reference, relative == nil {
                // "A five-day training … has kicked off": it runs on from the item's own date.
                let duration = Self.startingDurationSentence(in: bodyProse).flatMap {
                    StatedDuration.find(in: proses, dateSentence: (1, $0))
                }
                return ActivityDate(
                    mention: nil, text: item.body, inBody: true, reference: reference, onlyReference: true,
                    duration: duration)
            }
            let reason: UndatedReason = relative.map { .relative($0) } ?? (inPassing ? .onlyInPassing : .noDate)
            return ActivityDate(mention: nil, text: item.body, inBody: true, undated: reason)
        }
        best.reference = reference
        let prose = best.inBody ? bodyProse : titleProse
        if var mention = best.mention {
            // A weekday written with the same day elsewhere: "September 5" in the title, "on
            // Wednesday, September 5" in the text.
            if mention.first.weekday == nil,
                let weekday = (titleMentions + bodyMentions).first(where: {
                    $0.first.weekday != nil
                        && ($0.first.day, $0.first.month) == (mention.first.day, mention.first.month)
                })?.first.weekday
            {
                mention.first.weekday = weekday
                best.mention = mention
            }
            if mention.first.weekday == nil, !mention.hasYear, reference == nil, best.inBody,
                let weekday = Self.datelineWeekday(of: mention, in: bodyProse, relativeDays: relativeDays)
            {
                mention.first.weekday = weekday.weekday
                best.mention = mention
                best.assumedWeekday = weekday.words
            }
            let index = prose.tokenIndex(at: mention.range.lowerBound)
            best.isFuture = index < prose.tokens.count && RelativeDay.isFuture(prose, sentenceOf: index)
            if best.inBody { best.documentVerb = Self.documentVerb(beforeDateAt: index, in: prose, title: item.title) }
            best.isLastYear = Self.saysLastYear(after: mention, in: prose)
            if !mention.hasYear {
                let years = statedYear(
                    near: mention, inBody: best.inBody, title: titleProse, body: bodyProse,
                    skipping: reference?.ranges ?? [])
                if let restated = restatedYear(of: mention, among: titleMentions + bodyMentions)
                    ?? Self.dashedYear(of: mention, in: item.title + "\n" + item.body)
                {
                    best.statedYear = restated
                } else {
                    best.statedYear = years.stated
                    best.statedYearIsDistant = years.distant
                }
                best.otherDatesYear = years.otherDates
                best.anniversary = Self.anniversary(in: [titleProse, bodyProse])
            }
            if best.inBody { best.until = Self.until(after: mention.range, among: bodyMentions, in: bodyProse) }
            best.laterSpans = bodyMentions.filter { later in
                later.hasYear && later.first != later.last && !(reference?.ranges ?? []).contains(later.range)
                    && (!best.inBody || later.range.lowerBound >= mention.range.upperBound)
            }
            best.continuation = continuation(
                after: best.inBody ? mention.range : nil, among: bodyMentions, in: bodyProse,
                skipping: reference?.ranges ?? [])
            if mention.first.day == mention.last.day, mention.first.month == mention.last.month,
                index < prose.tokens.count
            {
                best.duration = StatedDuration.find(
                    in: proses, dateSentence: (best.inBody ? 1 : 0, prose.tokens[index].sentence))
            }
        }
        return best
    }

    /// The weekday the text names for the day of a dateline without a year: the date stands
    /// within the first six words of one of the first two paragraphs ("ZAGREB, May 27 (Hina) -",
    /// "13 December, 16:09"), is a single day, and the text's only relative day is one weekday
    /// after it ("convened in Zagreb on Tuesday"), not a span, not "next Tuesday".
    private static func datelineWeekday(of mention: DateMention, in prose: Prose, relativeDays: [RelativeDay]) -> (
        weekday: Int, words: String
    )? {
        guard mention.first == mention.last, relativeDays.count == 1, let only = relativeDays.first, only.inBody,
            let weekday = only.weekday, only.lastWeekday == nil, !only.isFuture,
            only.range.lowerBound > mention.range.upperBound
        else { return nil }
        // The words before it in its paragraph, and the paragraphs before that.
        let isBreak = { (i: Int) in prose.tokens[i].text == "\n" && i >= 1 && prose.tokens[i - 1].text == "\n" }
        var start = prose.tokenIndex(at: mention.range.lowerBound)
        var words = 0
        while start > 0, !isBreak(start - 1) {
            start -= 1
            if prose.tokens[start].isWord { words += 1 }
        }
        let paragraphs = (0..<start).filter(isBreak).count
        guard words <= 6, paragraphs <= 1 else { return nil }
        return (weekday, only.words)
    }

    /// A month and year without a day in the lead sentence ("in early December 2012"), or a
    /// month alone after "in" ("taking part in a training course in September" in an item of 8
    /// October), other than the month of `day`, the item's own date. The title repeated over
    /// the text is not its lead.
    private static func otherMonth(inLeadOf prose: Prose, than day: LocalDate, title: String) -> String? {
        guard var lead = prose.leadSentence?.sentence else { return nil }
        let wordsOf = { (sentence: Int) in prose.tokens[prose.sentences[sentence]].filter(\.isWord).map(\.text) }
        if wordsOf(lead) == Prose(title).tokens.filter(\.isWord).map(\.text),
            let next = prose.sentences.indices.first(where: { $0 > lead && wordsOf($0).count >= 6 })
        {
            lead = next
        }
        let words = prose.tokens.indices.filter { prose.tokens[$0].isWord && prose.tokens[$0].sentence == lead }
        for (position, index) in words.enumerated().dropFirst() {
            guard prose.tokens[words[position - 1]].text == "in", prose.tokens[index].isCapitalised,
                let month = DateTokenizer.months[prose.tokens[index].lowercased], month != day.month,
                index + 1 >= prose.tokens.count || prose.tokens[index + 1].text.first?.isNumber == false
            else { continue }
            return prose.tokens[index].text
        }
        for (position, index) in words.enumerated().dropLast() {
            guard let month = DateTokenizer.months[prose.tokens[index].lowercased],
                let year = Int(prose.tokens[words[position + 1]].text), (1900...2199).contains(year),
                position > 0, prose.tokens[words[position - 1]].text.first?.isNumber == false,
                (month, year) != (day.month, day.year)
            else { continue }
            return "\(prose.tokens[index].text) \(year)"
        }
        return nil
    }

    /// A date in brackets that closes the text after its last sentence, "… Police Assistance
    /// in Albania./ (30 August)": an agency's tag for the day it ran the story, not the
    /// activity's date.
    private static func isSignOff(_ mention: DateMention, in text: String) -> Bool {
        guard text[mention.range.upperBound...].filter({ !$0.isWhitespace }) == ")" else { return false }
        let before = text[..<mention.range.lowerBound].trimmingSuffix(while: \.isWhitespace)
        guard before.hasSuffix("(") else { return false }
        let lead = before.dropLast().trimmingSuffix(while: { $0 == " " || $0 == "\t" })
        return lead.isEmpty || [".", "/", "!", "?", "”", "\"", "\n"].contains(lead.last!)
    }

    /// Words before the first month of a span of whole months, and between its two months.
    private static let monthSpanStarts: Set<String> = [
        "from", "between", "de", "du", "del", "dal", "od", "vom", "von", "nga", "dari", "entre", "desde",
    ]
    private static let monthSpanJoins: Set<String> = [
        "to", "until", "till", "through", "and", "a", "au", "al", "do", "bis", "deri", "sampai", "hingga", "y", "et",
        "hasta", "и", "до",
    ]

    /// A span of whole months and its year, in English or another language: "from May to
    /// December 2023", "de mayo a diciembre de 2023", "od marta do juna 2024". Two months and a
    /// year around them are a month's context as sure as a day, so the other languages' names
    /// count here too.
    private static func monthSpan(in prose: Prose) -> String? {
        let words = prose.tokens.indices.filter { prose.tokens[$0].isWord }
        let word = { (position: Int) -> String in
            position < words.count ? prose.tokens[words[position]].lowercased : ""
        }
        for position in words.indices.dropLast(3) where monthSpanStarts.contains(word(position)) {
            guard let first = DateTokenizer.month(afterADay: word(position + 1)),
                monthSpanJoins.contains(word(position + 2)),
                let last = DateTokenizer.month(afterADay: word(position + 3)), last != first
            else { continue }
            let yearPosition = DateTokenizer.foreignOfWords.contains(word(position + 4)) ? position + 5 : position + 4
            guard let year = Int(word(yearPosition)), (1900...2199).contains(year) else { continue }
            let range =
                prose.tokens[words[position]].range.lowerBound..<prose.tokens[words[yearPosition]].range.upperBound
            return String(prose.text[range])
        }
        return nil
    }

    /// The year of the same single day written with dashes and its year, in either order of
    /// day and month: "On 12 April" beside "12-04-2017 - Workshop on …".
    private static func dashedYear(of mention: DateMention, in text: String) -> Int? {
        guard mention.first.day == mention.last.day, mention.first.month == mention.last.month else { return nil }
        for match in text.matches(of: #/\b(\d{1,2})-(\d{1,2})-(\d{4})\b(?!-)/#) {
            guard let a = Int(match.output.1), let b = Int(match.output.2), let year = Int(match.output.3) else {
                continue
            }
            if (a, b) == (mention.first.day, mention.first.month) || (b, a) == (mention.first.day, mention.first.month)
            {
                return year
            }
        }
        return nil
    }

    /// The dates in `text`, with a day and month in brackets after a relative day or a weekday
    /// ("started yesterday (10/09) and will run until Friday (14/09)").
    private func mentions(in text: String) -> [DateMention] {
        let parsed = spacedMentions(in: text)
        let bracketed = Self.bracketedDays(in: text).filter { day in
            !parsed.contains { $0.range.overlaps(day.range) }
        }
        guard !bracketed.isEmpty else { return parsed }
        return (parsed + bracketed).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Words for a day relative to the news before which a day and month in brackets name it.
    private static let bracketedDayLeads: Set<String> = [
        "yesterday", "today", "tomorrow", "tonight",
        // … and in Bosnian, Croatian, Montenegrin and Serbian: "sutra (28.09.) će se okupiti".
        "jučer", "juče", "jucer", "juce", "danas", "sutra", "večeras", "veceras",
    ]

    /// A day and month in brackets, without a year, right after a relative day or a weekday:
    /// "yesterday (10/09)", "Friday (14.09)". Alone, "(10/09)" may be anything (a score, a
    /// reference number); beside a word for a day it is that day's date, day first unless
    /// the site writes month first.
    private static func bracketedDays(in text: String) -> [DateMention] {
        // "(28.09.)": the day and month may end with a full stop, as the region writes them.
        text.matches(of: #/(\p{L}+)\s*\((\d{1,2})[/.](\d{1,2})\.?\)/#).compactMap { match in
            let word = match.output.1.lowercased()
            let weekday = word.count > 4 ? DateTokenizer.weekdays[word] : nil
            guard weekday != nil || bracketedDayLeads.contains(word), let a = Int(match.output.2),
                let b = Int(match.output.3)
            else { return nil }
            guard (1...31).contains(a), (1...12).contains(b) else { return nil }
            var day = WrittenDay(day: a, month: b, weekday: weekday)
            day.orderIsAmbiguous = a <= 12 && a != b
            // The regex puts the bracket right after the word and its spaces.
            guard let open = text[match.output.1.endIndex...].firstIndex(of: "(") else { return nil }
            let start = text.index(after: open)
            let end = text.index(before: match.range.upperBound)
            return DateMention(first: day, last: day, range: start..<end)
        }
    }

    /// The dates in `text`, also where a day's ordinal runs into its month without a space
    /// ("from 08th to 10thMay, 2019"): they are read as if spaced, at their place in `text`.
    private func spacedMentions(in text: String) -> [DateMention] {
        let glued = text.matches(of: #/\d(?:st|nd|rd|th)(?=[A-Z][a-z]{2})/#).map(\.range.upperBound).filter { index in
            let rest = text[index...].prefix { $0.isLetter }.lowercased()
            return DateTokenizer.months[rest] != nil
        }
        guard !glued.isEmpty else { return parser.mentions(in: text) }
        var spaced = ""
        var offsets: [Int] = []  // for each character of `spaced`, its offset in `text`, or -1
        var offset = 0
        for index in text.indices {
            if glued.contains(index) {
                spaced.append(" ")
                offsets.append(-1)
            }
            spaced.append(text[index])
            offsets.append(offset)
            offset += 1
        }
        return parser.mentions(in: spaced).compactMap { mention in
            let lower = spaced.distance(from: spaced.startIndex, to: mention.range.lowerBound)
            let upper = spaced.distance(from: spaced.startIndex, to: mention.range.upperBound)
            guard lower < offsets.count, offsets[lower] >= 0, upper > 0, offsets[upper - 1] >= 0 else { return nil }
            var mapped = mention
            let start = text.index(text.startIndex, offsetBy: offsets[lower])
            let end = text.index(text.startIndex, offsetBy: offsets[upper - 1] + 1)
            mapped.range = start..<end
            return mapped
        }
    }

    /// Two full dates written as a span with a comma between ("from August 15, 2023, to
    /// September 22, 2023") made one mention.
    private static func joiningSpans(_ mentions: [DateMention], in text: String) -> [DateMention] {
        var result: [DateMention] = []
        for mention in mentions {
            if var previous = result.last, previous.first == previous.last, mention.first == mention.last,
                previous.hasYear, mention.hasYear, previous.range.upperBound <= mention.range.lowerBound,
                text[previous.range.upperBound..<mention.range.lowerBound].firstMatch(
                    of: #/^\s*,\s*(to|until|till|through)\s+$/#) != nil,
                text[..<previous.range.lowerBound].hasSuffix("from "),
                let start = previous.days(year: nil)?.start, let end = mention.days(year: nil)?.end, start < end
            {
                previous.last = mention.last
                previous.range = previous.range.lowerBound..<mention.range.upperBound
                result[result.count - 1] = previous
            } else {
                result.append(mention)
            }
        }
        return result
    }

    /// Words that say an activity began, not that it took place.
    private static let startWords: Set<String> = [
        "kicked", "began", "begins", "started", "starts", "opened", "opens", "commenced", "commences",
    ]

    /// The first sentence that states a duration in days ("a five-day training") and says the
    /// activity began ("has kicked off").
    private static func startingDurationSentence(in prose: Prose) -> Int? {
        let starts = Set(prose.tokens.filter { $0.isWord && startWords.contains($0.lowercased) }.map(\.sentence))
        return starts.sorted().first { sentence in
            prose.tokens.contains { $0.sentence == sentence && $0.isWord && $0.lowercased.hasSuffix("-day") }
        }
    }

    /// The year of the same day written again with its year: "met on 4 March in Zagreb … the
    /// talks in Zagreb on 4 March 2020".
    private func restatedYear(of mention: DateMention, among mentions: [DateMention]) -> Int? {
        mentions.first { other in
            other.hasYear && other.first.day == mention.first.day && other.first.month == mention.first.month
                && other.last.day == mention.last.day && other.last.month == mention.last.month
        }.flatMap { $0.first.year ?? $0.last.year }
    }

    /// The year written nearest a mention without one: in its sentence, else in its text,
    /// else in the item's other text (title or body).
    /// The year of a publication line or dateline is the item's, not a stated one: it is
    /// left out (`skipping`, ranges in `body`).
    private func statedYear(
        near mention: DateMention, inBody: Bool, title: Prose, body: Prose, skipping: [Range<String.Index>]
    ) -> (stated: Int?, otherDates: Int?, distant: Bool) {
        let prose = inBody ? body : title
        let index = prose.tokenIndex(at: mention.range.lowerBound)
        let sentence = prose.sentence(at: mention.range.lowerBound)
        let bodyYears = Self.years(in: body).filter { year in
            !skipping.contains { $0.contains(body.tokens[year.index].range.lowerBound) }
        }
        // "in February 2017" beside "On 21-25 May" dates something else; "May 2023" may be its own,
        // but not another day's full date in it ("on 28 January … on 11 January 2016").
        let ownMonths = [mention.first.month, mention.last.month]
        let ownDays = [mention.first.day, mention.last.day]
        let ofItsMonths = { (prose: Prose, year: (index: Int, year: Int)) -> Bool in
            if let day = Self.dayOfFullDate(endingWithYearAt: year.index, in: prose) {
                return ownDays.contains(day.day) && ownMonths.contains(day.month)
            }
            guard let month = prose.wordBefore(year.index).flatMap({ DateTokenizer.months[$0] }) else { return true }
            return ownMonths.contains(month)
        }
        let years = (inBody ? bodyYears : Self.years(in: title)).filter { ofItsMonths(prose, $0) }
        let nearest =
            years.filter { prose.tokens[$0.index].sentence == sentence }.min {
                abs($0.index - index) < abs($1.index - index)
            }
            ?? years.min { abs($0.index - index) < abs($1.index - index) }
        let other = inBody ? title : body
        let otherDates =
            (bodyYears.filter { !ofItsMonths(body, $0) } + Self.years(in: title).filter { !ofItsMonths(title, $0) })
            .map(\.year).max()
        // A year in another paragraph of the same text than the mention is only a guess.
        let distant =
            nearest.map { year in
                let bounds = [prose.tokens[year.index].range.lowerBound, mention.range.lowerBound]
                return prose.text[bounds.min()!..<bounds.max()!].contains("\n")
            } ?? false
        return (
            nearest?.year ?? (inBody ? Self.years(in: title) : bodyYears).first { ofItsMonths(other, $0) }?.year,
            otherDates, distant
        )
    }

    /// Words before a year that make it the year something was founded.
    private static let foundingWords: Set<String> = [
        "established", "founded", "created", "establishment", "founding", "foundation", "creation", "inception",
    ]

    /// The year of the one anniversary the item marks ("the 15th Anniversary of the Academy")
    /// when it gives the year of one founding ("the Academy's establishment in 2006").
    private static func anniversary(in proses: [Prose]) -> (year: Int, founded: Int, ordinal: String)? {
        var ordinals: Set<String> = []
        var foundings: Set<Int> = []
        for prose in proses {
            for (index, token) in prose.tokens.enumerated() where token.isWord {
                if token.lowercased == "anniversary", let before = prose.wordBefore(index),
                    before.range(of: #"^\d{1,3}(st|nd|rd|th)$"#, options: .regularExpression) != nil
                {
                    ordinals.insert(before)
                }
                if token.text.count == 4, let year = Int(token.text), (1900...2199).contains(year),
                    prose.wordsBefore(index, limit: 3).contains(where: foundingWords.contains)
                {
                    foundings.insert(year)
                }
            }
        }
        guard ordinals.count == 1, foundings.count == 1, let ordinal = ordinals.first,
            let count = Int(ordinal.prefix { $0.isNumber }), let founded = foundings.first
        else { return nil }
        return (founded + count, founded, ordinal)
    }

    /// The day and month of a full date whose year is the token at `index`: "11 January 2016",
    /// "January 11, 2016".
    private static func dayOfFullDate(endingWithYearAt index: Int, in prose: Prose) -> (day: Int, month: Int)? {
        let words = prose.wordIndices(before: index, limit: 2).map { prose.tokens[$0].lowercased }
        guard words.count == 2 else { return nil }
        let asDay = { (word: String) -> Int? in
            Int(word.prefix { $0.isNumber }).flatMap { (1...31).contains($0) ? $0 : nil }
        }
        if let month = DateTokenizer.month(afterADay: words[1]), let day = asDay(words[0]) { return (day, month) }
        if let month = DateTokenizer.months[words[0]], let day = asDay(words[1]) { return (day, month) }
        return nil
    }

    /// A year that is one end of a period ("the Programme for Central Asia 2022 – 2025",
    /// "2015-2021") or names an event of its own ("the 2023 local elections").
    private static func isAnotherThingsYear(at index: Int, in prose: Prose) -> Bool {
        let tokens = prose.tokens
        let isYear = { (i: Int) -> Bool in
            i >= 0 && i < tokens.count && tokens[i].isWord && tokens[i].text.count == 4 && Int(tokens[i].text) != nil
        }
        let isDash = { (i: Int) -> Bool in
            i >= 0 && i < tokens.count && ["-", "–", "—", "‑", "−", "/"].contains(tokens[i].text)
        }
        if isDash(index + 1) && isYear(index + 2) || isDash(index - 1) && isYear(index - 2) { return true }
        let after = tokens[(index + 1)...].prefix { $0.isWord }.prefix(3).map(\.lowercased)
        return after.drop { electionKinds.contains($0) }.first.map(datedEvents.contains) ?? false
    }

    /// The years written as words of their own ("in 2023", "the 2023 edition"), but not a
    /// target or a bound ("by 2024", "for 2025", "until 2030"), nor a period's or another
    /// event's ("2022 – 2025", "the 2023 local elections").
    private static func years(in prose: Prose) -> [(index: Int, year: Int)] {
        prose.tokens.indices.compactMap { index in
            let token = prose.tokens[index]
            guard token.isWord, token.text.count == 4, let year = Int(token.text), (1900...2199).contains(year) else {
                return nil
            }
            if let before = prose.wordBefore(index),
                yearBounds.contains(before) || passingWords.contains(before) || laterWords.contains(before)
                    || yearBoundPairs.contains(prose.wordsBefore(index, limit: 2))
            {
                return nil
            }
            // Another thing's year: "first launched in 2009", "established in May 2017".
            if prose.wordsBefore(index, limit: 3).contains(where: otherThingsYears.contains) { return nil }
            if isAnotherThingsYear(at: index, in: prose) { return nil }
            return (index, year)
        }
    }

    /// How the date at token `index` ranks as the activity's (lower is better); nil when it
    /// is a date in passing.
    private func rank(ofDateAt index: Int, in prose: Prose, relativeTimes: [PhraseIndex<String>.Find]) -> (
        later: Int, uncued: Int
    )? {
        if let time = relativeTimes.first(where: {
            prose.tokens[$0.tokens.lowerBound].sentence == prose.tokens[index].sentence
        }) {
            return isBeside(time.tokens, index, in: prose) ? (0, 0) : nil
        }
        let indices = prose.wordIndices(before: index)
        let words = indices.map { prose.tokens[$0].lowercased }
        let near = words.suffix(3)
        if words.contains(where: Self.passingWords.contains) && !near.contains("held") { return nil }
        if Self.saysSince(words) { return nil }
        if words.last == "by"
            || indices.contains(where: { describesAThing(participleAt: $0, dateAt: index, in: prose) })
        {
            return nil
        }
        if followsUpEarlierEvent(dateAt: index, in: prose) || followsEarlierEvent(dateAt: index, in: prose)
            || datesAStatement(at: index, in: prose) || isWhatAPlanProvides(dateAt: index, in: prose)
            || datesASeriesStart(at: index, in: prose) || datesAProjectsCourse(at: index, in: prose)
        {
            return nil
        }
        let later = words.contains(where: Self.laterWords.contains) ? 1 : 0
        let cued = words.isEmpty || near.contains(where: Self.activityWords.contains)
        return (later, cued ? 0 : 1)
    }

    /// Words right after a date without a year that put it in the year before the item's, in
    /// the languages whose dates are read: "last year", "prošle godine" (and in Cyrillic),
    /// "lani", "minatata godina", "vitin e kaluar" / "vitit të kaluar", "l'année dernière",
    /// "el año pasado", "letzten Jahres", "anul trecut", "ubiegłego roku".
    private static let lastYearPhrases: PhraseIndex<Bool> = {
        var index = PhraseIndex<Bool>()
        for phrase in [
            "last year", "of last year", "prošle godine", "prosle godine", "protekle godine", "lani",
            "lanjske godine", "прошле године", "прошлата година", "минатата година", "лани", "прошлого года",
            "vitin e kaluar", "vitit të kaluar", "vitit te kaluar", "l'année dernière", "l'an dernier",
            "del año pasado", "el año pasado", "do ano passado", "dell'anno scorso", "letzten jahres",
            "vorigen jahres", "anul trecut", "ubiegłego roku", "zeszłego roku", "lansko leto", "lanskega leta",
        ] {
            index.add(phrase, true)
        }
        return index
    }()

    /// Words before a date that make it where an ongoing state of things began ("od 25.
    /// listopada prošle godine provodi", run since 25 October last year) when no end follows it.
    private static let fromWords: Set<String> = ["od", "од", "from", "since", "që", "depuis", "seit", "desde", "din"]
    private static let toWords: Set<String> = [
        "do", "до", "to", "until", "till", "deri", "jusqu", "bis", "hasta", "până",
    ]

    /// Whether the words right after `mention` put it in the year before the item's.
    static func saysLastYear(after mention: DateMention, in prose: Prose) -> Bool {
        guard !mention.hasYear else { return false }
        let next = prose.tokenIndex(at: mention.range.upperBound)
        return lastYearPhrases.finds(in: prose).contains { $0.tokens.lowerBound == next }
    }

    /// A date of last year after a word for "from" or "since", with no end after it: where an
    /// ongoing project or state began, not the activity.
    private static func beganLastYear(_ mention: DateMention, in prose: Prose) -> Bool {
        guard saysLastYear(after: mention, in: prose),
            let before = prose.wordBefore(prose.tokenIndex(at: mention.range.lowerBound)), fromWords.contains(before)
        else { return false }
        let after = prose.tokens[prose.tokenIndex(at: mention.range.upperBound)...].prefix { $0.isWord }.prefix(6)
        return !after.contains { toWords.contains($0.lowercased) }
    }

    /// "since" in the other languages whose dates are read, before a date that began a state of
    /// things, not the activity: "depuis", "seit", "otkad", "otkako", "qysh", "që kur" ("që kur mori
    /// postin … më 1 shkurt", since he took up the post on 1 February).
    private static let foreignSinceWords: Set<String> = ["depuis", "seit", "otkad", "otkako", "qysh"]
    private static func saysSince(_ words: [String]) -> Bool {
        words.contains(where: foreignSinceWords.contains)
            || zip(words, words.dropFirst()).contains { $0 == "që" && $1 == "kur" }
    }

    /// The date names an event of its own: "the June 18 elections", "the 14 May local elections".
    private func namesAnEvent(after mention: DateMention, in prose: Prose) -> Bool {
        let words = prose.tokens[prose.tokenIndex(at: mention.range.upperBound)...].prefix { $0.isWord }.prefix(3).map(
            \.lowercased)
        return words.drop { Self.electionKinds.contains($0) }.first.map(Self.datedEvents.contains) ?? false
    }

    /// "the agreement signed in Belgrade on": a participle not led by an auxiliary and not
    /// followed by an object.
    private func describesAThing(participleAt index: Int, dateAt date: Int, in prose: Prose) -> Bool {
        guard Self.describingParticiples.contains(prose.tokens[index].lowercased) else { return false }
        if let before = prose.wordBefore(index), Self.auxiliaries.contains(before) { return false }
        let next = index + 1
        return next == date || !prose.tokens[next].isWord || Self.prepositions.contains(prose.tokens[next].lowercased)
    }

    /// The date stands, up to a comma, after words that lead into an earlier event.
    private func followsUpEarlierEvent(dateAt index: Int, in prose: Prose) -> Bool {
        let words = prose.wordIndices(before: index, limit: .max, stoppingAtCommas: true).map {
            prose.tokens[$0].lowercased
        }
        return zip(words, words.dropFirst()).contains { Self.followUpLeads.contains([$0, $1]) }
    }

    /// "comes after the signing of the protocol on 13 April": up to a comma, "after" or
    /// "following", "the" and a nominalised event before the date.
    private func followsEarlierEvent(dateAt index: Int, in prose: Prose) -> Bool {
        let words = prose.wordIndices(before: index, limit: .max, stoppingAtCommas: true).map {
            prose.tokens[$0].lowercased
        }
        guard words.count >= 3 else { return false }
        return (0..<(words.count - 2)).contains { i in
            let noun = words[i + 2]
            return Self.earlierEventLeads.contains(words[i]) && words[i + 1] == "the"
                && ["ing", "tion", "sion", "ment", "al"].contains(where: noun.hasSuffix) && noun.count > 5
        }
    }

    /// Verbs that report what someone said or published.
    private static let sayingVerbs: Set<String> = [
        "said", "says", "announced", "announces", "reported", "reports", "stated", "states", "informed", "informs",
        "told", "wrote", "noted", "tweeted", "posted", "declared",
    ]
    /// Words that may stand between a verb of saying and "on" before its date: "said in a
    /// message on", "announced in a press release on".
    private static let statementWords: Set<String> = [
        "in", "a", "an", "the", "its", "their", "his", "her", "message", "statement", "press", "release",
        "communiqué", "communique", "letter", "post", "tweet", "interview", "note",
    ]

    /// The date is the day something was said, not the activity's: "took place in November
    /// 2018, the office said in a message on Nov. 30", "the Ministry announced on 5 May".
    private func datesAStatement(at index: Int, in prose: Prose) -> Bool {
        let words = prose.wordsBefore(index, limit: 8)
        guard words.last == "on", let verb = words.lastIndex(where: Self.sayingVerbs.contains) else { return false }
        return words[(verb + 1)..<(words.count - 1)].allSatisfy(Self.statementWords.contains)
    }

    /// Words for a project or a programme, whose own course (its end, its duration) is not an
    /// activity's date.
    private static let projectNouns: Set<String> = [
        "project", "projects", "programme", "programmes", "program", "programs", "twinning", "projekt", "projet",
        "proyecto", "projeto", "progetto", "projekat", "projekta", "proiect", "proiectul", "projekti", "proyek",
        "programa", "programme's", "project's",
    ]
    /// Words by which a project runs its course: "will be completed on", "runs until", "ends on".
    private static let projectCourseWords: Set<String> = [
        "completed", "complete", "completion", "ends", "end", "ending", "ended", "runs", "run", "running", "lasts",
        "duration", "concluded", "concludes", "expires", "finishes", "finished", "implemented", "implementation",
    ]
    /// Words for an activity: after one of them the date is the activity's again ("the project
    /// held a seminar, which ended on").
    private static let activityNouns: Set<String> = [
        "seminar", "workshop", "training", "course", "meeting", "conference", "session", "visit", "forum",
        "exercise", "round", "table", "event", "ceremony",
    ]

    /// The date is in what a project or programme does over its course, not an activity's:
    /// "the project 'Countering Serious Crime', which will be completed on 31 December 2023",
    /// "the programme runs until 30 June". The project word and then a word of its course stand
    /// before the date in its clause, with no activity named between.
    private func datesAProjectsCourse(at index: Int, in prose: Prose) -> Bool {
        let words = prose.wordsBefore(index, limit: 14)
        guard let project = words.lastIndex(where: Self.projectNouns.contains) else { return false }
        let after = words[(project + 1)...]
        return after.contains(where: Self.projectCourseWords.contains)
            && !after.contains(where: Self.activityNouns.contains)
    }

    /// Verbs after "first" that tell when a series began: "was first held", "first took place".
    private static let seriesStartVerbs: Set<String> = [
        "held", "organised", "organized", "convened", "launched", "introduced", "took", "started", "hosted",
    ]

    /// The date is when a series was first held, not this edition's: "The conference was first
    /// held in Manila on 21-23 October 1987" (but "the first meeting was held on" is one).
    private func datesASeriesStart(at index: Int, in prose: Prose) -> Bool {
        let words = prose.wordsBefore(index, limit: 8)
        return zip(words, words.dropFirst()).contains { $0 == "first" && Self.seriesStartVerbs.contains($1) }
    }

    /// Verbs by which an agreement or a plan provides for something, in English and the other
    /// languages whose dates are read, and the words for "that" after them.
    private static let provisionVerbs: Set<String> = [
        "foresees", "foresee", "foreseen", "envisages", "envisage", "envisaged", "stipulates", "stipulated",
        "provides", "prévoit", "prevé", "prevê", "prevede", "predviđa", "predviđeno", "predvidja", "predvideno",
        "parashikon", "parashikohet", "menetapkan",
    ]
    private static let thatWords: Set<String> = ["that", "que", "qu", "che", "da", "dass", "se", "që", "bahwa"]

    /// The date is in what an agreement or a plan provides for, not the activity's: "the
    /// protocol foresees that six officers, from 1 July to 1 September, serve on the coast"
    /// ("predviđeno je da …"). Not "is foreseen for 5 June", which schedules the activity.
    private func isWhatAPlanProvides(dateAt index: Int, in prose: Prose) -> Bool {
        guard index < prose.tokens.count else { return false }
        let words = prose.sentenceTokens(of: index).filter {
            $0.isWord && $0.range.lowerBound < prose.tokens[index].range.lowerBound
        }
        .map(\.lowercased)
        return words.indices.contains { position in
            Self.provisionVerbs.contains(words[position])
                && words[(position + 1)...].prefix(2).contains(where: Self.thatWords.contains)
        }
    }

    /// Words in a title that speak of a document being signed or adopted, in English and the
    /// other languages whose dates are read: a date of a signing is then the activity's.
    private static let documentTitleStems = [
        "sign", "firm", "suscri", "semn", "potpis", "podpis", "подпис", "потпис", "nënshkr", "unterzeichn",
        "unterschr", "assin", "sottoscri", "agreement", "accord", "acuerdo", "convenio", "memorand", "mou",
        "protocol", "treaty", "tratado", "contract", "adopt", "ratif", "aprob", "approv", "usvoj", "sprejet",
        "miratu", "соглашени", "договор", "споразум", "sporazum", "acordo", "accordo", "abkommen", "vereinbarung",
        "marrëveshj", "perjanjian", "nota kesepahaman",
    ]

    /// "El documento fue suscrito el 19 de octubre de 2012", "the agreement was signed on 5
    /// May": the date right after a participle of signing or adopting led by an auxiliary (the
    /// sentence's verb), when the title speaks of no such thing; those words, else nil.
    private static func documentVerb(beforeDateAt index: Int, in prose: Prose, title: String) -> String? {
        let words = prose.wordIndices(before: index, limit: 4)
        guard
            let participle = words.suffix(2).last(where: {
                describingParticiples.contains(prose.tokens[$0].lowercased)
            }),
            let auxiliary = prose.wordBefore(participle), auxiliaries.contains(auxiliary),
            words.last == participle || prepositions.contains(prose.tokens[words.last!].lowercased)
        else { return nil }
        let lowercasedTitle = title.lowercased()
        let stem = String(prose.tokens[participle].lowercased.prefix(4))
        guard !lowercasedTitle.contains(stem), !documentTitleStems.contains(where: lowercasedTitle.contains) else {
            return nil
        }
        return auxiliary + " " + prose.tokens[participle].text
    }

    /// The date's sentence says that something was founded then ("the Network was formed on
    /// 24 January 2018"), and the title speaks of no founding.
    private func datesAFounding(at index: Int, in prose: Prose, title: String) -> Bool {
        guard index < prose.tokens.count else { return false }
        let words = prose.sentenceTokens(of: index).filter(\.isWord).map(\.lowercased)
        let founds = zip(words, words.dropFirst()).contains { auxiliary, participle in
            ["was", "were"].contains(auxiliary) && Self.foundingParticiples.contains(participle)
        }
        let lowercasedTitle = title.lowercased()
        return founds && !Self.foundingStems.contains(where: lowercasedTitle.contains)
    }

    /// Words that number a document, and words that then lead to its date: "Order No. 18 of
    /// 12.11.2012", "dispoziţia nr. 18/1997 din 12.11.2012", "rješenje br. 5 od 3. 4. 2019".
    private static let documentNumberWords: Set<String> = [
        "no", "nr", "nº", "n°", "№", "number", "br", "broj", "numéro", "núm", "número", "numero", "num",
    ]
    private static let documentDateWords: Set<String> = [
        "of", "dated", "din", "od", "du", "del", "de", "vom", "от", "од", "dt", "dd",
    ]

    /// The date is a numbered document's, in passing: right after "of" (or its word in
    /// another language) that closes the document's number, a few tokens before.
    private static func datesADocument(at index: Int, in prose: Prose) -> Bool {
        guard index >= 2, prose.tokens[index - 1].isWord,
            documentDateWords.contains(prose.tokens[index - 1].lowercased)
        else { return false }
        let number = prose.tokens[max(0, index - 8)..<(index - 1)]
        return number.contains { documentNumberWords.contains($0.lowercased) }
            && number.contains { $0.text.first?.isNumber ?? false }
    }

    /// A later date in the body, in a sentence of its own that carries the activity on to it
    /// ("It will last on June 21", "On 26 and 27 October, … will continue"), and looks to no
    /// next event.
    private func continuation(
        after best: Range<String.Index>?, among mentions: [DateMention], in prose: Prose,
        skipping: [Range<String.Index>]
    ) -> DateMention? {
        let sentenceOfBest = best.map { prose.sentence(at: $0.lowerBound) } ?? -1
        return mentions.first { mention in
            guard mention.range.lowerBound >= (best?.upperBound ?? prose.text.startIndex),
                !skipping.contains(mention.range)
            else { return false }
            let index = prose.tokenIndex(at: mention.range.lowerBound)
            guard index < prose.tokens.count, prose.tokens[index].sentence != sentenceOfBest else { return false }
            let words = prose.sentenceTokens(of: index).filter(\.isWord).map(\.lowercased)
            let carriesOn =
                words.contains(where: Self.continuationWords.contains)
                || zip(words, words.dropFirst()).contains { $0 == "will" && $1 == "last" }
            return carriesOn && !words.contains(where: Self.laterWords.contains)
        }
    }

    /// Verbs by which an activity ends on a day, in English and the other languages whose
    /// dates are read: "is due to end on 6 August", "will conclude on", "concluye el próximo
    /// 28 de mayo", "se terminera le", "prendra fin le", "termina em", "si concluderà il".
    private static let endingVerbs: Set<String> = [
        "end", "ends", "ended", "conclude", "concludes", "concluded", "close", "closes", "finish", "finishes",
        "finished", "concluye", "concluyó", "concluirá", "culmina", "culminó", "culminará", "finaliza", "finalizó",
        "finalizará", "termina", "terminó", "terminará", "termine", "terminera", "achève", "achèvera", "fin",
        "terminou", "encerra", "encerrará", "conclui", "terminerà", "concluderà", "endet", "endete",
    ]
    /// Words between a verb of ending and its date: "end on", "concluye el próximo", "prendra
    /// fin le", "termina no dia", "endet am".
    private static let endingDateLeads: Set<String> = [
        "on", "el", "le", "il", "am", "em", "no", "dia", "día", "próximo", "proximo", "prochain", "the",
    ]

    /// The token of a verb of ending right before the date whose first token is after
    /// `index` (the word before the date, or up to two leading words before it).
    private static func endingVerb(before index: Int, in prose: Prose) -> Int? {
        var i = index
        var leads = 0
        while i >= 0, leads < 3, prose.tokens[i].isWord, endingDateLeads.contains(prose.tokens[i].lowercased) {
            i -= 1
            leads += 1
        }
        guard leads <= 2, i >= 0, prose.tokens[i].isWord, endingVerbs.contains(prose.tokens[i].lowercased) else {
            return nil
        }
        return i
    }

    /// Verbs by which an activity runs on to a day: "will run until", "which will last until".
    private static let runningWords: Set<String> = [
        "run", "runs", "running", "last", "lasts", "lasting", "continue", "continues", "continuing",
    ]

    /// The first date after `start` written as the day the activity runs until: "until" or
    /// "till" right before it (a weekday may stand between: "until Friday (14/09)"), and a verb
    /// of running up to six words before that ("will run until", "which will last until 30
    /// May"). A deadline ("applications until 30 May") has no such verb. In the paragraph of
    /// the start or the next; further on, only a sentence whose subject is the activity itself,
    /// named by its noun ("The general meeting will continue until December 9, 2022", three
    /// paragraphs after "kicked off today"), and not a project's or a programme's course.
    private static func until(
        after start: Range<String.Index>, among mentions: [DateMention], in prose: Prose
    ) -> DateMention? {
        mentions.first { mention in
            guard mention.range.lowerBound >= start.upperBound else { return false }
            let isNear = prose.text[start.upperBound..<mention.range.lowerBound].matches(of: #/\n\s*\n/#).count <= 1
            var i = prose.tokenIndex(at: mention.range.lowerBound) - 1
            while i >= 0, !prose.tokens[i].isWord, ["(", ","].contains(prose.tokens[i].text) { i -= 1 }
            if i >= 0, DateTokenizer.weekdays[prose.tokens[i].lowercased] != nil { i -= 1 }
            while i >= 0, !prose.tokens[i].isWord, ["(", ","].contains(prose.tokens[i].text) { i -= 1 }
            if i >= 0, let end = endingVerb(before: i, in: prose) {
                // "is due to end on 6 August", "y concluye el próximo 28 de mayo": not a project's
                // end; further on, only the activity's, named by its noun in the clause.
                let before = prose.wordsBefore(end, limit: 25)
                return !before.contains(where: projectNouns.contains) && !before.contains(where: laterWords.contains)
                    && (isNear || before.contains(where: activityNouns.contains))
            }
            guard i >= 0, ["until", "till"].contains(prose.tokens[i].lowercased) else { return false }
            let before = prose.wordsBefore(i, limit: 12)
            guard let verb = before.lastIndex(where: runningWords.contains), before.count - verb <= 6 else {
                return false
            }
            if isNear { return true }
            let subject = before[..<verb]
            return subject.contains(where: activityNouns.contains) && !subject.contains(where: projectNouns.contains)
                && !before.contains(where: laterWords.contains)
        }
    }

    /// Relative times that time an activity: among the first four words of a clause ("Last
    /// week, …", "The Board yesterday …") or right after "held", "met" or "took place".
    private func relativeActivityTimes(in prose: Prose) -> [PhraseIndex<String>.Find] {
        Self.relativeTimes.finds(in: prose).filter { find in
            let start = find.tokens.lowerBound
            let before = prose.wordBefore(start) ?? ""
            let after = find.tokens.upperBound < prose.tokens.count ? prose.tokens[find.tokens.upperBound] : nil
            return prose.wordsBefore(start, limit: 4).count < 4
                || ["held", "met", "place", "opens", "begins", "ends"].contains(before)
                || before.count > 4 && before.hasSuffix("ed")
                // "IOM's Mission in Bosnia and Herzegovina last week organized …"
                || after.map { $0.isWord && $0.lowercased.count > 4 && $0.lowercased.hasSuffix("ed") } ?? false
        }
    }

    /// The date names the day of the relative time: it starts inside those words or right
    /// after them ("last Thursday, 12 June", "yesterday (5 May)", "last week, on 3 May").
    private func isBeside(_ time: Range<Int>, _ index: Int, in prose: Prose) -> Bool {
        guard index >= time.lowerBound else { return false }
        guard index > time.upperBound else { return true }
        return index - time.upperBound <= 2
            && prose.tokens[time.upperBound..<index].allSatisfy { [",", "(", "on"].contains($0.lowercased) }
    }
}

extension Substring {
    /// The text without its trailing characters that satisfy `predicate`.
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
