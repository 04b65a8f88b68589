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

    /// Appends `text`; returns where it starts.
    @discardableResult
    package func append(_ text: String) throws(FileWriteError) -> Int {
        try append(Array(text.utf8))
    }

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
    private func read(from offset: Int, count: Int, appendingTo buffer: inout [UInt8]) throws(FileWriteError) {
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

    /// Writes the pieces of the scratch file at `ranges` to `file`, in that order. Pieces
    /// that follow each other in the scratch file are read at once (up to a megabyte), and
    /// what is read is written a megabyte at a time. `progress` hears of the pieces copied.
    package func copy(
        _ ranges: some Sequence<(offset: Int, length: Int)>, to file: AtomicFile,
        progress: (any ProgressReporter)? = nil
    ) throws(FileWriteError) {
        let pieceSize = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2 * pieceSize)
        var run = (offset: 0, length: 0)
        var copied = 0
        for range in ranges {
            copied += 1
            if copied % 4096 == 0 { progress?.advance(by: 4096) }
            if range.offset == run.offset + run.length, run.length < pieceSize {
                run.length += range.length
                continue
            }
            try read(from: run.offset, count: run.length, appendingTo: &buffer)
            run = range
            if buffer.count >= pieceSize {
                try file.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try read(from: run.offset, count: run.length, appendingTo: &buffer)
        try file.write(buffer)
        progress?.advance(by: copied % 4096)
    }
}
