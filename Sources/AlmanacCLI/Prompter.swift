import AlmanacModel
import AlmanacRecords
import ArgumentParser
import Foundation

/// Asks for the fields of a new record on the terminal (`almanac new` without them). The
/// questions go to standard error, so that standard output holds only the new file's path.
struct Prompter {
    /// The fields it asks for, in order.
    enum Field: String, CaseIterable {
        case title, start, end, city, category

        /// What the question calls it, and error messages after it.
        var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    /// The project's categories, offered as the choices.
    let categories: [String]

    /// The fields asked so far.
    private(set) var asked: Set<Field> = []

    init(categories: [String]) {
        self.categories = categories
    }

    /// The name of each asked field, by its key in the record, for error messages.
    var labels: [String: String] {
        Dictionary(uniqueKeysWithValues: asked.map { ($0.rawValue, $0.label) })
    }

    /// True when standard input is a terminal, so that someone can answer.
    static var canAsk: Bool { isatty(0) == 1 }

    /// The fields a record cannot do without that it lacks.
    func missingFields(of record: NewRecord) -> [Field] {
        var fields: [Field] = []
        if record.title.isEmpty { fields.append(.title) }
        if record.start == nil, record.status != EventStatus.draft.rawValue { fields.append(.start) }
        return fields
    }

    /// The fields among `keys` (the record checker's fields with errors).
    func fields(failing keys: Set<String>) -> [Field] {
        Field.allCases.filter { keys.contains($0.rawValue) }
    }

    /// Asks for each of `fields` and stores the answers; an empty answer leaves an optional
    /// field out. End of input (Ctrl-D) stops the command with nothing written.
    mutating func ask(for record: inout NewRecord, fields: [Field]) throws {
        for field in fields {
            asked.insert(field)
            switch field {
            case .title:
                record.title = try answer(field, required: true) ?? ""
            case .start:
                record.start = try answer(
                    field, "a day, 2024-03-05, or a time, 2024-03-05T10:00",
                    required: record.status != EventStatus.draft.rawValue)
            case .end:
                record.end = try answer(field, "optional: the last day, or the end time such as 16:00", required: false)
            case .city:
                record.city = try answer(field, "optional", required: false)
            case .category:
                record.category = try answer(
                    field, categories.isEmpty ? "optional" : "optional: " + categories.joined(separator: ", "),
                    required: false)
            }
        }
    }

    /// One answer, trimmed; nil for an empty answer to an optional question.
    private func answer(_ field: Field, _ explanation: String? = nil, required: Bool) throws -> String? {
        while true {
            StandardStream.error.write(field.label + (explanation.map { " (\($0))" } ?? "") + ": ")
            guard let line = readLine(strippingNewline: true) else {
                StandardStream.error.write("\n")
                throw AlmanacFailure(.usage, nil, "nothing was written: the input ended before the answers did")
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { return text }
            if !required { return nil }
        }
    }
}
