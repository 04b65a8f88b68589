import AlmanacModel
internal import Yams

extension ControlCharacters {
    /// Errors for each scalar value of a parsed YAML document that holds a forbidden
    /// character (written as an escape such as `"\e"` in a double-quoted string), at the
    /// value.
    static func diagnostics(in file: YAMLFile) -> [Diagnostic] {
        guard let root = file.root else { return [] }
        var diagnostics: [Diagnostic] = []
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar):
                if let bad = scalar.string.unicodeScalars.first(where: isForbidden) {
                    diagnostics.append(
                        .error(
                            file.location(of: node),
                            "this value holds the control character \(name(bad)), which is not allowed in text",
                            hint: hint))
                }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence)
            case .alias:
                break
            }
        }
        return diagnostics.sorted()
    }
}
