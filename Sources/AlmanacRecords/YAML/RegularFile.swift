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
    ///
    /// `folder`, when given, is the file's folder opened (see ``Folders``): the file is then
    /// opened by its name in it, and the kernel looks up one name rather than the whole path.
    static func contents(of path: String, in folder: Int32? = nil, limit: Int) -> Contents {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY
        let descriptor: Int32
        if let folder, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            descriptor = openat(folder, String(path[path.utf8.index(after: slash)...]), flags)
        } else {
            descriptor = open(path, flags)
        }
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

    /// The folders of a run of files (sorted by path, so a folder's files come together), each
    /// opened once, for ``contents(of:in:limit:)``. A folder that cannot be opened gets nil:
    /// its files are opened by their paths, and fail or not as they would have.
    final class Folders: @unchecked Sendable {
        /// The folder of each file, in the files' order.
        let descriptors: [Int32?]
        private let opened: [Int32]

        init(of paths: some Sequence<String>) {
            var descriptors: [Int32?] = []
            var opened: [Int32] = []
            var last: (folder: Substring, descriptor: Int32?)?
            for path in paths {
                guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
                    descriptors.append(nil)
                    continue
                }
                let folder = path[..<slash]
                if last?.folder != folder {
                    let descriptor = open(folder.isEmpty ? "/" : String(folder), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                    if descriptor >= 0 { opened.append(descriptor) }
                    last = (folder, descriptor >= 0 ? descriptor : nil)
                }
                descriptors.append(last?.descriptor)
            }
            self.descriptors = descriptors
            self.opened = opened
        }

        deinit {
            for descriptor in opened { close(descriptor) }
        }
    }
}
