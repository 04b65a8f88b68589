/// Hears how far long work has got (reading thousands of records, writing a big feed), so
/// that a front end can show progress. Called from any thread.
public protocol ProgressReporter: Sendable {
    /// A task of `total` units starts; it replaces any task before it.
    func begin(_ task: String, total: Int, unit: ProgressUnit)
    /// `count` more units are done.
    func advance(by count: Int)
    /// The task is over.
    func end()
}

extension ProgressReporter {
    /// A task of `total` items starts.
    public func begin(_ task: String, total: Int) { begin(task, total: total, unit: .items) }
}

/// What a task's units are.
public enum ProgressUnit: Sendable {
    /// Things counted one by one: records, events.
    case items
    /// Bytes of input (a big activity log is read a block at a time).
    case bytes
}
