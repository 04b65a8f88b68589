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

    /// A scratch file in `folder` for the bytes headed for `target` (named in errors).
    package init(in folder: String, for target: String) throws(FileWriteError) {
        self.target = target
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let path = folder + "/" + AtomicFile.temporaryPrefix + "\(getpid())-\(random)-scratch"
        descriptor = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileWriteError(path: target, reason: String(cString: strerror(errno))) }
        unlink(path)
    }

    deinit { close(descriptor) }

    /// Appends `bytes`; returns where they start.
    @discardableResult
    package func append(_ bytes: [UInt8]) throws(FileWriteError) -> Int {
        let start = size
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBufferPointer { bytes in
                pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(start + written))
            }
            guard count > 0 else { throw FileWriteError(path: target, reason: String(cString: strerror(errno))) }
            written += count
        }
        size += bytes.count
        return start
    }

    /// Appends the `count` bytes from `offset` to `buffer`.
    package func read(from offset: Int, count: Int, appendingTo buffer: inout [UInt8]) throws(FileWriteError) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        var done = 0
        while done < count {
            let got = buffer.withUnsafeMutableBytes { bytes in
                pread(descriptor, bytes.baseAddress! + start + done, count - done, off_t(offset + done))
            }
            guard got > 0 else {
                buffer.removeLast(count)
                let reason = got < 0 ? String(cString: strerror(errno)) : "a scratch file is shorter than written"
                throw FileWriteError(path: target, reason: reason)
            }
            done += got
        }
    }
}
