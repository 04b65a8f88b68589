import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The bytes of a record file, read with one `open`, one `fstat` and (usually) one `read`:
/// a project of 10^5 record files reads each of them, and Foundation's attributes and
/// contents calls cost a dictionary, a second look-up of the path and several system calls
/// per file.
enum RegularFile {
    enum Contents {
        case bytes(Data)
        /// More than the limit.
        case tooLarge
        /// Missing, not readable, or not a regular file (a folder, a FIFO, a device, a socket).
        case unreadable
    }

    /// The bytes of the regular file at `path` (a symbolic link is followed), at most `limit`.
    /// Never waits: a FIFO is opened without blocking and refused, as is anything else that is
    /// not a regular file.
    static func contents(of path: String, limit: Int) -> Contents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .unreadable }
        let size = Int(status.st_size)
        guard size <= limit else { return .tooLarge }
        // One byte more than the size, so that a file that grew since `fstat` is read on.
        var data = Data(count: size + 1)
        var count = 0
        while true {
            if count == data.count {
                guard count <= limit else { return .tooLarge }
                data.count = min(count * 2, limit + 1)
            }
            let got = data.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .unreadable
            }
            if got == 0 { break }
            count += got
        }
        data.count = count
        return .bytes(data)
    }
}
