import AlmanacCore
import ArgumentParser
import Foundation

/// Asks for the fields of a new record on the terminal (`almanac new` without them). The
/// questions go to standard error, so that standard output holds only the new file's path.
struct Prompter {
    /// The fields it asks for, in order.
    enum Field: String, CaseIterable {
        case title, start, end, city, category
    }

    /// The project's categories, offered as the choices.
    let categories: [String]

    /// True when standard input is a terminal, so that someone can answer.
    static var canAsk: Bool { isatty(0) == 1 }

    /// The fields a record cannot do without that it lacks.
    func missingFields(of record: NewRecord) -> [Field] {
        var fields: [Field] = []
        if record.title.isEmpty { fields.append(.title) }
        if record.start == nil, record.status != EventStatus.draft.rawValue { fields.append(.start) }
        return fields
    }

    /// The asked fields that `diagnostics` find fault with.
    func fields(failing diagnostics: [Diagnostic], in text: String) -> [Field] {
        let lines = OptionDiagnostics(text: text, options: [:])
        let keys = Set(diagnostics.filter { $0.severity == .error }.compactMap { lines.key(atLine: $0.location.line) })
        return Field.allCases.filter { keys.contains($0.rawValue) }
    }

    /// Asks for each of `fields` and stores the answers; an empty answer leaves an optional
    /// field out. End of input (Ctrl-D) stops the command with nothing written.
    func ask(for record: inout NewRecord, fields: [Field]) throws {
        for field in fields {
            switch field {
            case .title:
                record.title = try answer("Title", required: true) ?? ""
            case .start:
                record.start = try answer("Start (a day, 2024-03-05, or a time, 2024-03-05T10:00)", required: record.status != EventStatus.draft.rawValue)
            case .end:
                record.end = try answer("End (optional: the last day, or the end time such as 16:00)", required: false)
            case .city:
                record.city = try answer("City (optional)", required: false)
            case .category:
                let choices = categories.isEmpty ? "optional" : "optional: " + categories.joined(separator: ", ")
                record.category = try answer("Category (\(choices))", required: false)
            }
        }
    }

    /// One answer, trimmed; nil for an empty answer to an optional question.
    private func answer(_ question: String, required: Bool) throws -> String? {
        while true {
            StandardStream.error.write(question + ": ")
            guard let line = readLine(strippingNewline: true) else {
                StandardStream.error.write("\nNothing was written.\n")
                throw ExitCode(ExitStatus.usage)
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { return text }
            if !required { return nil }
        }
    }
}
