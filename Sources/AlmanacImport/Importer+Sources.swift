import AlmanacRecords

// The import sources of this layer behind the `Importer` seam of AlmanacRecords.

extension ICSImporter: Importer {
    public static var itemNoun: String { "event" }
}

extension NewsImporter: Importer {
    public static var itemNoun: String { "item" }

    public func records(from text: String, file: String) -> ImportResult {
        importNews(text, file: file)
    }
}
