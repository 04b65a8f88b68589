import Foundation

/// A file that holds intermediate bytes on disk rather than in memory: appended to, then read
/// back in any order. It has no name (it is unlinked as soon as it is opened), so it vanishes
/// when closed, whatever happens to the process.
package final class ScratchFile {
    private let descriptor: Int32
    /// The file the bytes are headed for, named in errors.
    private let target: String
    /// Bytes written so far: the offset of the next append.
    package private(set) var size = 0

    /// A scratch file beside `target`, the file its bytes are headed for (so on that disk).
    package init(beside target: String) throws(FileWriteError) {
        self.target = target
        let folder = (target as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let path = folder + "/" + AtomicFile.temporaryPrefix + "\(getpid())-\(random)-scratch"
        descriptor = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileWriteError(path: target, reason: String(cString: strerror(errno))) }
        unlink(path)
    }

    deinit { close(descriptor) }

    /// Appends `text`; returns where it starts.
    @discardableResult
    package func append(_ text: String) throws(FileWriteError) -> Int {
        var text = text
        let start = size
        let result: FileWriteError? = text.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let count = pwrite(
                    descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(start + written))
                guard count > 0 else {
                    return FileWriteError(path: target, reason: String(cString: strerror(errno)))
                }
                written += count
            }
            return nil
        }
        if let result { throw result }
        size += text.utf8.count
        return start
    }

    /// Hands the bytes from `offset` to `body`, `count` of them, a piece of at most
    /// `pieceSize` at a time.
    package func read(
        from offset: Int, count: Int, pieceSize: Int = 1 << 20,
        _ body: (UnsafeRawBufferPointer) throws(FileWriteError) -> Void
    ) throws(FileWriteError) {
        var buffer = [UInt8](repeating: 0, count: min(count, pieceSize))
        var done = 0
        while done < count {
            let wanted = min(buffer.count, count - done)
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, wanted, off_t(offset + done)) }
            guard got > 0 else {
                let reason = got < 0 ? String(cString: strerror(errno)) : "a scratch file is shorter than written"
                throw FileWriteError(path: target, reason: reason)
            }
            let failure: FileWriteError? = buffer.withUnsafeBytes { bytes in
                do throws(FileWriteError) {
                    try body(UnsafeRawBufferPointer(rebasing: bytes[..<got]))
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw failure }
            done += got
        }
    }
}
