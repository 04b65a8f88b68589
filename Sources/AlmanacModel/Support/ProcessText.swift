import Foundation

/// One environment variable, read without building `ProcessInfo`'s whole dictionary (a command
/// that prints one line should not pay for copying the environment); nil when it is not set.
package func environmentVariable(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

extension Data {
    /// The UTF-8 bytes of `text`, copied from the string's own storage: `Data(text.utf8)` asks
    /// the runtime whether the view is ContiguousBytes (a walk of every conformance record of
    /// the static binary).
    package init(utf8Of text: String) {
        var text = text
        self = text.withUTF8 { Data(buffer: $0) }
    }
}
