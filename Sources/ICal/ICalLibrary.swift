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

/// The libical this process runs with.
public enum ICalLibraryVersion {
    /// Its full version ("3.0.16"), read from the name of the shared library mapped into
    /// the process (`libical.so.3.0.16`); the header's shorter `ICAL_VERSION` where the
    /// file name does not tell (a static build, or no /proc).
    public static let current: String = loadedFileVersion ?? ICAL_VERSION

    private static var loadedFileVersion: String? {
        ICalLibrary.prepare()  // libical is mapped once one of its functions has been called
        // Read to the end: /proc files report a size of 0, and a sized read stops at a page.
        guard let file = FileHandle(forReadingAtPath: "/proc/self/maps"), let maps = try? file.readToEnd() else {
            return nil
        }
        return maps.withUnsafeBytes { libicalVersion(inMaps: $0.bindMemory(to: UInt8.self)) }
    }

    /// The version in the name of the file behind the first mapping of a `libical.so.*` in the
    /// text of /proc/self/maps, symbolic links resolved. Scanned as bytes, lines cut only
    /// where a path's last part starts with `libical.so.`: this runs at every start.
    static func libicalVersion(inMaps maps: UnsafeBufferPointer<UInt8>) -> String? {
        let newline = UInt8(ascii: "\n")
        let slash = UInt8(ascii: "/")
        let marker = Array("/libical.so.".utf8)
        var lineStart = 0
        while lineStart < maps.count {
            var lineEnd = lineStart
            while lineEnd < maps.count, maps[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            // The path starts at the line's first '/', its last part after the line's last '/'.
            guard let pathStart = (lineStart..<lineEnd).first(where: { maps[$0] == slash }),
                let lastSlash = (pathStart..<lineEnd).last(where: { maps[$0] == slash }),
                lineEnd - lastSlash > marker.count,
                (0..<marker.count).allSatisfy({ maps[lastSlash + $0] == marker[$0] })
            else { continue }
            let path = String(decoding: UnsafeBufferPointer(rebasing: maps[pathStart..<lineEnd]), as: UTF8.self)
            guard let resolved = realpath(path, nil) else { continue }
            defer { free(resolved) }
            let name = String(cString: resolved).split(separator: "/").last ?? ""
            let version = name.dropFirst("libical.so.".count)
            if name.hasPrefix("libical.so."), !version.isEmpty,
                version.split(separator: ".").allSatisfy({ Int($0) != nil })
            {
                return String(version)
            }
        }
        return nil
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
