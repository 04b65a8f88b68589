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

    /// Flushes the data to disk and moves the file into place. With `replacing` false an
    /// existing file is left alone (the check and the move are one step, `link(2)`), and the
    /// result is false.
    @discardableResult
    public func commit(replacing: Bool = true) throws -> Bool {
        try handle.synchronize()
        try handle.close()
        finished = true
        if !replacing {
            defer { unlink(temporaryPath) }
            if link(temporaryPath, path) == 0 { return true }
            if errno == EEXIST { return false }
        } else if rename(temporaryPath, path) == 0 {
            return true
        }
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(atPath: temporaryPath)
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: reason])
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

    /// Writes `text` to a new file at `path`, atomically; false, writing nothing, when a file
    /// is already there.
    public static func create(_ text: String, at path: String) throws -> Bool {
        let file = try AtomicFile(path: path)
        try file.write(text)
        return try file.commit(replacing: false)
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
