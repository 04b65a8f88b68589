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

    public init(path: String) throws(FileWriteError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: path, error)
        }
        temporaryPath = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporaryPath)
        else {
            throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
    }

    public func write(_ text: String) throws(FileWriteError) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw FileWriteError(path: path, error)
        }
    }

    /// Flushes the data to disk and moves the file into place. With `replacing` false an
    /// existing file is left alone (the check and the move are one step, `link(2)`), and the
    /// result is false.
    @discardableResult
    public func commit(replacing: Bool = true) throws(FileWriteError) -> Bool {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw FileWriteError(path: path, error)
        }
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
        throw FileWriteError(path: path, reason: reason)
    }

    deinit {
        if !finished {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }

    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        let file = try AtomicFile(path: path)
        try file.write(text)
        try file.commit()
    }

    /// Writes `text` to a new file at `path`, atomically; false, writing nothing, when a file
    /// is already there.
    public static func create(_ text: String, at path: String) throws(FileWriteError) -> Bool {
        let file = try AtomicFile(path: path)
        try file.write(text)
        return try file.commit(replacing: false)
    }
}

/// An exclusive advisory lock on a file, held until released or the process ends.
public final class FileLock {
    private let descriptor: Int32

    /// Waits for the lock; `onWait` runs once if another process holds it.
    public init(path: String, onWait: () -> Void = {}) throws(FileWriteError) {
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
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

/// A file could not be written: which one, and the system's reason in words.
public struct FileWriteError: Error, LocalizedError, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The reason of a Foundation error, taken from its POSIX cause when it has one.
    init(path: String, _ error: any Error) {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            self.init(path: path, reason: String(cString: strerror(Int32(underlying.code))))
        } else {
            self.init(path: path, reason: error.localizedDescription)
        }
    }

    public var description: String {
        "cannot write \(path): \(reason)\n  hint: check that the folder exists, is a folder, and that you may write to it (and that the disk is not full)"
    }

    public var errorDescription: String? { description }
}
