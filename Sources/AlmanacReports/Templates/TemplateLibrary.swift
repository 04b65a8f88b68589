import AlmanacModel
import AlmanacRecords
import Foundation
internal import Mustache

/// Mustache templates read from disk, with every problem reported as `file:line:col`.
///
/// A template's partials (`{{> name}}`) are other `.mustache` files of its folder, named
/// without `.mustache` (`{{> activity.md}}` for `activity.md.mustache`); only those used
/// are read. Every template
/// except `*.html.mustache` is escaped for Markdown: swift-mustache resets the content type
/// to HTML when it enters a partial, so the pragma is put at the top of each file here
/// rather than left to each template's author.
struct TemplateLibrary {
    let library: MustacheLibrary
    /// The main template's name and file.
    let name: String
    let path: String
    /// The main template, when it is of the subset ``FastTemplate`` renders.
    let fast: FastTemplate?

    init(library: MustacheLibrary, name: String, path: String) {
        self.library = library
        self.name = name
        self.path = path
        fast = library.getTemplate(named: name).flatMap(FastTemplate.init)
    }

    /// The template `source`, for tests: Markdown, or HTML when `isMarkdown` is false.
    init(source: String, isMarkdown: Bool) throws {
        var library = MustacheLibrary()
        let pragma = isMarkdown ? "{{% CONTENT_TYPE: \(MarkdownText.contentTypeName) }}\n" : ""
        _ = MarkdownText.registered
        library.register(try MustacheTemplate(string: pragma + source), named: "test")
        self.init(library: library, name: "test", path: "test")
    }

    /// The template at `path`, or when nil the built-in one called `file`.
    static func load(_ path: String?, orBundled file: String) throws(TemplateError) -> TemplateLibrary {
        if let path { return try load(path) }
        return try load(file, from: .builtIn)
    }

    /// Loads the template at `path` and the partials it uses, from its folder.
    static func load(_ path: String) throws(TemplateError) -> TemplateLibrary {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw TemplateError(
                .error(
                    SourceLocation(file: url.path), "the template does not exist",
                    hint: "check the path; `almanac templates` writes the built-in ones into templates/ to start from"),
                kind: .notFound)
        }
        return try load(url.lastPathComponent, from: .folder(url.deletingLastPathComponent()))
    }

    /// Loads the template `file` of `folder` and the partials it uses.
    private static func load(_ file: String, from folder: TemplateFolder) throws(TemplateError) -> TemplateLibrary {
        _ = MarkdownText.registered
        var library = MustacheLibrary()
        var pending: [(file: String, usedAt: SourceLocation?)] = [(file, nil)]
        var seen: Set<String> = [file]
        while let (file, usedAt) = pending.popLast() {
            let filePath = folder.path(of: file)
            guard folder.contains(file) else {
                throw TemplateError(
                    .error(
                        usedAt ?? SourceLocation(file: filePath), "there is no partial '\(name(of: file))'",
                        hint: "a partial is another .mustache file in the same folder, named without .mustache"))
            }
            let (template, text) = try parse(
                filePath, data: folder.contents(of: file), isMarkdown: !file.hasSuffix(".html.mustache"))
            library.register(template, named: name(of: file))
            for partial in partials(in: text, file: filePath) where seen.insert(partial.name + ".mustache").inserted {
                pending.append((partial.name + ".mustache", partial.location))
            }
        }
        return TemplateLibrary(library: library, name: name(of: file), path: folder.path(of: file))
    }

    /// `report.md.mustache` → `report.md`; plain names are kept.
    static func name(of file: String) -> String {
        file.hasSuffix(".mustache") ? String(file.dropLast(".mustache".count)) : file
    }

    /// `isMarkdown` goes by the file's name: a built-in template's path ends in "(built into
    /// Almanac)", so the path cannot tell.
    private static func parse(_ path: String, data: Data?, isMarkdown: Bool) throws(TemplateError) -> (
        MustacheTemplate, String
    ) {
        var diagnostics: [Diagnostic] = []
        guard let data else {
            throw TemplateError(
                .error(SourceLocation(file: path), "cannot read this template", hint: "check that you may read it"))
        }
        guard let text = TextDecoding.utf8(data, file: path, diagnostics: &diagnostics) else {
            throw TemplateError(diagnostics[0])
        }
        // The pragma stands on a line of its own, which Mustache drops; error lines shift by one.
        let source = isMarkdown ? "{{% CONTENT_TYPE: \(MarkdownText.contentTypeName) }}\n" + text : text
        do {
            return (try MustacheTemplate(string: source), text)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber - (isMarkdown ? 1 : 0)
            throw TemplateError(
                .error(
                    SourceLocation(file: path, line: line, column: error.context.columnNumber),
                    "this is not a valid template: \(reason(error.error))",
                    hint: "see https://mustache.github.io/mustache.5.html for the syntax"))
        } catch {
            throw TemplateError(.error(SourceLocation(file: path), "this is not a valid template: \(error)"))
        }
    }

    private static func reason(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not finished: it needs a name and a closing }}"
        case .expectedSectionEnd: return "a section is never closed: add {{/name}} for each {{#name}} and {{^name}}"
        case .invalidSetDelimiter: return "the set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "only block definitions may stand inside a partial's inheritance section"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return "the pragma {{% … }} is not one swift-mustache knows"
        case nil: return "\(error)"
        }
    }

    /// The partials `{{> name}}` that `text` uses, with where; swift-mustache would render
    /// an unknown one as nothing, so each is looked for when loading.
    private static func partials(in text: String, file: String) -> [(name: String, location: SourceLocation)] {
        let pattern = /\{\{[<>]\s*([^\s}*][^\s}]*)\s*\}\}/
        var found: [(String, SourceLocation)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where mayHoldPartial(line) {
            for match in line.matches(of: pattern) {
                let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                found.append((String(match.1), SourceLocation(file: file, line: index + 1, column: column)))
            }
        }
        return found
    }

    /// Whether `line` holds `{{>` or `{{<`, as every partial tag does: the pattern, slow to
    /// match, is tried on those lines only.
    private static func mayHoldPartial(_ line: Substring) -> Bool {
        var braces = 0
        for byte in line.utf8 {
            if (byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<")) && braces >= 2 { return true }
            braces = byte == UInt8(ascii: "{") ? braces + 1 : 0
        }
        return false
    }

    /// Renders the main template.
    func render(_ context: some TemplateFields) throws(TemplateError) -> String {
        if let fast, let text = fast.render(context) { return text }
        return try renderWithMustache(context)
    }

    /// Renders the main template with swift-mustache.
    func renderWithMustache(_ context: some TemplateFields) throws(TemplateError) -> String {
        guard let text = library.render(TemplateValue(value: context), withTemplate: name) else {
            throw TemplateError(.error(SourceLocation(file: path), "the template could not be found after loading"))
        }
        return text
    }
}

/// A template that cannot be used, with where the problem is.
public struct TemplateError: AlmanacError {
    /// Where in which template, what and how to fix it.
    let problem: Diagnostic
    /// `.notFound` for a template that is not there, else `.badInput`.
    public let kind: ErrorKind

    init(_ problem: Diagnostic, kind: ErrorKind = .badInput) {
        self.problem = problem
        self.kind = kind
    }

    public var origin: ErrorOrigin? { .location(problem.location) }
    public var message: String { problem.message }
    public var hint: String? { problem.hint }
}

/// Where a template and its partials are read from: a folder on disk, or the templates
/// compiled into Almanac (the repository's `templates/` folder).
private enum TemplateFolder {
    case folder(URL)
    case builtIn

    func path(of file: String) -> String {
        switch self {
        case .folder(let url): url.appendingPathComponent(file).path
        case .builtIn: "templates/" + file + " (built into Almanac)"
        }
    }

    func contains(_ file: String) -> Bool {
        switch self {
        case .folder: FileManager.default.fileExists(atPath: path(of: file))
        case .builtIn: EmbeddedResources.files["templates/" + file] != nil
        }
    }

    func contents(of file: String) -> Data? {
        switch self {
        case .folder: FileManager.default.contents(atPath: path(of: file))
        case .builtIn: EmbeddedResources.files["templates/" + file].map { Data($0.utf8) }
        }
    }
}

/// The report templates built into Almanac: the ones a report uses unless almanac.yml or
/// `--template` names others, and the start of one's own.
public enum BuiltInTemplates {
    /// Each template's file name and text, by name.
    public static var files: [(name: String, text: String)] {
        EmbeddedResources.files.compactMap { path, text in
            path.hasPrefix("templates/") ? (String(path.dropFirst("templates/".count)), text) : nil
        }.sorted { $0.name < $1.name }
    }
}
