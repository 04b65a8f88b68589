import AlmanacModel
import Foundation
internal import Yams

/// A record file's YAML as a ``RecordDraft``: the keys checked against ``RecordSchema``, each
/// value with the `file:line:col` of its key and of itself. What only YAML can get wrong (an
/// unknown key, a list where one value belongs, a `#` that starts a comment) is reported
/// here; every rule of a record is ``RecordChecker``'s.
struct YAMLRecordSource {
    /// The id to use when the record has none (derived from the file path).
    let fallbackID: String

    func draft(of file: YAMLFile, diagnostics: inout [Diagnostic]) -> RecordDraft? {
        guard let root = file.root else {
            diagnostics.append(
                .error(
                    SourceLocation(file: file.path), "this record is empty",
                    hint: "a record needs at least `title:` and `start:`"))
            return nil
        }
        guard
            let fields = YAMLMapping(
                root, in: file, allowed: RecordSchema.keys, noun: "field", what: "a record", diagnostics: &diagnostics)
        else {
            return nil
        }
        var draft = RecordDraft(
            origin: .file(file.location(of: root)), path: file.path, fallbackID: fallbackID)
        for field in RecordSchema.fields {
            guard let node = fields[field.key] else { continue }
            let origin = ValueOrigin.file(fields.location(of: field.key))
            let valueOrigin = ValueOrigin.file(file.location(of: node))
            guard let content = content(of: node, field, in: fields, diagnostics: &diagnostics) else { continue }
            draft[field] = DraftValue(content, origin: origin, valueOrigin: valueOrigin)
        }
        if let warning = Self.commentAfterTitle(fields) { diagnostics.append(warning) }
        return draft
    }

    /// A record's file read, checked and turned into a record.
    func record(
        of file: YAMLFile, checker: RecordChecker, diagnostics: inout [Diagnostic]
    ) -> EventRecord? {
        var problems: [Diagnostic] = []
        defer { diagnostics += problems }
        guard let draft = draft(of: file, diagnostics: &problems) else { return nil }
        let record = checker.check(draft, diagnostics: &problems)
        return problems.hasErrors ? nil : record
    }

    /// A record's text that is not (yet) in a file; `path` names it in diagnostics.
    func record(
        text: String, path: String, checker: RecordChecker, diagnostics: inout [Diagnostic]
    ) -> EventRecord? {
        YAMLFile.parse(text, path: path, diagnostics: &diagnostics).flatMap {
            record(of: $0, checker: checker, diagnostics: &diagnostics)
        }
    }

    /// The `id` a record file gives, read even when the record has errors.
    static func claimedID(in file: YAMLFile) -> String? {
        file.root?.mapping?["id"]?.scalar?.string
    }

    /// The value of `node` in the shape `field` takes; nil (with a diagnostic) when it has
    /// none of them.
    private func content(
        of node: Node, _ field: RecordField, in fields: YAMLMapping, diagnostics: inout [Diagnostic]
    ) -> DraftValue.Content? {
        let file = fields.file
        if let scalar = node.scalar { return .text(scalar.string) }
        switch field.shape {
        case .text, .prose:
            diagnostics.append(
                .error(file.location(of: node), "'\(field.key)' must be a single value, not a list or a map"))
            return nil
        case .numbers:
            // Anything but numbers is the checker's "must be [latitude, longitude]".
            return .list((node.sequence ?? []).map { $0.scalar?.string ?? "" })
        case .list:
            guard let sequence = node.sequence else {
                diagnostics.append(
                    .error(file.location(of: node), "'\(field.key)' must be a value or a list of values"))
                return nil
            }
            var items: [String] = []
            for item in sequence {
                guard let scalar = item.scalar else {
                    diagnostics.append(
                        .error(file.location(of: item), "each item of '\(field.key)' must be a single value"))
                    continue
                }
                items.append(scalar.string)
            }
            return .list(items)
        case .parts:
            guard node.sequence == nil else { return .list([]) }
            guard
                let map = YAMLMapping(
                    node, in: file, allowed: RecordSchema.locationParts.map(\.key), noun: "location field",
                    what: "'location'", diagnostics: &diagnostics)
            else {
                return nil
            }
            var parts = LocationParts()
            for part in RecordSchema.locationParts {
                guard let value = map[part.key] else { continue }
                let origin = ValueOrigin.file(map.location(of: part.key))
                guard let scalar = value.scalar else {
                    diagnostics.append(
                        .error(file.location(of: value), "'\(part.key)' must be a single value, not a list or a map"))
                    continue
                }
                parts[part] = LocationParts.Part(scalar.string, at: origin)
            }
            return .parts(parts)
        }
    }

    /// `title: Coordination meeting #3 with RCC`: YAML reads ` #3 with RCC` as a comment.
    /// A comment that looks meant — set apart by two spaces or more and starting `# ` —
    /// (`title: Kick-off meeting   # required`) is left alone.
    static func commentAfterTitle(_ fields: YAMLMapping) -> Diagnostic? {
        guard let node = fields["title"], let scalar = node.scalar, scalar.style == .plain,
            let mark = node.mark, let text = fields.file.text
        else { return nil }
        let lines = text.split(separator: "\n", maxSplits: mark.line, omittingEmptySubsequences: false)
        guard lines.count >= mark.line else { return nil }
        // Most titles have no '#': a byte scan settles them.
        guard lines[mark.line - 1].utf8.contains(UInt8(ascii: "#")) else { return nil }
        let value = lines[mark.line - 1].dropFirst(max(0, mark.column - 1))
        guard
            let hash = value.indices.first(where: {
                value[$0] == "#" && $0 > value.startIndex && value[value.index(before: $0)].isWhitespace
            })
        else {
            return nil
        }
        let before = value[..<hash].reversed().prefix { $0 == " " || $0 == "\t" }.count
        let after = value[value.index(after: hash)...].first
        if before >= 2 && (after == nil || after == " ") { return nil }
        let written = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let lost = value[hash...].trimmingCharacters(in: .whitespacesAndNewlines)
        return .warning(
            fields.location(of: "title"),
            """
            the title stops before '\(lost)': YAML reads ' #' and what \
            follows as a comment, so the title is '\(scalar.string)'
            """,
            hint: "put the whole title in quotes: `title: \(YAMLText.scalar(written))`"
        )
    }
}
