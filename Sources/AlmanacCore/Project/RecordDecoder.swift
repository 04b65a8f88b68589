import Foundation
import ICal
import Yams

/// Turns one YAML record into an ``EventRecord``, reporting every problem it finds.
struct RecordDecoder {
    static let fields = [
        "id", "title", "summary", "start", "end", "timezone", "location", "geo", "category", "tags",
        "organisations", "participants", "role", "format", "status", "visibility", "url", "source",
        "source-note", "repeat", "except",
    ]

    let config: ProjectConfig
    let gazetteer: Gazetteer
    /// The id to use when the record has none (derived from the file path).
    let fallbackID: String

    func decode(_ file: YAMLFile, diagnostics: inout [Diagnostic]) -> EventRecord? {
        guard let root = file.root else {
            diagnostics.append(
                .error(
                    SourceLocation(file: file.path), "this record is empty",
                    hint: "a record needs at least `title:` and `start:`"))
            return nil
        }
        guard
            let fields = YAMLMapping(
                root, in: file, allowed: Self.fields, noun: "field", what: "a record", diagnostics: &diagnostics)
        else {
            return nil
        }
        var problems: [Diagnostic] = []
        defer { diagnostics += problems }

        let id = decodeID(fields, diagnostics: &problems)
        let title = fields.text("title", diagnostics: &problems)?.trimmed
        if title?.isEmpty ?? true {
            problems.append(
                .error(
                    fields.location(of: "title"), "the record has no 'title'",
                    hint: "add a line such as `title: 7th IISG Board meeting`"))
        }
        let status = fields.choice("status", EventStatus.self, diagnostics: &problems) ?? .confirmed
        let timing = decodeTiming(fields, isDraft: status == .draft, diagnostics: &problems)
        let place = decodePlace(fields, diagnostics: &problems)
        problems += [
            QuietMistakes.commentAfterTitle(fields),
            QuietMistakes.unknownCity(place, in: fields, gazetteer: gazetteer),
            QuietMistakes.organisationsInOneValue(fields),
        ].compactMap { $0 }
        let known = place?.city.flatMap { gazetteer.place(named: $0, country: place?.country) }

        var record = EventRecord(
            id: id.value,
            title: title ?? "",
            timing: timing,
            timezone: decodeZone(fields, default: known?.timezone ?? config.timezone, diagnostics: &problems),
            origin: SourceLocation(file: file.path)
        )
        record.idIsDerived = id.derived
        record.status = status
        record.summary = fields.text("summary", diagnostics: &problems).map(trimmedBlock)
        record.source = fields.text("source", diagnostics: &problems).map(trimmedBlock)
        record.sourceNote = fields.text("source-note", diagnostics: &problems).map(trimmedBlock).flatMap {
            $0.isEmpty ? nil : $0
        }
        record.place = place
        if record.place?.country == nil, let known { record.place?.country = known.country }
        record.coordinates = decodeCoordinates(fields, diagnostics: &problems) ?? known?.coordinates
        record.category = decodeCategory(fields, diagnostics: &problems)
        record.tags = decodeLabels("tags", fields, diagnostics: &problems)
        record.organisations = fields.list("organisations", diagnostics: &problems).map(clean).filter { !$0.isEmpty }
        decodeParticipants(fields, into: &record, diagnostics: &problems)
        record.role = fields.choice("role", EventRole.self, diagnostics: &problems)
        record.format = fields.choice("format", EventFormat.self, diagnostics: &problems)
        record.visibility = fields.choice("visibility", Visibility.self, diagnostics: &problems) ?? .public
        record.url = decodeURL(fields, diagnostics: &problems)
        record.repeatRule = decodeRepeat(fields, timing: timing, diagnostics: &problems)
        record.exceptions = decodeExceptions(
            fields, timing: timing, hasRepeat: record.repeatRule != nil, diagnostics: &problems)
        problems += RecordLimits.dateProblems(of: record, in: fields)
        return problems.hasErrors ? nil : record
    }

    /// Reads a record's text that is not (yet) in a file; `path` names it in diagnostics.
    func decode(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> EventRecord? {
        YAMLFile.parse(text, path: path, diagnostics: &diagnostics).flatMap { decode($0, diagnostics: &diagnostics) }
    }

    /// The `id` a record file gives, read even when the record has errors.
    static func claimedID(in file: YAMLFile) -> String? {
        file.root?.mapping?["id"]?.scalar?.string
    }

    // MARK: Fields

    private func decodeID(_ fields: YAMLMapping, diagnostics: inout [Diagnostic]) -> (value: String, derived: Bool) {
        guard let id = fields.text("id", diagnostics: &diagnostics) else {
            diagnostics.append(
                .warning(
                    fields.location(of: "id"),
                    "the record has no 'id', so its calendar UID comes from the file name and changes if the file is renamed",
                    hint: "add `id: \(fallbackID)` as the first line"))
            return (fallbackID, true)
        }
        if !Identifier.isValid(id) {
            diagnostics.append(
                .error(
                    fields.location(of: "id"), "'\(id)' is not a valid id",
                    hint: "use letters, digits, '-', '_' and '.', e.g. `\(Identifier.slug(id))`"))
        }
        return (id, false)
    }

    private func decodeTiming(_ fields: YAMLMapping, isDraft: Bool, diagnostics: inout [Diagnostic]) -> EventTiming? {
        guard let startText = fields.text("start", diagnostics: &diagnostics) else {
            if isDraft {
                diagnostics.append(
                    .warning(
                        fields.location(of: "status"),
                        "this draft has no date yet; it stays out of feeds and reports until it gets a 'start'",
                        hint: "add `start: YYYY-MM-DD` when the date is known"))
            } else {
                diagnostics.append(
                    .error(
                        fields.location(of: "title"), "the record has no 'start'",
                        hint:
                            "add `start: 2023-09-05` (or `2023-09-05T10:00`), or mark it `status: draft` until the date is known"
                    ))
            }
            if fields["end"] != nil {
                diagnostics.append(
                    .error(fields.location(of: "end"), "'end' without 'start'", hint: "add the 'start' as well"))
            }
            return nil
        }
        let endText = fields.text("end", diagnostics: &diagnostics)
        if let date = LocalDate(iso: startText) {
            guard let endText else { return .allDay(start: date, end: date) }
            guard let end = LocalDate(iso: endText) else {
                let advice = DateAdvice.explain(
                    endText, otherwise: "the start is a whole day, so write the last day as YYYY-MM-DD")
                diagnostics.append(.error(fields.location(of: "end"), advice.message, hint: advice.hint))
                return nil
            }
            guard end >= date else {
                diagnostics.append(
                    .error(
                        fields.location(of: "end"), "the end (\(end)) is before the start (\(date))",
                        hint: "for whole days, 'end' is the last day of the activity"))
                return nil
            }
            return .allDay(start: date, end: end)
        }
        guard let start = LocalDateTime(iso: startText) else {
            let advice = DateAdvice.explain(startText)
            diagnostics.append(.error(fields.location(of: "start"), advice.message, hint: advice.hint))
            return nil
        }
        guard let endText else { return .timed(start: start, end: nil) }
        let end: LocalDateTime
        if let time = LocalDateTime.timeOfDay(endText) {
            end = LocalDateTime(date: start.date, hour: time / 60, minute: time % 60)
        } else if let full = LocalDateTime(iso: endText) {
            end = full
        } else {
            diagnostics.append(
                .error(
                    fields.location(of: "end"), "'\(endText)' is not a time",
                    hint: "write the end as 16:00 (same day) or 2023-09-06T16:00"))
            return nil
        }
        guard end >= start else {
            diagnostics.append(.error(fields.location(of: "end"), "the end (\(end)) is before the start (\(start))"))
            return nil
        }
        return .timed(start: start, end: end)
    }

    private func decodeZone(_ fields: YAMLMapping, default fallback: String, diagnostics: inout [Diagnostic]) -> String
    {
        guard let zone = fields.text("timezone", diagnostics: &diagnostics) else { return fallback }
        guard ICalTimezones.isKnown(zone) else {
            diagnostics.append(
                .error(
                    fields.location(of: "timezone"), "'\(zone)' is not a known time zone",
                    hint: "use an IANA name such as Europe/Sarajevo or Europe/Brussels"))
            return fallback
        }
        return zone
    }

    private func decodePlace(_ fields: YAMLMapping, diagnostics: inout [Diagnostic]) -> Place? {
        guard let node = fields["location"] else { return nil }
        if let scalar = node.scalar { return Place(text: clean(scalar.string)) }
        guard
            let map = YAMLMapping(
                node, in: fields.file, allowed: ["venue", "city", "country"], noun: "location field",
                what: "'location'", diagnostics: &diagnostics)
        else {
            return nil
        }
        return Place(
            venue: map.text("venue", diagnostics: &diagnostics).map(clean),
            city: map.text("city", diagnostics: &diagnostics).map(clean),
            country: map.text("country", diagnostics: &diagnostics).map(clean)
        )
    }

    private func decodeCoordinates(_ fields: YAMLMapping, diagnostics: inout [Diagnostic]) -> Coordinates? {
        guard let node = fields["geo"] else { return nil }
        let numbers = (node.sequence ?? []).compactMap { $0.scalar.flatMap { Double($0.string) } }
        guard let coordinates = Coordinates(checked: numbers) else {
            diagnostics.append(
                .error(
                    fields.file.location(of: node), "'geo' must be [latitude, longitude]",
                    hint: "for example `geo: [43.8563, 18.4131]`"))
            return nil
        }
        return coordinates
    }

    private func decodeCategory(_ fields: YAMLMapping, diagnostics: inout [Diagnostic]) -> String? {
        guard let category = fields.text("category", diagnostics: &diagnostics) else { return nil }
        // Case does not matter, as for every other list of allowed values (`status: Confirmed`):
        // the record takes almanac.yml's spelling.
        if let known = config.categories.first(where: { $0.lowercased() == category.lowercased() }) { return known }
        if !config.categories.isEmpty {
            var message = "'\(category)' is not one of the project's categories"
            if let guess = Spelling.suggestion(for: category, among: config.categories) {
                message += "; did you mean '\(guess)'?"
            }
            diagnostics.append(
                .error(
                    fields.location(of: "category"), message,
                    hint: "the categories are: \(config.categories.joined(separator: ", ")) (set in almanac.yml)"))
        }
        return category
    }

    private func decodeLabels(_ key: String, _ fields: YAMLMapping, diagnostics: inout [Diagnostic]) -> [String] {
        let labels = fields.list(key, diagnostics: &diagnostics).map(clean).filter { !$0.isEmpty }
        for label in labels where label.contains(",") || label.contains(";") {
            diagnostics.append(
                .error(
                    fields.location(of: key), "'\(label)' contains ',' or ';', which calendar apps read as separators",
                    hint: "write it as separate items: `\(key): [a, b]`"))
        }
        return labels
    }

    private func decodeParticipants(
        _ fields: YAMLMapping, into record: inout EventRecord, diagnostics: inout [Diagnostic]
    ) {
        guard let node = fields["participants"] else { return }
        if let scalar = node.scalar {
            guard let count = Int(scalar.string), count >= 0 else {
                diagnostics.append(
                    .error(fields.file.location(of: node), "'participants' must be a number or a list of names"))
                return
            }
            record.participants = count
        } else {
            record.participantNames = fields.list("participants", diagnostics: &diagnostics).map(clean)
            record.participants = record.participantNames.count
        }
    }

    private func decodeURL(_ fields: YAMLMapping, diagnostics: inout [Diagnostic]) -> String? {
        guard let url = fields.text("url", diagnostics: &diagnostics)?.trimmedSpaces else { return nil }
        if let problem = RecordLimits.problem(withWebAddress: url) {
            diagnostics.append(
                .error(
                    fields.location(of: "url"), "'\(url)' is not a web address: \(problem)",
                    hint: "write the full address, starting with https://, as a browser's address bar shows it"))
            return nil
        }
        return url
    }

    private func decodeRepeat(_ fields: YAMLMapping, timing: EventTiming?, diagnostics: inout [Diagnostic]) -> String? {
        guard let text = fields.text("repeat", diagnostics: &diagnostics) else { return nil }
        let rule = text.hasPrefix("RRULE:") ? String(text.dropFirst(6)) : text
        guard let recurrence = ICalRecurrence(rule) else {
            diagnostics.append(
                .error(
                    fields.location(of: "repeat"), "'\(text)' is not a valid recurrence rule",
                    hint: "write an RFC 5545 RRULE such as FREQ=WEEKLY;COUNT=6 or FREQ=MONTHLY;BYDAY=1TU;UNTIL=20241231"
                ))
            return nil
        }
        if timing == nil {
            diagnostics.append(.error(fields.location(of: "repeat"), "'repeat' needs a 'start'"))
        }
        if let frequency = QuietMistakes.endlessSubDailyFrequency(recurrence.description) {
            diagnostics.append(
                .error(
                    fields.location(of: "repeat"),
                    "'\(text)' repeats every \(["HOURLY": "hour", "MINUTELY": "minute"][frequency] ?? "second") without end, which no report can count",
                    hint:
                        "end the series with COUNT (FREQ=\(frequency);COUNT=8) or UNTIL (FREQ=\(frequency);UNTIL=20241231T180000)"
                ))
        }
        return recurrence.description
    }

    private func decodeExceptions(
        _ fields: YAMLMapping, timing: EventTiming?, hasRepeat: Bool, diagnostics: inout [Diagnostic]
    ) -> [EventTiming] {
        let texts = fields.list("except", diagnostics: &diagnostics)
        guard !texts.isEmpty else { return [] }
        if !hasRepeat {
            diagnostics.append(
                .warning(
                    fields.location(of: "except"), "'except' only applies to a repeating activity",
                    hint: "add a 'repeat' rule or remove 'except'"))
        }
        var result: [EventTiming] = []
        for text in texts {
            if let date = LocalDate(iso: text) {
                if case .timed(let start, _) = timing {
                    let time = LocalDateTime(date: date, hour: start.hour, minute: start.minute)
                    result.append(.timed(start: time, end: nil))
                } else {
                    result.append(.allDay(start: date, end: date))
                }
            } else if let time = LocalDateTime(iso: text) {
                result.append(.timed(start: time, end: nil))
            } else {
                let advice = DateAdvice.explain(text, otherwise: "list the left-out days as YYYY-MM-DD")
                diagnostics.append(.error(fields.location(of: "except"), advice.message, hint: advice.hint))
            }
        }
        return result
    }

    private func clean(_ text: String) -> String {
        text.trimmed
    }

    private func trimmedBlock(_ text: String) -> String {
        text.trimmed
    }
}

extension YAMLMapping {
    /// One of an enumeration's values, with a "did you mean" when it is misspelt.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _: Choice.Type, diagnostics: inout [Diagnostic])
        -> Choice? where Choice.RawValue == String
    {
        guard let text = text(key, diagnostics: &diagnostics) else { return nil }
        if let value = Choice(rawValue: text.lowercased()) { return value }
        let allowed = Choice.allCases.map(\.rawValue)
        var message = "'\(text)' is not a valid \(key)"
        if let guess = Spelling.suggestion(for: text, among: allowed) { message += "; did you mean '\(guess)'?" }
        diagnostics.append(.error(location(of: key), message, hint: "write one of: \(allowed.joined(separator: ", "))"))
        return nil
    }
}

/// Ids of records and names of feeds: safe in UIDs, file names and URLs.
public enum Identifier {
    /// Letters, digits, '-', '_' and '.', starting with a letter or digit (so never `..`, a
    /// hidden file or a path), at most 200 characters (a file name holds 255 bytes).
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isASCIIAlphanumeric(first), text.utf8.count <= 200 else {
            return false
        }
        return text.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || "-_.".unicodeScalars.contains($0) }
    }

    /// A lower-case ASCII slug of `text`: "7th IISG Board meeting" → "7th-iisg-board-meeting".
    public static func slug(_ text: String, maxLength: Int = 60) -> String {
        // Foundation's folding only for text that has something to fold beyond ASCII case.
        let folded =
            text.utf8.allSatisfy { $0 < 0x80 }
            ? text.lowercased() : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var slug = ""
        for scalar in folded.unicodeScalars {
            if isASCIIAlphanumeric(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.count > maxLength {
            // Cut at the last word boundary that fits: a word that ends exactly at the limit
            // stays whole; one longer than the limit is cut.
            let fits = slug.prefix(maxLength + 1)
            if let cut = fits.lastIndex(of: "-") {
                slug = String(slug[..<cut])
            } else {
                slug = String(slug.prefix(maxLength))
            }
        }
        return slug.isEmpty ? "activity" : slug
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
