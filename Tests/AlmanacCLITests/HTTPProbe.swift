import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A raw HTTP/1.1 client over a socket: it sends the request bytes exactly as written (so
/// `/../` and `%2e%2e` reach the server as they are, which URL-normalising clients would
/// not allow) and reads the answer until the server closes.
struct HTTPAnswer {
    var status: Int
    /// Header names lowercased; repeated headers joined with ", ".
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    subscript(_ name: String) -> String? { headers[name.lowercased()] }
}

enum HTTPProbe {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// `GET` (or `method`) `target` with `headers`, `Connection: close` added.
    static func request(port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:])
        async throws -> HTTPAnswer
    {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return try await exchange(port: port, Data((text + "\r\n").utf8), method: method)
    }

    /// Sends `bytes` and reads the whole answer, on a thread of its own: the socket calls
    /// block, and the server under test may need every thread of Swift's concurrency pool.
    static func exchange(port: Int, _ bytes: Data, method: String = "GET") async throws -> HTTPAnswer {
        try parse(try await rawExchange(port: port, bytes), method: method)
    }

    /// Sends `bytes` on a new connection and returns everything received until the server
    /// closes it.
    static func rawExchange(port: Int, _ bytes: Data) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingExchange(port: port, bytes) })
            }
        }
    }

    private static func blockingExchange(port: Int, _ bytes: Data) throws -> Data {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect to port \(port): errno \(errno)") }
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, bytes.count, 0) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return received
    }

    static func parse(_ data: Data, method: String) throws -> HTTPAnswer {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "no complete header in \(data.count) bytes")
        }
        let head = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self).components(
            separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        var body = Data(data[end.upperBound...])
        if method == "HEAD" || status == 304 { body = Data() }
        if let length = headers["content-length"].flatMap(Int.init), body.count > length { body = body.prefix(length) }
        return HTTPAnswer(status: status, headers: headers, body: body)
    }

    /// A free TCP port on loopback, for servers that cannot pick their own.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(descriptor, pointer, length) == 0 else { return -1 }
                return getsockname(descriptor, pointer, &length)
            }
        }
        guard bound == 0 else { throw Failure(description: "no free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits up to `seconds` for `condition`, checking every 50 ms.
    static func waitFor(seconds: Double = 20, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }
}
