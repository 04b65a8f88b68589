/// Hears how far long work has got (reading thousands of records, writing a big feed), so
/// that a front end can show progress. Called from any thread.
public protocol ProgressReporter: Sendable {
    /// A task of `total` units starts; it replaces any task before it.
    func begin(_ task: String, total: Int)
    /// `count` more units are done.
    func advance(by count: Int)
    /// The task is over.
    func end()
}
