import AlmanacModel
import Foundation

/// A progress bar on standard error for work that takes more than a second. It appears only
/// on a terminal, redraws at most ten times a second and is erased when the task ends, so
/// the output that follows is the same with or without it.
final class ProgressBar: ProgressReporter, @unchecked Sendable {
    /// Work shorter than this shows no bar.
    static let delay: TimeInterval = 1
    private static let redrawInterval: TimeInterval = 0.1

    private let enabled: Bool
    private let lock = NSLock()
    private var task = ""
    private var total = 0
    private var done = 0
    private var unit = ProgressUnit.items
    private var started = Date()
    private var lastDrawn: Date?

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func begin(_ task: String, total: Int, unit: ProgressUnit) {
        guard enabled else { return }
        lock.withLock {
            erase()
            self.task = task
            self.total = max(total, 0)
            self.unit = unit
            done = 0
            started = Date()
        }
    }

    func advance(by count: Int) {
        guard enabled else { return }
        lock.withLock {
            done = min(total, done + count)
            let now = Date()
            guard now.timeIntervalSince(started) >= Self.delay,
                lastDrawn.map({ now.timeIntervalSince($0) >= Self.redrawInterval }) ?? true
            else { return }
            draw()
            lastDrawn = now
        }
    }

    func end() {
        guard enabled else { return }
        lock.withLock { erase() }
    }

    /// `Reading records [██████░░░░░░░░]  1200/5000` (or `12/48 MB`), fitted to the
    /// terminal's width.
    private func draw() {
        let counter =
            switch unit {
            case .items: " \(done)/\(total)"
            case .bytes: " \(done >> 20)/\(max(1, (total + (1 << 20) - 1) >> 20)) MB"
            }
        let width = (StandardStream.error.columns ?? 80) - 1
        let barWidth = min(40, width - task.count - counter.count - 3)
        var line = task
        if barWidth >= 10, total > 0 {
            let filled = barWidth * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            line += " [" + bar + "]"
        }
        line = String((line + counter).prefix(width))
        StandardStream.error.write("\r\u{1B}[K" + line)
    }

    private func erase() {
        if lastDrawn != nil { StandardStream.error.write("\r\u{1B}[K") }
        lastDrawn = nil
    }
}
