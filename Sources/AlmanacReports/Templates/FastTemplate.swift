internal import Mustache

// Why a renderer of our own: swift-mustache pays for every `{{name}}` some 15,000
// instructions whatever the context is: it splits the name, casts every object of its stack
// to two protocols on the way, and casts the value to four types more before it describes it
// (each cast to a protocol a look-up in the runtime's conformance tables). Handing it a
// cheaper context cannot remove those, and a report of 100,000 rows renders some 50,000
// activities' lines four times. So a template is rendered here from the tokens swift-mustache
// itself parsed (read once per template by reflection, so its handling of white space and
// standalone lines is the one used), with the report's values typed (``TemplateField``).
// Only a subset is rendered so: text, variables, sections, inverted sections, comments,
// content types, and the transforms on values that the report has. A template with anything
// else (partials, inheritance, lambdas) is rendered by swift-mustache, and so is a context
// that reaches a value of another type: rendering stops and starts again there. A test holds
// the two renderers to the same text on random templates.

/// A template of the subset ``FastTemplate`` renders, read from swift-mustache's tokens.
struct FastTemplate {
    /// How a name is looked up: `.` is the current value; `.name` is looked up in the current
    /// value only; `name` and `name.field` in the innermost value that has `name`.
    struct Path {
        enum Start { case current, innermost, everywhere }
        let start: Start
        let parts: [String]
        let transforms: [String]

        /// nil for a transform of a section's position (`{{first()}}`), which is not in the subset.
        init?(name: String, transforms: [String]) {
            if name == "" && !transforms.isEmpty { return nil }
            if name == "." {
                start = .current
                parts = []
            } else {
                start = name.first == "." ? .innermost : .everywhere
                parts = name.split(separator: ".").map(String.init)
            }
            self.transforms = transforms
        }
    }

    enum Escaping { case html, markdown, none }

    indirect enum Node {
        case text(String)
        case variable(Path, escaped: Bool)
        case section(Path, [Node], inverted: Bool)
        case escaping(Escaping)
    }

    /// Rendering stops: the template or its values leave the subset.
    struct Unsupported: Error {}

    let nodes: [Node]

    /// nil when the template uses anything outside the subset, or when swift-mustache's
    /// tokens are not as this reads them.
    init?(_ template: MustacheTemplate) {
        guard let nodes = Self.nodes(of: template) else { return nil }
        self.nodes = nodes
    }

    private static func nodes(of template: MustacheTemplate) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any]
        else { return nil }
        var nodes: [Node] = []
        for token in tokens {
            let mirror = Mirror(reflecting: token)
            guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else {
                return nil
            }
            if kind == "text" {
                guard let text = payload.value as? String else { return nil }
                nodes.append(.text(text))
                continue
            }
            let values = Mirror(reflecting: payload.value).children.map(\.value)
            switch kind {
            case "variable", "unescapedVariable":
                guard values.count == 2, let name = values[0] as? String, let transforms = values[1] as? [String],
                    let path = Path(name: name, transforms: transforms)
                else { return nil }
                nodes.append(.variable(path, escaped: kind == "variable"))
            case "section", "invertedSection":
                guard values.count == 3, let name = values[0] as? String, let transforms = values[1] as? [String],
                    let path = Path(name: name, transforms: transforms), let inner = values[2] as? MustacheTemplate,
                    let innerNodes = Self.nodes(of: inner)
                else { return nil }
                nodes.append(.section(path, innerNodes, inverted: kind == "invertedSection"))
            case "contentType":
                if payload.value is MarkdownContentType {
                    nodes.append(.escaping(.markdown))
                } else {
                    switch String(describing: type(of: payload.value)) {
                    case "HTMLContentType": nodes.append(.escaping(.html))
                    case "TextContentType": nodes.append(.escaping(.none))
                    default: return nil
                    }
                }
            default:
                return nil
            }
        }
        return nodes
    }

    /// The template rendered with `context`; nil when the context leaves the subset.
    func render(_ context: any TemplateFields) -> String? {
        var output = ""
        var stack: [TemplateField] = [.fields(context)]
        do {
            // swift-mustache starts every template escaping for HTML.
            try Self.render(nodes, stack: &stack, escaping: .html, into: &output)
        } catch {
            return nil
        }
        return output
    }

    private static func render(
        _ nodes: [Node], stack: inout [TemplateField], escaping: Escaping, into output: inout String
    ) throws(Unsupported) {
        var escaping = escaping
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .escaping(let newEscaping):
                escaping = newEscaping
            case .variable(let path, let escaped):
                guard let value = try lookUp(path, in: stack) else { continue }
                let text: String
                switch value {
                case .text(let string): text = string
                case .number(let number): text = String(number)
                case .flag(let flag): text = flag ? "true" : "false"
                default: throw Unsupported()
                }
                if !escaped {
                    output += text
                } else {
                    switch escaping {
                    case .html: output += htmlEscaped(text)
                    case .markdown: output += MarkdownText.escape(text)
                    case .none: output += text
                    }
                }
            case .section(let path, let inner, inverted: false):
                switch try lookUp(path, in: stack) {
                case nil, .flag(false): break
                case .flag(true): try render(inner, stack: &stack, escaping: escaping, into: &output)
                case .list(let list):
                    for element in list {
                        stack.append(.fields(element))
                        defer { stack.removeLast() }
                        try render(inner, stack: &stack, escaping: escaping, into: &output)
                    }
                case .texts(let texts):
                    for text in texts {
                        stack.append(.text(text))
                        defer { stack.removeLast() }
                        try render(inner, stack: &stack, escaping: escaping, into: &output)
                    }
                case .some(let value):
                    stack.append(value)
                    defer { stack.removeLast() }
                    try render(inner, stack: &stack, escaping: escaping, into: &output)
                }
            case .section(let path, let inner, inverted: true):
                switch try lookUp(path, in: stack) {
                case nil, .flag(false): try render(inner, stack: &stack, escaping: escaping, into: &output)
                // An empty list is the current value inside, as in swift-mustache.
                case .list(let list) where list.isEmpty:
                    stack.append(.list([]))
                    defer { stack.removeLast() }
                    try render(inner, stack: &stack, escaping: escaping, into: &output)
                case .texts(let texts) where texts.isEmpty:
                    stack.append(.texts([]))
                    defer { stack.removeLast() }
                    try render(inner, stack: &stack, escaping: escaping, into: &output)
                default: break
                }
            }
        }
    }

    /// The value `path` names, as swift-mustache finds it: the first name in the innermost
    /// value that has it, each further name in the value before.
    private static func lookUp(_ path: Path, in stack: [TemplateField]) throws(Unsupported) -> TemplateField? {
        var value: TemplateField
        switch path.start {
        case .current:
            value = stack[stack.count - 1]
        case .innermost:
            value = stack[stack.count - 1]
            for part in path.parts {
                guard let child = try field(part, of: value) else { return nil }
                value = child
            }
        case .everywhere:
            guard let first = path.parts.first else {
                value = stack[stack.count - 1]
                break
            }
            var found: TemplateField?
            for object in stack.reversed() {
                if let child = try field(first, of: object) {
                    found = child
                    break
                }
            }
            guard var current = found else { return nil }
            for part in path.parts.dropFirst() {
                guard let child = try field(part, of: current) else { return nil }
                current = child
            }
            value = current
        }
        for transform in path.transforms.reversed() {
            guard let transformed = try self.transform(value, transform) else { return nil }
            value = transformed
        }
        return value
    }

    /// The field `key` of `value`: texts, numbers, flags and lists have none.
    private static func field(_ key: String, of value: TemplateField) throws(Unsupported) -> TemplateField? {
        switch value {
        case .fields(let fields): fields.field(key)
        case .text, .number, .flag, .list, .texts: nil
        case .other: throw Unsupported()
        }
    }

    /// swift-mustache's transform `name` of `value` (`empty(activities)`); nil when it has
    /// none of that name.
    private static func transform(_ value: TemplateField, _ name: String) throws(Unsupported) -> TemplateField? {
        switch value {
        case .text(let text):
            switch name {
            case "empty": return .flag(text.isEmpty)
            case "capitalized", "lowercased", "uppercased", "reversed": throw Unsupported()
            default: return nil
            }
        case .number(let number):
            switch name {
            case "equalzero": return .flag(number == 0)
            case "even": return .flag(number & 1 == 0)
            case "odd": return .flag(number & 1 == 1)
            case "plusone", "minusone": throw Unsupported()
            default: return nil
            }
        case .flag, .fields:
            return nil
        case .list(let list):
            return try listTransform(name, count: list.count, comparable: false)
        case .texts(let texts):
            return try listTransform(name, count: texts.count, comparable: true)
        case .other:
            throw Unsupported()
        }
    }

    private static func listTransform(_ name: String, count: Int, comparable: Bool) throws(Unsupported)
        -> TemplateField?
    {
        switch name {
        case "count": return .number(count)
        case "empty": return .flag(count == 0)
        case "first", "last", "reversed": throw Unsupported()
        case "sorted" where comparable: throw Unsupported()
        default: return nil
        }
    }

    /// swift-mustache's HTML escaping: `<`, `>`, `&`, `"` and `'`, character by character (a
    /// quote with an accent on it is another character, and kept).
    static func htmlEscaped(_ text: String) -> String {
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard needsEscaping else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
