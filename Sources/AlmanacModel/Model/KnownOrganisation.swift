import Foundation

/// An organisation that news items name, with its other names.
public struct KnownOrganisation: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    /// Kept together with the place that follows it: "EU Delegation to Serbia".
    public var isPerPlace: Bool

    public init(name: String, aliases: [String] = [], isPerPlace: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.isPerPlace = isPerPlace
    }

    /// The organisations that ship with Almanac (`organisations.tsv`).
    public static let bundled: [KnownOrganisation] = TSV.bundled("organisations").compactMap { row in
        guard let name = row.first, !name.isEmpty else { return nil }
        let aliases = row.count > 1 ? row[1].split(separator: "|").map(String.init) : []
        return KnownOrganisation(name: name, aliases: aliases, isPerPlace: row.count > 2 && row[2] == "yes")
    }
}
