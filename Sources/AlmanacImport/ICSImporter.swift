import AlmanacModel
import AlmanacRecords
import Foundation
internal import ICal

/// Turns an iCalendar file (Outlook, Google, Thunderbird, or a feed Almanac wrote) into
/// records, parsed by libical: all-day and timed events in their zone, recurring series
/// with their exceptions, moved occurrences as records of their own, cancelled events.
///
/// Zones: an IANA TZID is kept; a Windows zone name (`W. Europe Standard Time`, as Outlook
/// writes) is mapped to IANA with CLDR's table; UTC times are moved to the calendar's
/// `X-WR-TIMEZONE`, else the project's zone. An event of a feed that Almanac wrote for this
/// project (its UID ends with `@<domain>`) gets back its record id.
public struct ICSImporter: Sendable {
    public let config: ProjectConfig
    public let gazetteer: Gazetteer

    public init(config: ProjectConfig, gazetteer: Gazetteer) {
        self.config = config
        self.gazetteer = gazetteer
    }

    public func records(from text: String, file: String) -> ImportResult {
        var result = ImportResult()
        let outline = ICSOutline(text)
        guard outline.hasCalendar else {
            result.diagnostics.append(
                .error(
                    SourceLocation(file: file), "this is not an iCalendar file: it has no BEGIN:VCALENDAR line",
                    hint: "export the calendar as .ics (iCalendar) and import that"))
            return result
        }
        if let line = outline.tooDeep {
            result.diagnostics.append(
                .error(
                    SourceLocation(file: file, line: line),
                    """
                    components are nested more than \(ICSOutline.maximumDepth) deep here (BEGIN: inside \
                    BEGIN:), which no calendar does
                    """,
                    hint: "this is not a calendar export; export the calendar as .ics again"))
            return result
        }
        if let cut = outline.unclosed {
            result.diagnostics.append(
                .error(
                    SourceLocation(file: file, line: cut.line),
                    """
                    the file ends before END:\(cut.name): it was cut off, so the \
                    \(cut.name == "VEVENT" ? "event that starts here" : "rest") is left out
                    """,
                    hint: "export or download the calendar again"))
        }
        guard let calendar = ICalComponent.parseQuietly(outline.completePart(of: text)) else {
            result.diagnostics.append(
                .error(
                    SourceLocation(file: file), "libical cannot read this calendar",
                    hint: "export the calendar as .ics again"))
            return result
        }
        let calendarZone = calendar.property(.calendarTimezone)?.text.flatMap(ZoneNames.iana)
        let events = (calendar.kind == .event ? [calendar] : calendar.children.filter { $0.kind == .event })
            .enumerated().filter { outline.isComplete(event: $0.offset) }
        result.itemCount = events.count + (outline.unclosed?.name == "VEVENT" ? 1 : 0)
        if events.isEmpty && outline.unclosed == nil {
            result.diagnostics.append(
                .error(
                    SourceLocation(file: file), "the calendar holds no events",
                    hint: "export a calendar that has events in it"))
        }
        let reader = VEventReader(config: config, gazetteer: gazetteer, fallbackZone: calendarZone ?? config.timezone)
        // Every event is read into a draft first; a moved or cancelled occurrence then
        // changes the draft of its series, and only then is each draft checked.
        var read: [(event: VEventReader.Event, problems: [Diagnostic])] = []
        var series: [String: Int] = [:]  // UID → index in `read`
        var usedIDs: Set<String> = []
        for (index, vevent) in events {
            let location = SourceLocation(file: file, line: outline.eventLines[index])
            var problems: [Diagnostic] = []
            let lines = index < outline.eventProperties.count ? outline.eventProperties[index] : [:]
            guard var event = reader.read(vevent, location: location, lines: lines, diagnostics: &problems) else {
                result.diagnostics += problems
                continue
            }
            if usedIDs.contains(event.id) {
                event.id += "-" + String(Fingerprint.of(event.uid).prefix(6))
            }
            usedIDs.insert(event.id)
            if event.recurrenceID == nil { series[event.uid] = read.count }
            read.append((event, problems))
        }
        // A moved or cancelled occurrence: left out of its series, and a record of its own
        // when it still takes place.
        for index in read.indices {
            guard let original = read[index].event.recurrenceID else { continue }
            let uid = read[index].event.uid
            if let first = series[uid] {
                read[first].event.leaveOut(original, at: read[index].event.recurrenceIDOrigin)
            }
            let base = series[uid].map { read[$0].event.id } ?? read[index].event.id
            read[index].event.id = "\(base)-\(original.firstDay)"
            read[index].event.draft[RecordSchema.recurrence] = nil
        }
        let checker = RecordChecker(config: config, gazetteer: gazetteer)
        var occurrences: [EventRecord] = []
        for (event, problems) in read {
            result.diagnostics += problems
            if event.recurrenceID != nil && event.isCancelled { continue }
            guard let record = event.check(with: checker, diagnostics: &result.diagnostics) else { continue }
            if event.recurrenceID == nil { result.records.append(record) } else { occurrences.append(record) }
        }
        result.records += occurrences
        return result
    }
}

/// One VEVENT read into a draft.
struct VEventReader {
    let config: ProjectConfig
    let gazetteer: Gazetteer
    /// The zone of UTC times.
    let fallbackZone: String

    /// An event read, not yet checked.
    struct Event {
        var uid: String
        var draft: RecordDraft
        let location: SourceLocation
        /// For a moved or cancelled occurrence: the start it replaces.
        var recurrenceID: EventTiming?
        /// Where the RECURRENCE-ID is.
        var recurrenceIDOrigin: ValueOrigin
        var isCancelled: Bool

        /// The record's id.
        var id: String {
            get { draft[RecordSchema.id]?.text ?? draft.fallbackID }
            set { draft.set(RecordSchema.id, newValue, at: draft[RecordSchema.id]?.origin ?? draft.origin) }
        }

        /// Leaves the occurrence that starts at `original` out of this series (an EXDATE, or
        /// a RECURRENCE-ID of another event with this UID), keeping the dates in order.
        mutating func leaveOut(_ original: EventTiming, at origin: ValueOrigin) {
            var dates: [String] = []
            if case .list(let items)? = draft[RecordSchema.exceptions]?.content { dates = items }
            dates.append(original.firstWritten)
            draft.set(
                RecordSchema.exceptions, list: dates.sorted(), at: draft[RecordSchema.exceptions]?.origin ?? origin)
        }

        /// The record, checked by the same rules as every other record (nil when it has errors).
        func check(with checker: RecordChecker, diagnostics: inout [Diagnostic]) -> EventRecord? {
            guard var record = checker.check(draft, diagnostics: &diagnostics) else { return nil }
            record.origin = location
            return record
        }
    }

    /// `lines`: the line of each property of the event, by name (``ICSOutline/eventProperties``).
    func read(
        _ vevent: ICalComponent, location: SourceLocation, lines: [String: Int] = [:], diagnostics: inout [Diagnostic]
    ) -> Event? {
        for error in vevent.errors {
            diagnostics.append(.warning(location, "libical found a problem in this event: \(error)"))
        }
        guard let title = vevent.property(.summary)?.plainText?.trimmingCharacters(in: .whitespacesAndNewlines),
            !title.isEmpty
        else {
            diagnostics.append(
                .error(
                    location, "this event has no SUMMARY (title), so it is left out",
                    hint: "give the event a title in the calendar app and export again"))
            return nil
        }
        guard let startProperty = vevent.property(.start), let startValue = startProperty.time else {
            diagnostics.append(
                .error(
                    location, "the event '\(title)' has no valid DTSTART, so it is left out",
                    hint: "give the event a start in the calendar app and export again"))
            return nil
        }
        let zone = self.zone(of: startProperty, location: location, diagnostics: &diagnostics)
        let timing = self.timing(vevent, start: startValue, zone: zone)
        guard RecordLimits.years.contains(timing.firstDay.year), RecordLimits.years.contains(timing.lastDay.year) else {
            diagnostics.append(
                .error(
                    location,
                    """
                    the event '\(title)' falls outside the years calendars can hold \
                    (\(RecordLimits.years.lowerBound)–\(RecordLimits.years.upperBound)), so it is left out
                    """,
                    hint: "check its dates in the calendar app"))
            return nil
        }
        let uid = vevent.property(.uid)?.plainText ?? ""
        let suffix = "@" + config.domain
        let ownID = uid.hasSuffix(suffix) ? String(uid.dropLast(suffix.count)) : nil
        let id =
            ownID.flatMap { Identifier.isValid($0) ? $0 : nil }
            ?? "\(timing.firstDay)-\(Identifier.slug(title, maxLength: 50))"

        // The event as a draft, each value at the line of its property (else the event's),
        // checked by the same rules as every other record.
        let eventOrigin = ValueOrigin.file(location)
        func origin(_ property: String) -> ValueOrigin {
            lines[property].map { .file(SourceLocation(file: location.file, line: $0)) } ?? eventOrigin
        }
        var draft = RecordDraft(origin: eventOrigin, path: location.file, fallbackID: id, policy: .importedItem)
        draft.set(RecordSchema.id, id, at: origin("UID"))
        draft.set(RecordSchema.title, title, at: origin("SUMMARY"))
        switch timing {
        case .allDay(let first, let last):
            draft.set(RecordSchema.start, first.description, at: origin("DTSTART"))
            draft.set(RecordSchema.end, last.description, at: origin("DTEND"))
        case .timed(let first, let last):
            draft.set(RecordSchema.start, first.description, at: origin("DTSTART"))
            draft.set(RecordSchema.end, last?.description, at: origin("DTEND"))
        }
        let place = vevent.property(.location)?.plainText.flatMap(place(from:))
        let city = place?.city.flatMap { gazetteer.place(named: $0, country: place?.country) }
        draft.set(
            RecordSchema.timezone, timing.isAllDay ? (city?.timezone ?? config.timezone) : zone, at: origin("DTSTART"))
        if let place {
            let at = origin("LOCATION")
            if let text = place.text {
                draft.set(RecordSchema.location, text, at: at)
            } else {
                func part(_ text: String?) -> LocationParts.Part? { text.map { LocationParts.Part($0, at: at) } }
                let parts = LocationParts(
                    venue: part(place.venue), city: part(place.city), country: part(place.country))
                draft[RecordSchema.location] = DraftValue(.parts(parts), origin: at)
            }
        }
        if let geo = vevent.property(.geo)?.geo {
            draft.set(
                RecordSchema.geo, list: [String(geo.latitude), String(geo.longitude)], at: origin("GEO"), label: "GEO")
        }
        let labels = vevent.properties(.categories).compactMap(\.plainText)
            .flatMap { $0.split(separator: ",") }.map { Identifier.slug(String($0)) }
            .reduce(into: [String]()) { list, label in if !list.contains(label) { list.append(label) } }
        let category =
            labels.first { config.categories.contains($0) } ?? (config.categories.isEmpty ? labels.first : nil)
        draft.set(RecordSchema.category, category, at: origin("CATEGORIES"))
        draft.set(RecordSchema.tags, list: labels.filter { $0 != category }, at: origin("CATEGORIES"))
        draft.set(RecordSchema.url, vevent.property(.url)?.plainText, at: origin("URL"), label: "URL")
        let status: EventStatus =
            switch vevent.status {
            case .cancelled?: .cancelled
            case .tentative?: .tentative
            case .confirmed?, nil: .confirmed
            }
        draft.set(RecordSchema.status, status.rawValue, at: origin("STATUS"))
        if [.private, .confidential].contains(vevent.classification) {
            draft.set(RecordSchema.visibility, Visibility.internal.rawValue, at: origin("CLASS"))
        }
        draft.set(
            RecordSchema.summary, vevent.property(.description)?.plainText.flatMap { $0.isEmpty ? nil : $0 },
            at: origin("DESCRIPTION"))
        draft.set(
            RecordSchema.recurrence, vevent.property(.recurrenceRule)?.valueString, at: origin("RRULE"), label: "RRULE")
        let exceptions = vevent.properties(.exceptionDate).flatMap {
            times(of: $0, zone: zone, location: location, diagnostics: &diagnostics)
        }
        draft.set(
            RecordSchema.exceptions,
            list: exceptions.map { timing.isAllDay ? $0.date.description : $0.description }, at: origin("EXDATE"))
        let recurrenceID = vevent.property(.recurrenceID).flatMap { property in
            times(of: property, zone: zone, location: location, diagnostics: &diagnostics).first.map {
                time -> EventTiming in
                property.time?.isDate == true
                    ? .allDay(start: time.date, end: time.date) : .timed(start: time, end: nil)
            }
        }
        return Event(
            uid: uid, draft: draft, location: location, recurrenceID: recurrenceID,
            recurrenceIDOrigin: origin("RECURRENCE-ID"), isCancelled: status == .cancelled)
    }

    /// The IANA zone of a DATE-TIME property: its TZID, mapped from a Windows name when
    /// needed; a UTC or floating time takes the fallback zone.
    private func zone(of property: ICalProperty, location: SourceLocation, diagnostics: inout [Diagnostic]) -> String {
        guard let tzid = property.tzid else { return fallbackZone }
        if let zone = ZoneNames.iana(tzid) { return zone }
        diagnostics.append(
            .warning(
                location,
                """
                the time zone '\(tzid)' is neither an IANA nor a Windows \
                zone name, so the times are taken as \(fallbackZone)
                """,
                hint: "check the times of this record, and set `timezone:` in it if they are wrong"))
        return fallbackZone
    }

    private func timing(_ vevent: ICalComponent, start: ICalTime, zone: String) -> EventTiming {
        let duration = vevent.property(.duration)?.durationSeconds
        if start.isDate {
            let first = start.localDate
            var last = first
            if let end = vevent.property(.end)?.time, end.localDate > first {
                last = end.localDate.adding(days: -1)
            } else if let duration, duration >= 86_400 {
                last = first.adding(days: duration / 86_400 - 1)
            }
            return .allDay(start: first, end: last)
        }
        let first = local(start, zone: zone)
        var last: LocalDateTime?
        if let endProperty = vevent.property(.end), let end = endProperty.time {
            let endZone = endProperty.tzid.flatMap(ZoneNames.iana) ?? zone
            last = local(
                end.isDate ? ICalTime(year: end.year, month: end.month, day: end.day, hour: 0, minute: 0) : end,
                zone: endZone, into: zone)
        } else if let duration {
            last = first.adding(minutes: duration / 60)
        }
        return .timed(start: first, end: last.flatMap { $0 > first ? $0 : nil })
    }

    /// A DATE-TIME as wall-clock time in `zone`: UTC times and times of another zone converted.
    private func local(_ time: ICalTime, zone: String, into target: String? = nil) -> LocalDateTime {
        let target = target ?? zone
        var value = time
        if time.isUTC {
            value = ICalTimezones.convert(time, from: "UTC", to: target) ?? time
        } else if zone != target {
            value = ICalTimezones.convert(time, from: zone, to: target) ?? time
        }
        return LocalDateTime(date: value.localDate, hour: value.hour, minute: value.minute)
    }

    /// Every time of an EXDATE or RECURRENCE-ID property (a value may list several).
    private func times(
        of property: ICalProperty, zone: String, location: SourceLocation, diagnostics: inout [Diagnostic]
    ) -> [LocalDateTime] {
        let propertyZone = property.tzid.flatMap(ZoneNames.iana) ?? zone
        return (property.valueString ?? "").split(separator: ",").compactMap { text in
            guard let time = ICalTimeText.parse(String(text)) else {
                diagnostics.append(
                    .warning(location, "'\(text)' in \(property.name) is not a date or time, so it is left out"))
                return nil
            }
            return time.isDate
                ? LocalDateTime(date: time.localDate, hour: 0, minute: 0) : local(time, zone: propertyZone, into: zone)
        }
    }

    /// "Europol premises, The Hague, Netherlands" → venue, city, country when the gazetteer
    /// knows the city; other text is kept as it is.
    private func place(from text: String) -> Place? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let parts = trimmed.components(separatedBy: ", ")
        for cityIndex in parts.indices.reversed() {
            let country = cityIndex + 1 < parts.count ? parts[(cityIndex + 1)...].joined(separator: ", ") : nil
            guard let city = gazetteer.place(named: parts[cityIndex], country: country),
                country == nil || Gazetteer.key(city.country) == Gazetteer.key(country!)
            else { continue }
            let venue = parts[..<cityIndex].joined(separator: ", ")
            return Place(venue: venue.isEmpty ? nil : venue, city: parts[cityIndex], country: country ?? city.country)
        }
        return Place(text: trimmed)
    }
}

/// Time-zone names as calendars write them, to IANA names.
enum ZoneNames {
    /// CLDR's Windows zone names (`W. Europe Standard Time` → `Europe/Berlin`).
    static let windows: [String: String] = Dictionary(
        TSV.bundled("windows-zones").compactMap { $0.count >= 2 ? ($0[0], $0[1]) : nil },
        uniquingKeysWith: { first, _ in first }
    )

    /// The IANA zone of a TZID: an IANA name, one with a prefix
    /// (`/freeassociation.sourceforge.net/Europe/Sarajevo`), or a Windows name.
    static func iana(_ tzid: String) -> String? {
        let name = tzid.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        if ICalTimezones.isKnown(name) { return name }
        if let zone = windows[name], ICalTimezones.isKnown(zone) { return zone }
        let parts = name.split(separator: "/")
        for start in parts.indices.dropFirst() {
            let suffix = parts[start...].joined(separator: "/")
            if ICalTimezones.isKnown(suffix) { return suffix }
        }
        return nil
    }
}

/// Where the components of iCalendar text begin and end, line by line (folded lines
/// unfolded), to name the line of each event and to notice a file that was cut off.
struct ICSOutline {
    /// The line of each VEVENT's BEGIN, in order.
    var eventLines: [Int] = []
    /// The line of each VEVENT's END, in order (one fewer when the last is cut off).
    var eventEnds: [Int] = []
    /// The line of the first of each property of each VEVENT (not of its alarms), by its
    /// upper-case name, in order.
    var eventProperties: [[String: Int]] = []
    var hasCalendar = false
    /// The line where components are first nested deeper than ``maximumDepth``.
    var tooDeep: Int?
    /// How deep components may nest. A calendar nests three or four (VCALENDAR, VEVENT,
    /// VALARM); thousands, a few bytes each, would overflow the stack of the code that walks
    /// the tree (libical's and Almanac's).
    static let maximumDepth = 32
    /// The components left open at the end of the file, outermost first.
    private var open: [(name: String, line: Int)] = []
    /// The innermost component left open at the end of the file.
    var unclosed: (name: String, line: Int)? { open.last }

    init(_ text: String) {
        var stack: [(String, Int)] = []
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let upper = line.uppercased()
            if upper.hasPrefix("BEGIN:") {
                let name = String(upper.dropFirst(6)).trimmingCharacters(in: .whitespaces)
                if name == "VCALENDAR" { hasCalendar = true }
                if name == "VEVENT" {
                    eventLines.append(number + 1)
                    eventProperties.append([:])
                }
                stack.append((name, number + 1))
                if stack.count > Self.maximumDepth, tooDeep == nil { tooDeep = number + 1 }
            } else if upper.hasPrefix("END:") {
                let name = String(upper.dropFirst(4)).trimmingCharacters(in: .whitespaces)
                if let index = stack.lastIndex(where: { $0.0 == name }) { stack.removeSubrange(index...) }
                if name == "VEVENT" { eventEnds.append(number + 1) }
            } else if stack.last?.0 == "VEVENT", let first = line.first, first != " ", first != "\t",
                let end = upper.firstIndex(where: { $0 == ":" || $0 == ";" })
            {
                let property = String(upper[..<end])
                if eventProperties[eventProperties.count - 1][property] == nil {
                    eventProperties[eventProperties.count - 1][property] = number + 1
                }
            }
        }
        open = stack.map { (name: $0.0, line: $0.1) }
    }

    /// The text without a component that was cut off, its calendar closed again, so that
    /// libical reads the complete events of a truncated file.
    func completePart(of text: String) -> String {
        guard let calendar = open.first, calendar.name == "VCALENDAR" else { return text }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if open.count > 1 { lines = Array(lines.prefix(open[1].line - 1)) }
        return (lines + ["END:VCALENDAR", ""]).joined(separator: "\r\n")
    }

    /// Whether the `index`th VEVENT has its END.
    func isComplete(event index: Int) -> Bool {
        index < eventEnds.count && index < eventLines.count
    }
}

extension LocalDateTime {
    /// The wall-clock time `minutes` later.
    func adding(minutes: Int) -> LocalDateTime {
        let total = minuteOfDay + minutes
        let days = total >= 0 ? total / 1440 : (total - 1439) / 1440
        let minute = total - days * 1440
        return LocalDateTime(date: date.adding(days: days), hour: minute / 60, minute: minute % 60)
    }
}

extension ICalProperty {
    /// The text value as a record may keep it. libical unescapes `\r`, `\t`, `\b` and `\f`
    /// as well as `\n`, so a control character can arrive through an escape even when the
    /// file has none: line breaks become LF and the other control characters are dropped.
    /// This is part of reading an .ics value, not a rule of the record checker: a record file
    /// or a spreadsheet holds control characters as raw bytes, which are reported (or removed)
    /// where its text is read, before any value reaches a draft.
    fileprivate var plainText: String? { text.map(ControlCharacters.removed(from:)) }
}
