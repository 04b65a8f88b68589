import AlmanacModel
internal import Yams

/// Values that Almanac writes into YAML, each in the style a person would write it and quoted
/// where YAML needs it, so that every value reads back as the same text.
enum YAMLText {
    /// `text` as a YAML scalar: plain when YAML reads it back as the same text
    /// (`IISG activities`), quoted otherwise (`'Office: Sarajevo'`, `'yes'`).
    static func scalar(_ text: String) -> String {
        var line = (try? document(lineNode(text))) ?? ""
        while line.hasSuffix("\n") { line.removeLast() }
        return line
    }

    /// `node` as YAML, as Almanac writes it: no line folding, Unicode kept.
    static func document(_ node: Node) throws -> String {
        try Yams.serialize(node: node, width: -1, allowUnicode: true)
    }

    /// A date, time, number or id: plain (`2024-03-05`, `10:00`, `12`), since Almanac reads
    /// every value as text and a plain date stays the text it was; quoted where YAML would
    /// read it as nothing or as true/false (`''`, `'null'`, `'yes'`), or where its characters
    /// need quotes.
    static func plainNode(_ text: String) -> Node {
        let readsAsOther = [Tag(.null), Tag(.bool)].contains(Node(text).tag)
        return Node(text, Tag(.str), readsAsOther ? .singleQuoted : .plain)
    }

    /// A text value for a mapping: quoted where YAML would read it as anything but that
    /// text (a number, a date, nothing, true/false) or where its characters need quotes;
    /// several lines as a block.
    static func textNode(_ text: String) -> Node {
        text.contains("\n") ? blockNode(text) : lineNode(text)
    }

    /// `text` on one line, quoted where YAML would read it as anything but that text.
    private static func lineNode(_ text: String) -> Node {
        (try? text.represented()) ?? Node(text, Tag(.str), .singleQuoted)
    }

    /// Prose as a literal block: `|`, then its lines indented below the key.
    static func blockNode(_ text: String) -> Node {
        Node(text, Tag(.str), .literal)
    }

    /// `[a, b]`, each item written by `item`.
    static func listNode(_ items: [String], _ item: (String) -> Node = textNode) -> Node {
        Node(items.map(item), Tag(.seq), .flow)
    }
}
