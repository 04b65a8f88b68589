import AlmanacModel
import AlmanacRecords
import Foundation

/// Turns activity news (plain text or Markdown) into records: the activity's dates, its
/// place, a category among the project's, the partner organisations, the paragraph as
/// summary and the original text as source. An item without a date becomes a draft to
/// review. What is assumed rather than read (a year from `--year` or a neighbouring item, a
/// date from the item's dateline or publication line alone, the order of 05/09/2018, a
/// ministry's capital as the venue) makes the record tentative, with a source-note saying so.
public struct NewsImporter: Sendable {
    public let config: ProjectConfig
    public let gazetteer: Gazetteer
    /// The year of dates written without one; nil to take it from the nearest dated item.
    public let year: Int?

    public init(config: ProjectConfig, gazetteer: Gazetteer, year: Int? = nil) {
        self.config = config
        self.gazetteer = gazetteer
        self.year = year
    }

    public func importNews(_ text: String, file: String) -> ImportResult {
        let items = NewsItems.split(text)
        var result = ImportResult()
        result.itemCount = items.count
        if items.isEmpty {
            result.diagnostics.append(
                .error(
                    SourceLocation(file: file), "no news items found",
                    hint: """
                        write each item as a title line, a blank line and \
                        its paragraph, or as a Markdown heading and its text
                        """
                ))
            return result
        }
        let order = SlashDateOrder(in: text)
        let dates = ActivityDateReader(monthFirst: order == .monthFirst)
        let chosen = items.map(dates.date(of:))
        let places = PlaceExtractor(gazetteer: gazetteer)
        let categories = CategoryGuesser(categories: config.categories)
        let checker = RecordChecker(config: config, gazetteer: gazetteer)
        let organisations = OrganisationMatcher(
            known: KnownOrganisation.bundled + config.organisations, excluding: config.organisation,
            gazetteer: gazetteer)
        for (index, item) in items.enumerated() {
            let location = SourceLocation(file: file, line: item.line)
            var days: (start: LocalDate, end: LocalDate)?
            var assumptions: [String] = []
            let date = chosen[index]
            if let relative = date.relativeDay, let reference = date.reference {
                days = relative.days(from: reference.day)
            } else if date.onlyReference, let reference = date.reference {
                days = (reference.day, reference.day)
                assumptions.append(
                    """
                    the text gives the activity no date of its own, so it is taken to be the item's \
                    \(reference.kind == .published ? "publication date" : "dateline date"), \(reference.day)
                    """
                )
            } else if let mention = date.mention {
                let resolved =
                    order == nil && mention.isOrderAmbiguous
                    ? resolveOrder(of: mention, at: index, among: chosen) : resolve(mention, at: index, among: chosen)
                days = resolved?.days
                assumptions += resolved?.assumption.map { [$0] } ?? []
                if let words = date.assumedWeekday, let start = days?.start, start.weekday == mention.first.weekday {
                    assumptions.append(
                        "'\(chosen[index].text[mention.range])' is taken to be the day of '\(words)', so the year is "
                            + "one in which it falls on that weekday")
                }
                if let verb = date.documentVerb, days != nil {
                    assumptions.append(
                        """
                        the date is that of '\(verb) \(chosen[index].text[mention.range])', a signing or an adoption \
                        the title does not speak of, which may be an earlier document's and not the activity's
                        """
                    )
                }
                if days == nil {
                    let written = chosen[index].text[mention.range]
                    let why =
                        if case .apart(let one, let other, _) = Self.neighbourYear(at: index, among: chosen) {
                            """
                            the items around it are dated more than a year apart (\(one) and \(other)), so \
                            none of them gives it
                            """
                        } else { "no other item gives one" }
                    result.diagnostics.append(
                        .warning(
                            location, "'\(written)' has no year and \(why), so it is written as a draft",
                            hint: "pass --year YYYY, or add the year to the text"))
                }
            } else if let reason = chosen[index].undated {
                result.diagnostics.append(
                    .warning(
                        location, "'\(item.title)': \(reason.explanation), so it is written as a draft to review",
                        hint: "add `start:` to the record when the date is known, and remove `status: draft`"))
            }
            if let span = days, span.start == span.end, let duration = date.duration {
                days = duration.span(of: span.start)
            }
            // "On 17 January 2019 the heads met … from 16 to 18 January 2019": a later span of
            // at most two weeks that holds the one day is the activity's.
            if let span = days, span.start == span.end,
                let whole = date.laterSpans.lazy.compactMap({ $0.days(year: nil) }).first(where: {
                    $0.start <= span.start && span.end <= $0.end && $0.end <= $0.start.adding(days: 14)
                })
            {
                days = whole
            }
            // "On June 20, … opened. … It will last on June 21": the activity goes on to a later date.
            if let span = days, let continuation = date.continuation,
                let more = continuation.days(year: continuation.hasYear ? nil : span.start.year),
                more.start >= span.start, more.start <= span.end.adding(days: 1), more.end > span.end,
                more.end <= span.start.adding(days: 14)
            {
                days = (span.start, more.end)
            }
            // "started yesterday (10/09) and will run until Friday (14/09)": the day it runs until ends it.
            if let span = days, let until = date.until,
                let more = until.days(year: until.hasYear ? nil : span.start.year),
                more.end > span.end, more.end <= span.start.adding(days: 92)
            {
                days = (span.start, more.end)
            }
            if let span = days, let period = Self.periodInALaterParagraph(span, of: date) { assumptions.append(period) }
            let dateRange =
                date.relativeDay.map { $0.inBody ? $0.range : nil } ?? (date.inBody ? date.mention?.range : nil)
            let place = places.place(title: item.title, body: item.body, dateRange: dateRange)
            if let assumed = place?.assumption { assumptions.append(assumed) }
            let category = categories.category(title: item.title, body: item.body)
            if category == nil, !config.categories.isEmpty {
                result.diagnostics.append(
                    .warning(
                        location, "'\(item.title)': none of the project's categories fits, so it has no category",
                        hint: """
                            the categories are: \(config.categories.joined(separator: ", ")); \
                            set `category:` in the record
                            """
                    ))
            }
            let id =
                days.map { "\($0.start)-\(Identifier.slug(item.title, maxLength: 50))" }
                ?? Identifier.slug(item.title, maxLength: 60)
            var draft = RecordDraft(origin: .file(location), path: file, fallbackID: id, policy: .importedItem)
            // Every value comes from the item: its title line is where problems are reported.
            let origin = ValueOrigin.file(location)
            draft.set(RecordSchema.id, id, at: origin)
            draft.set(RecordSchema.title, item.title, at: origin)
            draft.set(RecordSchema.start, days?.start.description, at: origin)
            draft.set(RecordSchema.end, days?.end.description, at: origin)
            draft.set(RecordSchema.timezone, place?.city?.timezone ?? config.timezone, at: origin)
            if let place {
                let parts = LocationParts(
                    city: place.cityName.map { LocationParts.Part($0, at: origin) },
                    country: LocationParts.Part(place.country, at: origin))
                draft[RecordSchema.location] = DraftValue(.parts(parts), origin: origin)
            }
            if let coordinates = place?.city?.coordinates {
                draft.set(
                    RecordSchema.geo, list: [String(coordinates.latitude), String(coordinates.longitude)], at: origin)
            }
            draft.set(RecordSchema.category, category, at: origin)
            draft.set(
                RecordSchema.organisations, list: organisations.organisations(in: [item.title, item.body]), at: origin)
            draft.set(
                RecordSchema.status,
                (days == nil ? EventStatus.draft : assumptions.isEmpty ? .confirmed : .tentative).rawValue,
                at: origin)
            if !assumptions.isEmpty {
                draft.set(
                    RecordSchema.sourceNote,
                    "Assumed by the importer, to review: " + assumptions.joined(separator: "; ") + ".", at: origin)
            }
            draft.set(RecordSchema.summary, item.body.isEmpty ? nil : item.body, at: origin)
            draft.set(RecordSchema.source, item.source, at: origin)
            // The same rules as every other record, each problem at the item's line.
            guard var record = checker.check(draft, diagnostics: &result.diagnostics) else { continue }
            record.origin = location
            result.records.append(record)
        }
        return result
    }

    /// A period of more than two weeks named after the text's first paragraph of prose, which
    /// dates nothing itself ("A reception was held for three officers …", then "The police sent
    /// them to Croatia from 17 July to 18 August 2022"): it may be what led to the activity (a
    /// deployment, a programme) rather than the activity, so taking it is an assumption.
    private static func periodInALaterParagraph(_ span: (start: LocalDate, end: LocalDate), of date: ActivityDate)
        -> String?
    {
        guard span.end > span.start.adding(days: 14), date.inBody, date.relativeDay == nil,
            let mention = date.mention
        else { return nil }
        var start = date.text.startIndex
        while start < mention.range.lowerBound {
            let end = date.text.range(of: "\n\n", range: start..<date.text.endIndex)?.lowerBound ?? date.text.endIndex
            if date.text.distance(from: start, to: end) > 200 {
                guard end <= mention.range.lowerBound else { return nil }
                return """
                    the dates are those of '\(date.text[mention.range])', a period of \
                    \(span.end.dayNumber - span.start.dayNumber + 1) days named after the paragraph that reports the \
                    activity, which may be what led to it and not the activity itself
                    """
            }
            start = date.text.index(end, offsetBy: 2, limitedBy: date.text.endIndex) ?? date.text.endIndex
        }
        return nil
    }

    /// The days of a mention written "05/09/2018" in a file whose other dates do not show
    /// which comes first, day or month: the reading whose named weekday fits, else the one on
    /// the side of the item's own date that its tense points to (before it for a report),
    /// else day first, flagged.
    private func resolveOrder(of mention: DateMention, at index: Int, among choices: [ActivityDate]) -> (
        days: (start: LocalDate, end: LocalDate), assumption: String?
    )? {
        let readings = [mention, mention.swapped].compactMap { reading in
            resolve(reading, at: index, among: choices).map { (reading, $0) }
        }
        guard let first = readings.first else { return nil }
        guard readings.count == 2 else { return first.1 }
        let fitting = readings.filter { reading, resolved in
            [(reading.first.weekday, resolved.days.start), (reading.last.weekday, resolved.days.end)].allSatisfy {
                weekday, day in weekday.map { $0 == day.weekday } ?? true
            }
        }
        if fitting.count == 1, mention.first.weekday != nil || mention.last.weekday != nil { return fitting[0].1 }
        if let reference = choices[index].reference?.day {
            let ahead = choices[index].isFuture
            let onItsSide = readings.filter { ahead ? $0.1.days.start >= reference : $0.1.days.end <= reference }
            if onItsSide.count == 1 { return onItsSide[0].1 }
        }
        let written = choices[index].text[mention.range]
        let other = readings[1].1.days.start
        let note = "'\(written)' is read day first, as \(first.1.days.start); month first it would be \(other)"
        return (first.1.days, ([first.1.assumption, note].compactMap { $0 }).joined(separator: "; "))
    }

    /// The days of a mention, and what was assumed to get them. A year it leaves out comes
    /// from the item itself ("the 2023 edition", the same day restated with its year), else
    /// from the day the item was written (the year that puts the day before it, or after it
    /// when the text looks ahead), else — assumed — from an anniversary the item marks of a
    /// founding it dates, else from `--year`, else from the latest other date the item names,
    /// else from the nearest item whose date has one.
    private func resolve(_ mention: DateMention, at index: Int, among choices: [ActivityDate]) -> (
        days: (start: LocalDate, end: LocalDate), assumption: String?
    )? {
        if mention.hasYear { return mention.days(year: nil).map { ($0, nil) } }
        let choice = choices[index]
        // "on 12 December last year": the year before the item's own.
        if choice.isLastYear, let reference = choice.reference?.day {
            return mention.days(year: reference.year - 1).map { ($0, nil) }
        }
        // A year in another paragraph may be another thing's ("the first Forum was held in
        // 2003"): the item's own date says more.
        if let stated = choice.statedYear, !choice.statedYearIsDistant {
            if let weekdayFits = Self.weekdayFitsTheReference(mention, not: stated, of: choice) {
                return (weekdayFits, nil)
            }
            return mention.days(year: stated).map { ($0, nil) }
        }
        if let stated = choice.statedYear, choice.reference == nil {
            return days(of: mention, near: stated).map {
                (
                    $0.days,
                    "the date has no year, so it is taken from another paragraph of the text, \(stated)\($0.note)"
                )
            }
        }
        if let reference = choice.reference?.day {
            return mention.days(around: reference, ahead: choice.isFuture).map { ($0, nil) }
        }
        if let anniversary = choice.anniversary {
            return mention.days(year: anniversary.year).map {
                (
                    $0,
                    """
                    the text gives the activity no year, so it is taken to be that of the \(anniversary.ordinal) \
                    anniversary of a founding in \(anniversary.founded), \(anniversary.year)
                    """
                )
            }
        }
        if let year {
            return mention.days(year: year).map { ($0, "the year \(year) is the one given with --year") }
        }
        if let other = choice.otherDatesYear {
            return days(of: mention, near: other).map {
                (
                    $0.days,
                    "the text gives the activity no year, so it is taken from another date in it, in \(other)\($0.note)"
                )
            }
        }
        switch Self.neighbourYear(at: index, among: choices) {
        case .year(let anchor):
            return mention.days(near: anchor).map {
                ($0, "the year \($0.start.year) is taken from a neighbouring item dated \(anchor)")
            }
        // "On Tuesday, 17 March": the weekday leaves one year in about seven, the nearest
        // dated item says which.
        case .apart(let one, let other, let anchor) where mention.first.weekday != nil || mention.last.weekday != nil:
            return mention.days(near: anchor).map {
                (
                    $0,
                    """
                    the year \($0.start.year) is the one nearest a neighbouring item dated \(anchor) in which the \
                    weekday the text names fits, though the items around it are dated more than a year apart \
                    (\(one) and \(other))
                    """
                )
            }
        case .apart, .none: return nil
        }
    }

    /// Where a yearless item may take its year from the items around it.
    enum NeighbourYear: Equatable {
        /// The nearest dated item's date (its own, else the day it was written).
        case year(LocalDate)
        /// No other item is dated.
        case none
        /// The dated items around it lie more than a year apart: nothing says which year is its
        /// (the nearest dated item's date is the last).
        case apart(LocalDate, LocalDate, nearest: LocalDate)
    }

    /// The nearest dated item's date, when the list is chronological around the item: the
    /// nearest dated items before and after it lie within a year of each other, or, at an end
    /// of the list, the two nearest on its one side do (or the list has one dated item only).
    /// A site's news list, items weeks apart, gives its year; items gathered from many sites
    /// or years, next to each other in no order, give none.
    static func neighbourYear(at index: Int, among choices: [ActivityDate]) -> NeighbourYear {
        let anchors = choices.map { $0.mention?.days(year: nil)?.start ?? $0.reference?.day }
        let before = choices.indices.filter { $0 < index && anchors[$0] != nil }.reversed().prefix(2).map { $0 }
        let after = choices.indices.filter { $0 > index && anchors[$0] != nil }.prefix(2).map { $0 }
        let pair: [Int] =
            before.isEmpty || after.isEmpty ? Array((before + after).prefix(2)) : [before[0], after[0]]
        guard
            let nearest = (before.prefix(1) + after.prefix(1)).min(by: {
                (abs($0 - index), $0) < (abs($1 - index), $1)
            }), let anchor = anchors[nearest]
        else { return .none }
        if pair.count == 2, let one = anchors[pair[0]], let other = anchors[pair[1]],
            abs(one.dayNumber - other.dayNumber) > 366
        {
            return .apart(min(one, other), max(one, other), nearest: anchor)
        }
        return .year(anchor)
    }
}

extension NewsImporter {
    /// "On Saturday, 12th of May" in an item published on 15 May 2012 that also names "the 9th of
    /// May 1950": the days around the item's own date when the weekday the text names falls on
    /// them there and not in `year`, the year written elsewhere in the text, which is then another
    /// thing's.
    fileprivate static func weekdayFitsTheReference(_ mention: DateMention, not year: Int, of choice: ActivityDate)
        -> (start: LocalDate, end: LocalDate)?
    {
        guard let weekday = mention.first.weekday, let reference = choice.reference?.day,
            let inYear = mention.days(year: year), inYear.start.weekday != weekday,
            let around = mention.days(around: reference, ahead: choice.isFuture), around.start.weekday == weekday
        else { return nil }
        return around
    }

    /// The days of a mention without a year in `year`, a year guessed from elsewhere in the
    /// text; but when the mention names a weekday ("on Tuesday, 4 March") that its day does not
    /// fall on in that year, in the nearest year in which it does, with a note saying so.
    fileprivate func days(of mention: DateMention, near year: Int) -> (
        days: (start: LocalDate, end: LocalDate), note: String
    )? {
        guard let days = mention.days(year: year) else { return nil }
        let named = [(mention.first.weekday, days.start), (mention.last.weekday, days.end)]
        guard named.contains(where: { weekday, day in weekday.map { $0 != day.weekday } ?? false }),
            let fitting = mention.days(near: days.start), fitting.start.year != year,
            fitting.start.weekday == mention.first.weekday ?? fitting.start.weekday
        else { return (days, "") }
        return (
            fitting,
            """
            ; but the weekday the text names falls on that day in \(fitting.start.year), not in \(year), \
            so it is dated \(fitting.start)
            """
        )
    }
}

/// Which number comes first in the dates a file writes with slashes, as its unambiguous
/// ones show: 13/05/2018 is day first, 05/13/2018 month first. Nil when none shows it, or
/// when both kinds appear.
enum SlashDateOrder: Equatable {
    case dayFirst
    case monthFirst

    init?(in text: String) {
        var seen: Set<SlashDateOrder> = []
        for match in text.matches(of: #/\b(\d{1,2})/(\d{1,2})/\d{4}\b/#) {
            guard let a = Int(match.output.1), let b = Int(match.output.2) else { continue }
            if a > 12, b <= 12 { seen.insert(.dayFirst) }
            if b > 12, a <= 12 { seen.insert(.monthFirst) }
        }
        guard seen.count == 1, let order = seen.first else { return nil }
        self = order
    }
}
