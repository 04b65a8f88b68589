import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file through a temporary file in the same folder and a rename, so that readers
/// see either the old file or the complete new one, never half of it.
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var finished = false

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        temporaryPath = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporaryPath])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporaryPath))
    }

    public func write(_ text: String) throws {
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Flushes the data to disk and moves the file into place.
    public func commit() throws {
        try finish()
        guard rename(temporaryPath, path) == 0 else {
            throw failure(.fileWriteUnknown)
        }
    }

    /// Like ``commit()``, but never replaces a file: when `path` exists, nothing changes and
    /// the error is `CocoaError(.fileWriteFileExists)`.
    public func commitNew() throws {
        try finish()
        // link(2) fails rather than replace an existing file, unlike rename(2).
        guard link(temporaryPath, path) == 0 else {
            throw failure(errno == EEXIST ? .fileWriteFileExists : .fileWriteUnknown)
        }
        unlink(temporaryPath)
    }

    private func finish() throws {
        try handle.synchronize()
        try handle.close()
        finished = true
    }

    /// The error of a failed rename or link, after removing the temporary file.
    private func failure(_ code: CocoaError.Code) -> CocoaError {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(atPath: temporaryPath)
        return CocoaError(code, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: reason])
    }

    deinit {
        if !finished {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }

    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write(text)
        try file.commit()
    }

    /// Writes `text` to a new file at `path` atomically; fails with
    /// `CocoaError(.fileWriteFileExists)` rather than replace a file that is there.
    public static func create(_ text: String, at path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write(text)
        try file.commitNew()
    }
}

/// An exclusive advisory lock on a file, held until released or the process ends.
public final class FileLock {
    private let descriptor: Int32

    /// Waits for the lock; `onWait` runs once if another process holds it.
    public init(path: String, onWait: () -> Void = {}) throws {
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            onWait()
            flock(descriptor, LOCK_EX)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
