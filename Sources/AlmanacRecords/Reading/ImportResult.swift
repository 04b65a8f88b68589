import AlmanacModel

/// What an importer made of its input: the records to write and what it found wrong.
public struct ImportResult: Sendable {
    /// How many items the input held (news items, rows, calendar events).
    public var itemCount: Int = 0
    public var records: [EventRecord] = []
    public var diagnostics: [Diagnostic] = []

    public init() {}
}
