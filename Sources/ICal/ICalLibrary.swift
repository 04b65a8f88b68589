import CLibical
import Foundation

/// Process-wide libical settings, applied once before any other call.
///
/// libical's global setters are not synchronised, so they run exactly once, guarded by
/// Swift's thread-safe lazy initialisation of globals.
enum ICalLibrary {
    private static let prepared: Bool = {
        // Report problems through return values, never by aborting the process.
        icalerror_set_errors_are_fatal(0)
        return true
    }()

    static func prepare() {
        _ = prepared
    }
}

/// Points standard error at /dev/null for the length of a call, one call at a time.
enum StandardErrorSilencer {
    private static let lock = NSLock()

    static func `while`<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let saved = dup(STDERR_FILENO)
        let null = open("/dev/null", O_WRONLY)
        guard saved >= 0, null >= 0 else {
            if saved >= 0 { close(saved) }
            if null >= 0 { close(null) }
            return body()
        }
        dup2(null, STDERR_FILENO)
        close(null)
        defer {
            dup2(saved, STDERR_FILENO)
            close(saved)
        }
        return body()
    }
}
