import Foundation

/// Turns activity news (plain text or Markdown) into records: the activity's dates, its
/// place, a category among the project's, the partner organisations, the paragraph as
/// summary and the original text as source. An item without a date becomes a draft to
/// review; a date is never guessed.
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
            result.diagnostics.append(.error(SourceLocation(file: file), "no news items found", hint: "write each item as a title line, a blank line and its paragraph, or as a Markdown heading and its text"))
            return result
        }
        let dates = ActivityDateReader()
        let chosen = items.map(dates.date(of:))
        let places = PlaceExtractor(gazetteer: gazetteer)
        let categories = CategoryGuesser(categories: config.categories)
        let organisations = OrganisationMatcher(known: KnownOrganisation.bundled + config.organisations, excluding: config.organisation, gazetteer: gazetteer)
        for (index, item) in items.enumerated() {
            let location = SourceLocation(file: file, line: item.line)
            var days: (start: LocalDate, end: LocalDate)?
            if let mention = chosen[index].mention {
                days = resolve(mention, at: index, among: chosen)
                if days == nil {
                    let written = chosen[index].text[mention.range]
                    result.diagnostics.append(.warning(location, "'\(written)' has no year and no other item gives one, so it is written as a draft", hint: "pass --year YYYY, or add the year to the text"))
                }
            } else if let reason = chosen[index].undated {
                result.diagnostics.append(.warning(location, "'\(item.title)': \(reason.explanation), so it is written as a draft to review", hint: "add `start:` to the record when the date is known, and remove `status: draft`"))
            }
            let place = places.place(title: item.title, body: item.body, dateRange: chosen[index].inBody ? chosen[index].mention?.range : nil)
            let category = categories.category(title: item.title, body: item.body)
            if category == nil, !config.categories.isEmpty {
                result.diagnostics.append(.warning(location, "'\(item.title)': none of the project's categories fits, so it has no category", hint: "the categories are: \(config.categories.joined(separator: ", ")); set `category:` in the record"))
            }
            let id = days.map { "\($0.start)-\(Identifier.slug(item.title, maxLength: 50))" } ?? Identifier.slug(item.title, maxLength: 60)
            var record = EventRecord(id: id, title: item.title, timing: days.map { .allDay(start: $0.start, end: $0.end) },
                                     timezone: place?.city?.timezone ?? config.timezone, origin: location)
            record.status = days == nil ? .draft : .confirmed
            record.place = place.map { Place(city: $0.cityName, country: $0.country) }
            record.coordinates = place?.city?.coordinates
            record.category = category
            record.organisations = organisations.organisations(in: [item.title, item.body])
            record.summary = item.body.isEmpty ? nil : item.body
            record.source = item.source
            result.records.append(record)
        }
        return result
    }

    /// The days of a mention; a year it leaves out comes from the item itself ("the 2023
    /// edition"), else from `--year`, else from the nearest item whose date has one.
    private func resolve(_ mention: DateMention, at index: Int, among choices: [ActivityDate]) -> (start: LocalDate, end: LocalDate)? {
        if mention.hasYear { return mention.days(year: nil) }
        if let stated = choices[index].statedYear ?? year { return mention.days(year: stated) }
        let neighbours = choices.indices.filter { $0 != index && choices[$0].mention?.hasYear == true }
        guard let nearest = neighbours.min(by: { (abs($0 - index), $0) < (abs($1 - index), $1) }),
              let anchor = choices[nearest].mention?.days(year: nil)
        else { return nil }
        return mention.days(near: anchor.start)
    }
}
