import Foundation
import Synchronization

/// Standard output written in batches, for the access log (a `StreamLogHandler` stream, so
/// the lines keep swift-log's structured format): a line is appended to a buffer in memory
/// and a thread of its own writes the buffer every 50 ms, so answering a request never waits
/// for a write to the terminal, file or pipe behind standard output. Nothing is dropped: a
/// buffer past 4 MB (standard output slower than the requests) is written by the thread that
/// logs, and `flush()` writes what is left (`almanac serve` calls it when it stops).
public final class BatchedOutput: TextOutputStream, Sendable {
    public static let standardOutput = BatchedOutput(fileDescriptor: STDOUT_FILENO)

    private let fileDescriptor: Int32
    private let pending = Mutex<[UInt8]>([])
    /// Held while writing, so that batches reach the file in the order they were made.
    private let writing = Mutex<Void>(())
    private static let limit = 4 << 20

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                flush()
            }
        }
    }

    public func write(_ string: String) {
        let full = pending.withLock { buffer in
            buffer.append(contentsOf: string.utf8)
            return buffer.count > Self.limit
        }
        if full { flush() }
    }

    /// Writes every line logged so far.
    public func flush() {
        writing.withLock { _ in
            let bytes = pending.withLock { buffer in
                var taken: [UInt8] = []
                swap(&taken, &buffer)
                return taken
            }
            var written = 0
            while written < bytes.count {
                let result = bytes.withUnsafeBytes { raw in
                    writeBytes(fileDescriptor, raw.baseAddress! + written, raw.count - written)
                }
                if result > 0 {
                    written += result
                } else if result < 0 && errno != EINTR {
                    return  // standard output is gone (a closed pipe): nothing can be written
                }
            }
        }
    }
}

/// write(2), out of the reach of `BatchedOutput.write`.
private func writeBytes(_ fileDescriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fileDescriptor, bytes, count)
}
