import Yams

/// Values that Almanac writes into YAML for the user, quoted only where YAML needs it.
enum YAMLText {
    /// `text` as a YAML scalar: plain when YAML reads it back as the same text
    /// (`IISG activities`), quoted otherwise (`'Office: Sarajevo'`, `'yes'`).
    static func scalar(_ text: String) -> String {
        serialize((try? text.represented()) ?? Node(text, Tag(.str), .singleQuoted))
    }

    /// One line of YAML for `node`, as Almanac writes it: no line folding, Unicode kept.
    static func serialize(_ node: Node) -> String {
        var text = (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? ""
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// A date, time or id: plain (`2024-03-05`, `10:00`) unless its characters need quotes.
    /// Almanac reads every value as text, so a plain date stays the text it was.
    static func plainNode(_ text: String) -> Node {
        Node(text, Tag(.str), .plain)
    }

    /// A text value for a mapping: quoted only where YAML needs it; several lines as a block.
    static func textNode(_ text: String) -> Node {
        if text.contains("\n") { return Node(text, Tag(.str), .literal) }
        return (try? text.represented()) ?? Node(text, Tag(.str), .singleQuoted)
    }

    /// `[a, b]`.
    static func listNode(_ items: [String]) -> Node {
        Node(items.map(textNode), Tag(.seq), .flow)
    }
}
