internal import AlmanacModel
internal import AlmanacSite
internal import CompressNIO
import Foundation
internal import HTTPTypes
internal import NIOCore

/// One file of the site as it is served: its bytes (and gzip of them), with the validators
/// and the complete response headers that go with them, all built once when the site is
/// loaded, so that answering a request copies references and computes nothing.
final class ServedFile: Sendable {
    /// One representation of the file (its bytes as they are, or gzipped) and its answers.
    struct Representation: Sendable {
        let body: ByteBuffer
        /// A strong validator of these bytes, quoted.
        let etag: String
        /// The head of a 200 answer (Content-Length included) and of a 304 answer.
        let ok: AnswerHead
        let notModified: AnswerHead
    }

    let plain: Representation
    /// The gzip form, when it is smaller; another representation, so another tag.
    let gzipped: Representation?
    /// Seconds since 1970; moves only forward, and only when the bytes change.
    let lastModified: Int64

    var body: ByteBuffer { plain.body }
    var etag: String { plain.etag }

    init(bytes: [UInt8], path: String, lastModified: Int64, refreshInterval: Int, isFeed: Bool) {
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        let etag = "\"" + Self.digest(bytes) + "\""
        var input = buffer
        let compressed = bytes.count >= 256 ? try? input.compress(with: .gzip()) : nil
        let gzipBody = compressed.flatMap { $0.readableBytes < bytes.count ? $0 : nil }
        self.lastModified = lastModified
        let type = ContentType(path: path)
        var headers = SiteResponder.securityHeaders(
            csp: (type == .html
                ? (path.hasPrefix(SiteBuilder.reportsFolder + "/")
                    ? SitePages.reportContentSecurityPolicy : SitePages.contentSecurityPolicy)
                : "default-src 'none'; style-src 'unsafe-inline'") + "; frame-ancestors 'none'")
        headers[.contentType] = type.mediaType
        headers[.lastModified] = HTTPDate.format(lastModified)
        // Feeds may be cached as long as clients are asked to wait between refreshes; every
        // other file is revalidated (a cheap 304) so that edits show at once.
        headers[.cacheControl] = isFeed ? "public, max-age=\(refreshInterval)" : "no-cache"
        if gzipBody != nil { headers[.vary] = "Accept-Encoding" }
        if type == .calendar { headers[.accessControlAllowOrigin] = "*" }
        plain = Self.representation(buffer, etag: etag, encoding: nil, headers)
        gzipped = gzipBody.map {
            Self.representation($0, etag: String(etag.dropLast()) + "-gzip\"", encoding: "gzip", headers)
        }
    }

    private static func representation(_ body: ByteBuffer, etag: String, encoding: String?, _ common: HTTPFields)
        -> Representation
    {
        var headers = common
        headers[.eTag] = etag
        // RFC 9110 §15.4.5: a 304 carries the validators and the caching fields of the 200,
        // not the representation's own metadata.
        var notModified = HTTPFields()
        for name in [HTTPField.Name.eTag, .lastModified, .cacheControl, .vary] { notModified[name] = headers[name] }
        headers[.contentEncoding] = encoding
        headers[.contentLength] = String(body.readableBytes)
        return Representation(
            body: body, etag: etag, ok: AnswerHead(.ok, headers), notModified: AnswerHead(.notModified, notModified))
    }

    /// Two 64-bit FNV-1a digests (forwards and with another basis) as 32 hex digits: a
    /// strong validator that changes with any byte.
    static func digest(_ bytes: [UInt8]) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        second ^= UInt64(bytes.count)
        return [first, second].map { value in
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

/// What kind of file a site file is, from its extension.
enum ContentType {
    case html, calendar, css, javascript, csv, markdown, svg, text, other

    init(path: String) {
        self =
            switch path.split(separator: ".").last.map({ $0.lowercased() }) {
            case "html": .html
            case "ics": .calendar
            case "css": .css
            case "js": .javascript
            case "csv": .csv
            case "md": .markdown
            case "svg": .svg
            case "txt": .text
            default: .other
            }
    }

    /// Its `Content-Type` header.
    var mediaType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .calendar: "text/calendar; charset=utf-8"
        case .css: "text/css; charset=utf-8"
        case .javascript: "text/javascript; charset=utf-8"
        case .csv: "text/csv; charset=utf-8; header=present"
        case .markdown: "text/markdown; charset=utf-8"
        case .svg: "image/svg+xml"
        case .text: "text/plain; charset=utf-8"
        case .other: "application/octet-stream"
        }
    }
}

/// The whole site in memory, keyed by its path without the leading slash (`all.ics`,
/// `reports/2023-Q4/report.html`).
struct SiteSnapshot: Sendable {
    var files: [String: ServedFile]

    /// Reads every regular file below `directory` (symbolic links and hidden files are
    /// skipped: nothing outside the built site can be reached). A file whose bytes are those
    /// of `previous` keeps its Last-Modified; a changed one gets `now`, or a second after its
    /// previous stamp if that is later, so Last-Modified never goes back or stands still.
    static func load(directory: String, feeds: Set<String>, refreshInterval: Int, previous: SiteSnapshot?, now: Int64)
        throws -> SiteSnapshot
    {
        var files: [String: ServedFile] = [:]
        let root = URL(fileURLWithPath: directory)
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                options: [.skipsHiddenFiles])
        else {
            return SiteSnapshot(files: [:])
        }
        let prefix = root.standardizedFileURL.path + "/"
        while let url = walker.nextObject() as? URL {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values.isRegularFile == true, values.isSymbolicLink != true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(prefix) else { continue }
            let path = String(full.dropFirst(prefix.count))
            let bytes = [UInt8](try Data(contentsOf: url))
            let old = previous?.files[path]
            let stamp = old.map { max(now, $0.lastModified + 1) } ?? now
            let file = ServedFile(
                bytes: bytes, path: path, lastModified: stamp, refreshInterval: refreshInterval,
                isFeed: feeds.contains(path))
            files[path] = old.map { $0.etag == file.etag ? $0 : file } ?? file
        }
        return SiteSnapshot(files: files)
    }
}
