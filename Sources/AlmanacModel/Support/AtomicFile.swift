import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file through a temporary file in the same folder and a rename, so that readers
/// see either the old file or the complete new one, never half of it; the data and then the
/// folder are flushed to disk, so the new file survives a power cut once ``commit(replacing:)``
/// returns.
///
/// The temporary file is hidden and has no extension of its own
/// (`.almanac-tmp-<pid>-<random>-<name>`), so a web server serving the folder never offers it
/// as a feed or a page, and the next run removes one a killed run left
/// (``removeStaleTemporaries(in:)``). A path that is a symbolic link is written through:
/// the file it points to is replaced atomically and the link stays. A file that is replaced
/// keeps its permissions. A FIFO, a device or a folder is refused rather than replaced.
public final class AtomicFile {
    /// The file that is written: the path asked for, or the file its symbolic link points to.
    public let path: String
    private let temporaryPath: String
    private var handle: FileHandle?
    private var finished = false

    /// The start of every temporary file's name.
    static let temporaryPrefix = ".almanac-tmp-"

    public init(path: String) throws(FileWriteError) {
        let target = try Self.target(of: path)
        self.path = target
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: path, error)
        }
        let stem = url.lastPathComponent.split(separator: ".").first.map(String.init) ?? "file"
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        temporaryPath = folder.appendingPathComponent("\(Self.temporaryPrefix)\(getpid())-\(random)-\(stem)").path
        let descriptor = open(temporaryPath, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        // A file that is replaced keeps its permissions: a private export stays private.
        var existing = stat()
        if stat(target, &existing) == 0 { _ = fchmod(descriptor, existing.st_mode & 0o7777) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    public func write(_ text: String) throws(FileWriteError) {
        do {
            try handle?.write(contentsOf: Data(utf8Of: text))
        } catch {
            throw FileWriteError(path: path, error)
        }
    }

    public func write(_ bytes: [UInt8]) throws(FileWriteError) {
        do {
            try handle?.write(contentsOf: bytes)
        } catch {
            throw FileWriteError(path: path, error)
        }
    }

    /// Flushes the data to disk and closes the temporary file, without moving it into place
    /// yet: after this only the rename of ``commit(replacing:)`` is left, which cannot run
    /// out of space.
    public func flush() throws(FileWriteError) {
        guard let handle else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw FileWriteError(path: path, error)
        }
        self.handle = nil
    }

    /// Flushes the data to disk and moves the file into place, then flushes the folder. With
    /// `replacing` false an existing file is left alone (the check and the move are one step,
    /// `link(2)`), and the result is false.
    @discardableResult
    public func commit(replacing: Bool = true) throws(FileWriteError) -> Bool {
        try flush()
        finished = true
        if !replacing {
            defer { unlink(temporaryPath) }
            if link(temporaryPath, path) == 0 {
                Self.synchronizeFolder(of: path)
                return true
            }
            if errno == EEXIST { return false }
        } else if rename(temporaryPath, path) == 0 {
            Self.synchronizeFolder(of: path)
            return true
        }
        let reason = String(cString: strerror(errno))
        unlink(temporaryPath)
        throw FileWriteError(path: path, reason: reason)
    }

    deinit {
        if !finished {
            try? handle?.close()
            unlink(temporaryPath)
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

    /// Removes the temporary files that runs which have ended (killed, or cut off by a power
    /// cut) left in `folder`: Almanac's `.almanac-tmp-<pid>-…`, and `.<name>.tmp-<pid>` of
    /// earlier versions. Files of a process still running are left alone.
    public static func removeStaleTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            let pidText: Substring
            if name.hasPrefix(temporaryPrefix) {
                pidText = name.dropFirst(temporaryPrefix.count).prefix { $0.isNumber }
            } else if name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards) {
                pidText = name[range.upperBound...]
                guard pidText.allSatisfy(\.isNumber) else { continue }
            } else {
                continue
            }
            guard let pid = pid_t(pidText), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            unlink(folder + "/" + name)
        }
    }

    /// Flushes a folder's entries to disk, so that a rename in it survives a power cut.
    static func synchronizeFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The regular file to write for `path`: `path` itself when it is a regular file or does
    /// not exist; the file a symbolic link points to (following chains); an error for a
    /// folder, a FIFO, a device or a socket, which a rename would replace.
    static func target(of path: String) throws(FileWriteError) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0 else {
                if errno == ENOENT { return current }
                throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                return current
            case S_IFLNK:
                guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                    throw FileWriteError(path: path, reason: "the symbolic link cannot be read")
                }
                current =
                    destination.hasPrefix("/")
                    ? destination
                    : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
            case S_IFDIR:
                throw FileWriteError(path: path, reason: "it is a folder", hint: "name a file inside it")
            default:
                let kind =
                    switch status.st_mode & S_IFMT {
                    case S_IFIFO: "FIFO (named pipe)"
                    case S_IFSOCK: "socket"
                    default: "device"
                    }
                throw FileWriteError(
                    path: path,
                    reason: """
                        it is a \(kind), not a regular file; Almanac writes a file \
                        by replacing it whole, which would replace the \(kind)
                        """,
                    hint: """
                        write to a regular file, or leave out --out and \
                        redirect standard output where the command has one
                        """
                )
            }
        }
        throw FileWriteError(path: path, reason: "it is a loop of symbolic links")
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
public struct FileWriteError: AlmanacError {
    public let path: String
    public let reason: String
    public let hint: String?

    public init(
        path: String, reason: String,
        hint: String =
            "check that the folder exists, is a folder, and that you may write to it (and that the disk is not full)"
    ) {
        self.path = path
        self.reason = reason
        self.hint = hint
    }

    /// The reason of a Foundation error, taken from its POSIX cause when it has one.
    package init(path: String, _ error: any Error) {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            self.init(path: path, reason: String(cString: strerror(Int32(underlying.code))))
        } else {
            self.init(path: path, reason: error.localizedDescription)
        }
    }

    public var kind: ErrorKind { .cannotWrite }
    public var origin: ErrorOrigin? { .file(path) }
    public var message: String { "cannot write this file: \(reason)" }
}
