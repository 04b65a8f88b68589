import CLibical

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
