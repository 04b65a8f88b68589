import AlmanacModel
import Foundation
internal import ICal

/// The one set of rules for records: turns a ``RecordDraft`` from any source into an
/// ``EventRecord``, reporting every problem at the origin of the value that has it.
public struct RecordChecker: Sendable {
    public var config: ProjectConfig { rules.config }
    public var gazetteer: Gazetteer { rules.gazetteer }
    /// Held once and shared by every check: a check of a big log's row would otherwise copy
    /// the whole configuration and gazetteer (a retain for each of their parts) and free them.
    private let rules: Rules

    final class Rules: Sendable {
        let config: ProjectConfig
        let gazetteer: Gazetteer
        /// The project's categories lowercased, in their order: lowercased once, not for each
        /// record that names a category.
        let lowercasedCategories: [String]

        init(config: ProjectConfig, gazetteer: Gazetteer) {
            self.config = config
            self.gazetteer = gazetteer
            lowercasedCategories = config.categories.map { $0.lowercased() }
        }
    }

    public init(config: ProjectConfig, gazetteer: Gazetteer) {
        rules = Rules(config: config, gazetteer: gazetteer)
    }

    /// What checking one draft came to.
    public struct Outcome: Sendable {
        /// nil when the draft has errors.
        public var record: EventRecord?
        public var diagnostics: [Diagnostic] = []
        /// The fields that have errors (keys), for asking again.
        public var fieldsWithErrors: Set<String> = []
    }

    public func check(_ draft: RecordDraft, diagnostics: inout [Diagnostic]) -> EventRecord? {
        check(draft, places: nil, diagnostics: &diagnostics)
    }

    /// ``check(_:diagnostics:)`` for one of many drafts checked one after another on one
    /// thread (the rows of a log's chunk): the lookups of a place are remembered in `places`
    /// for the next draft of the same city and country.
    func check(_ draft: RecordDraft, places: PlaceLookups?, diagnostics: inout [Diagnostic]) -> EventRecord? {
        // No ``Outcome`` is made: its set of fields, and the record moved in and out of it,
        // cost a row of a big log some 1,000 instructions.
        var check = Check(draft: draft, rules: rules, places: places)
        let record = check.run()
        diagnostics += check.outcome.diagnostics
        return check.outcome.diagnostics.hasErrors ? nil : record
    }

    public func check(_ draft: RecordDraft) -> Outcome { check(draft, places: nil) }

    private func check(_ draft: RecordDraft, places: PlaceLookups?) -> Outcome {
        var check = Check(draft: draft, rules: rules, places: places)
        let record = check.run()
        return Outcome(
            record: check.outcome.diagnostics.hasErrors ? nil : record, diagnostics: check.outcome.diagnostics,
            fieldsWithErrors: check.outcome.fieldsWithErrors)
    }
}

/// One run of the rules over one draft.
private struct Check {
    typealias Schema = RecordSchema

    let draft: RecordDraft
    let rules: RecordChecker.Rules
    var config: ProjectConfig { rules.config }
    var gazetteer: Gazetteer { rules.gazetteer }
    /// The last draft's place lookups, when drafts are checked one after another.
    let places: PlaceLookups?
    var outcome = RecordChecker.Outcome()
    /// The record's title, for messages about an imported item.
    var title = ""

    init(draft: RecordDraft, rules: RecordChecker.Rules, places: PlaceLookups? = nil) {
        self.draft = draft
        self.rules = rules
        self.places = places
    }

    mutating func error(_ field: RecordField, _ message: String, hint: String? = nil, at origin: ValueOrigin? = nil) {
        outcome.diagnostics.append((origin ?? draft.origin(of: field)).error(message, hint: hint))
        outcome.fieldsWithErrors.insert(field.key)
    }

    mutating func warning(_ field: RecordField, _ message: String, hint: String? = nil, at origin: ValueOrigin? = nil) {
        outcome.diagnostics.append((origin ?? draft.origin(of: field)).warning(message, hint: hint))
    }

    /// An importer's item: a bad optional value is left out with a warning, not an error.
    var isImportedItem: Bool { draft.policy == .importedItem }

    /// How a message about an imported item names `field`: as its source does (`URL`), else
    /// by its key.
    func label(_ field: RecordField) -> String {
        draft[field]?.label ?? "'\(field.key)'"
    }

    /// A text value; a list is reported.
    mutating func text(_ field: RecordField) -> String? {
        if let text = draft.text(of: field) { return text }
        guard let value = draft[field] else { return nil }
        error(field, "'\(field.key)' must be a single value, not a list or a map", at: value.valueOrigin)
        return nil
    }

    /// One value or a list of values.
    mutating func list(_ field: RecordField) -> [String] {
        switch draft.content(of: field) {
        case .text(let text)?: return [text]
        case .date(let date)?: return [date.description]
        case .list(let items)?: return items
        case .parts?:
            error(field, "'\(field.key)' must be a value or a list of values", at: draft[field]?.valueOrigin)
            return []
        case nil: return []
        }
    }

    /// The items of ``list(_:)``, trimmed, the empty ones left out: made in one array of the
    /// right size (a `map` and a `filter` made two, the second grown item by item).
    mutating func nonEmptyItems(_ field: RecordField) -> [String] {
        let items = list(field)
        // Items that are all kept as they are (a spreadsheet's, trimmed already) are handed on.
        if items.allSatisfy({ !$0.isEmpty && $0.trimmed.utf8.count == $0.utf8.count }) { return items }
        var result: [String] = []
        result.reserveCapacity(items.count)
        for item in items {
            let trimmed = item.trimmed
            if !trimmed.isEmpty { result.append(trimmed) }
        }
        return result
    }

    mutating func run() -> EventRecord {
        let id = checkID()
        let title = text(Schema.title)?.trimmed
        self.title = title ?? ""
        if title?.isEmpty ?? true {
            error(Schema.title, "the record has no 'title'", hint: "add a line such as `title: 7th IISG Board meeting`")
        }
        let status = choice(Schema.status, EventStatus.self) ?? .confirmed
        let timing = checkTiming(isDraft: status == .draft)
        let place = checkPlace()
        organisationsInOneValue()
        // The country's key serves both its lookups: in the gazetteer and in the country table.
        let lookups = lookUp(place)
        let countryKey = lookups.countryKey
        let known = lookups.known
        unknownCity(place, known: known)
        misspeltCountry(place, key: countryKey, isKnown: lookups.isKnownCountry)

        var record = EventRecord(
            id: id.value, title: title ?? "", timing: timing,
            timezone: checkZone(default: known?.timezone ?? config.timezone),
            origin: SourceLocation(file: draft.path))
        record.idIsDerived = id.derived
        record.status = status
        record.summary = text(Schema.summary)?.trimmed
        record.source = text(Schema.source)?.trimmed
        record.sourceNote = text(Schema.sourceNote)?.trimmed.nonEmpty
        record.place = place
        record.coordinates = checkCoordinates()
        if !isImportedItem {
            if record.place?.country == nil, let known { record.place?.country = known.country }
            record.coordinates = record.coordinates ?? known?.coordinates
        }
        record.category = checkCategory()
        record.tags = checkLabels(Schema.tags)
        record.organisations = nonEmptyItems(Schema.organisations)
        checkParticipants(into: &record)
        record.role = choice(Schema.role, EventRole.self)
        record.format = choice(Schema.format, EventFormat.self)
        record.visibility = choice(Schema.visibility, Visibility.self) ?? .public
        record.url = checkURL()
        record.repeatRule = checkRepeat(timing: timing)
        record.exceptions = checkExceptions(timing: timing, hasRepeat: record.repeatRule != nil)
        checkYears(of: &record)
        return record
    }

    // MARK: Fields

    mutating func checkID() -> (value: String, derived: Bool) {
        guard let id = text(Schema.id) else {
            warning(
                Schema.id,
                """
                the record has no 'id', so its calendar UID comes \
                from the file name and changes if the file is renamed
                """,
                hint: "add `id: \(draft.fallbackID)` as the first line")
            return (draft.fallbackID, true)
        }
        if !Identifier.isValid(id) {
            error(
                Schema.id, "'\(id)' is not a valid id",
                hint: "use letters, digits, '-', '_' and '.', e.g. `\(Identifier.slug(id))`")
        }
        return (id, false)
    }

    mutating func checkTiming(isDraft: Bool) -> EventTiming? {
        guard let start = moment(Schema.start) else {
            if isDraft {
                // An importer says itself why its item has no date.
                if !isImportedItem {
                    warning(
                        Schema.status,
                        "this draft has no date yet; it stays out of feeds and reports until it gets a 'start'",
                        hint: "add `start: YYYY-MM-DD` when the date is known")
                }
            } else {
                error(
                    Schema.start, "the record has no 'start'",
                    hint: """
                        add `start: 2023-09-05` (or `2023-09-05T10:00`), \
                        or mark it `status: draft` until the date is known
                        """,
                    at: draft.origin(of: Schema.title))
            }
            if draft.has(Schema.end) { error(Schema.end, "'end' without 'start'", hint: "add the 'start' as well") }
            return nil
        }
        let end = moment(Schema.end)
        switch start.read {
        case .day(let date)?:
            guard let end else { return .allDay(start: date, end: date) }
            guard case .day(let last)? = end.read else {
                let advice = DateAdvice.explain(
                    end.text, otherwise: "the start is a whole day, so write the last day as YYYY-MM-DD")
                error(Schema.end, advice.message, hint: advice.hint)
                return nil
            }
            guard last >= date else {
                error(
                    Schema.end, "the end (\(last)) is before the start (\(date))",
                    hint: "for whole days, 'end' is the last day of the activity")
                return nil
            }
            return .allDay(start: date, end: last)
        case .dateTime(let start)?:
            guard let end else { return .timed(start: start, end: nil) }
            let last: LocalDateTime
            if case .dateTime(let full)? = end.read {
                last = full
            } else if let time = LocalDateTime.timeOfDay(end.text) {
                last = LocalDateTime(date: start.date, hour: time / 60, minute: time % 60)
            } else {
                error(
                    Schema.end, "'\(end.text)' is not a time",
                    hint: "write the end as 16:00 (same day) or 2023-09-06T16:00")
                return nil
            }
            guard last >= start else {
                error(Schema.end, "the end (\(last)) is before the start (\(start))")
                return nil
            }
            return .timed(start: start, end: last)
        case nil:
            let advice = DateAdvice.explain(start.text)
            error(Schema.start, advice.message, hint: advice.hint)
            return nil
        }
    }

    /// A `start` or `end`: read already by the source, or text read here (``DraftDate/init(iso:)``).
    struct Moment {
        /// The date, or nil when the text is none.
        let read: DraftDate?
        private let given: String?

        /// The text as given (a date read already, as a record writes it).
        var text: String { given ?? read?.description ?? "" }

        init(read date: DraftDate) {
            read = date
            given = nil
        }

        init(text: String) {
            read = DraftDate(iso: text)
            given = text
        }
    }

    /// `field` as a ``Moment``; nil when it has no value (or a list or map, reported).
    mutating func moment(_ field: RecordField) -> Moment? {
        if case .date(let date)? = draft.content(of: field) { return Moment(read: date) }
        return text(field).map(Moment.init(text:))
    }

    mutating func checkZone(default fallback: String) -> String {
        guard let zone = text(Schema.timezone) else { return fallback }
        guard ICalTimezones.isKnown(zone) else {
            error(
                Schema.timezone, "'\(zone)' is not a known time zone",
                hint: "use an IANA name such as Europe/Sarajevo or Europe/Brussels")
            return fallback
        }
        return zone
    }

    mutating func checkPlace() -> Place? {
        if let parts = draft.partTexts(of: Schema.location) {
            return Place(venue: parts.venue?.trimmed, city: parts.city?.trimmed, country: parts.country?.trimmed)
        }
        switch draft.content(of: Schema.location) {
        case .text(let text)?: return Place(text: text.trimmed)
        case .date(let date)?: return Place(text: date.description)
        case .parts?: return nil
        case .list?:
            error(
                Schema.location, "'location' must be a set of `key: value` lines",
                at: draft[Schema.location]?.valueOrigin)
            return nil
        case nil: return nil
        }
    }

    mutating func checkCoordinates() -> Coordinates? {
        guard let value = draft[Schema.geo] else { return nil }
        let items: [String]
        switch value.content {
        case .list(let list): items = list
        default: items = []
        }
        guard let coordinates = Coordinates(checked: items.compactMap { Double($0) }) else {
            if isImportedItem {
                let numbers = items.compactMap { Double($0) }
                let problem =
                    numbers.count == 2 && items.count == 2 ? "is not a point on the globe" : "is not a position"
                warning(
                    Schema.geo,
                    """
                    the \(label(Schema.geo)) of '\(title)' \
                    (\(items.joined(separator: ";"))) \(problem), so it is left out
                    """,
                    hint: """
                        latitude must lie within ±90 and longitude within ±180; \
                        add a correct `geo:` to the record if it needs one
                        """,
                    at: value.valueOrigin)
                return nil
            }
            error(
                Schema.geo, "'geo' must be [latitude, longitude]", hint: "for example `geo: [43.8563, 18.4131]`",
                at: value.valueOrigin)
            return nil
        }
        return coordinates
    }

    mutating func checkCategory() -> String? {
        guard let category = text(Schema.category) else { return nil }
        // Case does not matter, as for every other list of allowed values (`status: Confirmed`):
        // the record takes almanac.yml's spelling.
        let lowered = category.lowercased()
        if let known = rules.lowercasedCategories.firstIndex(of: lowered) { return config.categories[known] }
        if !config.categories.isEmpty {
            var message = "'\(category)' is not one of the project's categories"
            if let guess = Spelling.suggestion(for: category, among: config.categories) {
                message += "; did you mean '\(guess)'?"
            }
            error(
                Schema.category, message,
                hint: "the categories are: \(config.categories.joined(separator: ", ")) (set in almanac.yml)")
        }
        return category
    }

    mutating func checkLabels(_ field: RecordField) -> [String] {
        let labels = nonEmptyItems(field)
        for label in labels where label.contains(",") || label.contains(";") {
            error(
                field, "'\(label)' contains ',' or ';', which calendar apps read as separators",
                hint: "write it as separate items: `\(field.key): [a, b]`")
        }
        return labels
    }

    mutating func checkParticipants(into record: inout EventRecord) {
        guard let value = draft[Schema.participants] else { return }
        if let text = value.text {
            guard let count = Int(text), count >= 0 else {
                error(
                    Schema.participants, "'participants' must be a number or a list of names", at: value.valueOrigin)
                return
            }
            record.participants = count
        } else {
            record.participantNames = list(Schema.participants).map { $0.trimmed }
            record.participants = record.participantNames.count
        }
    }

    mutating func checkURL() -> String? {
        guard let url = text(Schema.url)?.trimmedSpaces else { return nil }
        if let problem = RecordLimits.problem(withWebAddress: url) {
            if isImportedItem {
                warning(
                    Schema.url, "the \(label(Schema.url)) of '\(title)' is left out: \(problem)",
                    hint: "add a correct `url:` to the record if it needs one", at: draft[Schema.url]?.valueOrigin)
                return nil
            }
            error(
                Schema.url, "'\(url)' is not a web address: \(problem)",
                hint: "write the full address, starting with https://, as a browser's address bar shows it")
            return nil
        }
        return url
    }

    mutating func checkRepeat(timing: EventTiming?) -> ICalRecurrence? {
        guard let text = text(Schema.recurrence) else { return nil }
        let rule = text.hasPrefix("RRULE:") ? String(text.dropFirst(6)) : text
        guard let recurrence = ICalRecurrence(rule) else {
            if isImportedItem {
                warning(
                    Schema.recurrence,
                    """
                    the \(label(Schema.recurrence)) of '\(title)' (\(text)) is not a \
                    rule libical can expand, so only the first occurrence is imported
                    """,
                    hint: "add a correct `repeat:` to the record if it repeats")
                return nil
            }
            error(
                Schema.recurrence, "'\(text)' is not a valid recurrence rule",
                hint: "write an RFC 5545 RRULE such as FREQ=WEEKLY;COUNT=6 or FREQ=MONTHLY;BYDAY=1TU;UNTIL=20241231")
            return nil
        }
        if timing == nil { error(Schema.recurrence, "'repeat' needs a 'start'") }
        // libical expands no series past 2582: one that starts later would count for nothing
        // in reports and lists. (A start outside the years calendars hold has its own error.)
        if let year = timing?.firstDay.year, year > RecordLimits.lastRepeatingYear, RecordLimits.years.contains(year) {
            error(
                Schema.recurrence,
                """
                a series that starts in \(year) cannot be counted: the calendar library expands no series \
                past \(RecordLimits.lastRepeatingYear), so reports and lists would leave out every occurrence
                """,
                hint:
                    """
                    check the year of 'start'; a single activity after \(RecordLimits.lastRepeatingYear) \
                    needs no 'repeat'
                    """
            )
        }
        if let frequency = RecurrenceRules.endlessSubDailyFrequency(recurrence.description) {
            let unit = ["HOURLY": "hour", "MINUTELY": "minute"][frequency] ?? "second"
            if isImportedItem {
                warning(
                    Schema.recurrence,
                    """
                    the \(label(Schema.recurrence)) of '\(title)' (\(text)) repeats every \(unit) \
                    without end, which no report can count, so only the first occurrence is imported
                    """,
                    hint: """
                        end the series with COUNT (FREQ=\(frequency);COUNT=8) \
                        or UNTIL and add it to the record as `repeat:`
                        """
                )
                return nil
            }
            error(
                Schema.recurrence, "'\(text)' repeats every \(unit) without end, which no report can count",
                hint: """
                    end the series with COUNT (FREQ=\(frequency);COUNT=8) \
                    or UNTIL (FREQ=\(frequency);UNTIL=20241231T180000)
                    """
            )
        }
        return recurrence
    }

    mutating func checkExceptions(timing: EventTiming?, hasRepeat: Bool) -> [EventTiming] {
        let texts = list(Schema.exceptions)
        guard !texts.isEmpty else { return [] }
        if !hasRepeat {
            warning(
                Schema.exceptions, "'except' only applies to a repeating activity",
                hint: "add a 'repeat' rule or remove 'except'")
        }
        var result: [EventTiming] = []
        for text in texts {
            if let date = LocalDate(iso: text) {
                if case .timed(let start, _) = timing {
                    result.append(
                        .timed(start: LocalDateTime(date: date, hour: start.hour, minute: start.minute), end: nil))
                } else {
                    result.append(.allDay(start: date, end: date))
                }
            } else if let time = LocalDateTime(iso: text) {
                result.append(.timed(start: time, end: nil))
            } else {
                let advice = DateAdvice.explain(text, otherwise: "list the left-out days as YYYY-MM-DD")
                error(Schema.exceptions, advice.message, hint: advice.hint)
            }
        }
        return result
    }

    /// Errors for dates outside ``RecordLimits/years``, at the field that holds them.
    mutating func checkYears(of record: inout EventRecord) {
        func check(_ date: LocalDate, _ field: RecordField) {
            guard !RecordLimits.years.contains(date.year) else { return }
            let years = RecordLimits.years
            error(
                field,
                """
                the year \(pad(date.year, 4)) of '\(field.key)' is outside the \
                years calendars can hold (\(years.lowerBound)–\(years.upperBound))
                """,
                hint: "check the year; write it with four digits, e.g. 2024")
        }
        if let timing = record.timing {
            check(timing.firstDay, Schema.start)
            if timing.lastDay != timing.firstDay { check(timing.lastDay, Schema.end) }
        }
        if isImportedItem {
            // A date left out of a series is an optional value: it is dropped, not the record.
            let years = RecordLimits.years
            for exception in record.exceptions where !years.contains(exception.firstDay.year) {
                warning(
                    Schema.exceptions,
                    """
                    \(exception.firstWritten), left out of the series '\(title)', is outside the years \
                    calendars can hold (\(years.lowerBound)–\(years.upperBound)), so it is ignored
                    """,
                    hint: "check the dates the calendar app leaves out of this series")
            }
            record.exceptions.removeAll { !years.contains($0.firstDay.year) }
        } else {
            for exception in record.exceptions { check(exception.firstDay, Schema.exceptions) }
        }
    }

    /// One of an enumeration's values, with a "did you mean" when it is misspelt.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ field: RecordField, _: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let text = text(field) else { return nil }
        if let value = Choice(rawValue: text.lowercased()) { return value }
        let problem = Spelling.unknownChoice(text, field.key, Choice.self)
        error(field, problem.message, hint: problem.hint)
        return nil
    }

    // MARK: Quiet mistakes

    /// `organisations: RCC, DG NEAR` is one value, so one partner called "RCC, DG NEAR".
    mutating func organisationsInOneValue() {
        guard let text = draft.text(of: Schema.organisations), text.contains(",") || text.contains(";")
        else { return }
        let names = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmedSpaces }
            .filter { !$0.isEmpty }
        let list = names.map(YAMLText.scalar).joined(separator: ", ")
        let quoted =
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
        warning(
            Schema.organisations, "'\(text)' is read as one partner organisation, not \(names.count)",
            hint: """
                write several as a list: `organisations: [\(list)]`; one name that \
                holds a comma in quotes in a list: `organisations: [\(quoted)]`
                """
        )
    }

    /// A city the gazetteer does not know, with no country: the activity then counts under
    /// no country. `known`: the gazetteer's place for the record's city (and country, when
    /// given).
    mutating func unknownCity(_ place: Place?, known: GazetteerPlace?) {
        guard let place, let city = place.city, place.country == nil, known == nil else { return }
        var message = "the city '\(city)' is not in the gazetteer, so the activity has no country and counts under none"
        // A match on another spelling of a place says which place it is.
        let guesses = gazetteer.suggestedSpellings(for: city).map { guess in
            guess.spelling == guess.place.name
                ? "'\(guess.spelling)'" : "'\(guess.spelling)' (\(guess.place.name), \(guess.place.country))"
        }
        if !guesses.isEmpty { message += "; did you mean \(guesses.joined(separator: " or "))?" }
        var origin: ValueOrigin?
        if case .parts(let parts)? = draft.content(of: Schema.location) { origin = parts.city?.origin }
        warning(
            Schema.location, message,
            hint: """
                correct the city, or give its country under `location:` \
                (`country: …`), or add the city to `places:` in almanac.yml
                """,
            at: origin)
    }
}

extension Spelling {
    /// What to say about `text`, which is none of `Choice`'s values for `key`: a "did you
    /// mean" when it is misspelt, and the values allowed.
    static func unknownChoice<Choice: RawRepresentable & CaseIterable>(_ text: String, _ key: String, _: Choice.Type)
        -> (message: String, hint: String) where Choice.RawValue == String
    {
        let allowed = Choice.allCases.map(\.rawValue)
        var message = "'\(text)' is not a valid \(key)"
        if let guess = suggestion(for: text, among: allowed) { message += "; did you mean '\(guess)'?" }
        return (message, "write one of: \(allowed.joined(separator: ", "))")
    }
}

/// Reading of RRULE parts that libical does not judge.
enum RecurrenceRules {
    /// An RRULE that repeats every hour (minute, second) without COUNT or UNTIL: a report
    /// would have to expand it without end. Returns its frequency, or nil.
    static func endlessSubDailyFrequency(_ rule: String) -> String? {
        var parts: [String: String] = [:]
        for part in rule.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.uppercased() }
            if pair.count == 2 { parts[pair[0]] = pair[1] }
        }
        guard let frequency = parts["FREQ"], ["HOURLY", "MINUTELY", "SECONDLY"].contains(frequency),
            parts["COUNT"] == nil, parts["UNTIL"] == nil
        else { return nil }
        return frequency
    }
}

extension String {
    /// nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension Check {
    /// A country Almanac does not know but that is a likely typo of one it does ("Belgum"):
    /// the activity would count under a country of its own. A name with no close match may be
    /// a country outside the table and is left alone.
    /// `key`: the country's ``Gazetteer/key(_:)``; `isKnown`: whether the country table (or
    /// the gazetteer) knows it, worked out already.
    mutating func misspeltCountry(_ place: Place?, key: String?, isKnown: Bool?) {
        guard let country = place?.country, let key,
            !(isKnown ?? (Countries.bundled.country(named: country, key: key) != nil)),
            !config.places.contains(where: { $0.country == country }),
            let guess = Spelling.suggestion(for: country, among: Countries.bundled.names)
        else { return }
        var origin: ValueOrigin?
        if case .parts(let parts)? = draft.content(of: Schema.location) { origin = parts.country?.origin }
        warning(
            Schema.location,
            """
            the country '\(country)' is not one Almanac knows, so it counts as a country \
            of its own; did you mean '\(guess)'?
            """,
            hint: "correct the spelling under `location:` (`country: \(guess)`)",
            at: origin)
    }
}

/// The lookups ``Check`` makes for a record's city and country (each a key to fold, a search
/// of the gazetteer, a search of the country table), remembered for the next record of the
/// same city and country: the rows of a log name the same few places again and again. One
/// belongs to one thread (the rows of a chunk are checked one after another).
final class PlaceLookups {
    fileprivate struct Found {
        var city: String?
        var country: String?
        var countryKey: String?
        var known: GazetteerPlace?
        /// Whether the country table knows the country (nil: no country).
        var isKnownCountry: Bool?
    }

    /// The places looked up last, up to ``capacity`` of them, the oldest replaced first:
    /// compared one by one, as a log's rows name a few places in turn (a dictionary would
    /// hash both names of every row).
    fileprivate var found: [Found] = []
    private var next = 0
    static let capacity = 16

    init() {}

    fileprivate func find(city: String?, country: String?) -> Found? {
        // Byte for byte: text that is only canonically equivalent may fold to another key.
        func same(_ one: String?, _ other: String?) -> Bool {
            guard let one, let other else { return one == nil && other == nil }
            guard one.utf8.count == other.utf8.count else { return false }
            // The bytes of native strings, compared at once (a generic `elementsEqual` of the
            // two UTF-8 views went byte by byte through their indices).
            let same = one.utf8.withContiguousStorageIfAvailable { first in
                other.utf8.withContiguousStorageIfAvailable { second in
                    first.count == 0 || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0
                }
            }
            return (same ?? nil) ?? one.utf8.elementsEqual(other.utf8)
        }
        for index in found.indices where same(found[index].city, city) && same(found[index].country, country) {
            return found[index]
        }
        return nil
    }

    fileprivate func remember(_ place: Found) {
        if found.count < Self.capacity {
            found.append(place)
        } else {
            found[next] = place
            next = (next + 1) % Self.capacity
        }
    }
}

extension Check {
    /// The country's ``Gazetteer/key(_:)``, the gazetteer's place for the city (and country),
    /// and whether the country table knows the country: worked out, or as for the last record
    /// when it named the same city and country.
    func lookUp(_ place: Place?) -> (countryKey: String?, known: GazetteerPlace?, isKnownCountry: Bool?) {
        let city = place?.city
        let country = place?.country
        if let last = places?.find(city: city, country: country) {
            return (last.countryKey, last.known, last.isKnownCountry)
        }
        let countryKey = country.map(Gazetteer.key)
        let known = city.flatMap { gazetteer.place(named: $0, countryKey: countryKey) }
        var isKnownCountry: Bool?
        if let country, let countryKey {
            // A city found in a country of that very name settles it without the country table
            // (every shipped place's country is in the table; an added place's is in the
            // settings): a small project's command then never builds the table.
            isKnownCountry =
                known?.country == country || Countries.bundled.country(named: country, key: countryKey) != nil
        }
        places?.remember(
            PlaceLookups.Found(
                city: city, country: country, countryKey: countryKey, known: known, isKnownCountry: isKnownCountry))
        return (countryKey, known, isKnownCountry)
    }
}
