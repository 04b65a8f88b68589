internal import AlmanacModel
internal import AlmanacSite
import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import Logging
internal import NIOCore

/// The request context: Hummingbird's, with the connection, whose client address goes in
/// the access log (looked up only when the log is written).
struct AccessContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// An answer of the site: the status, every header (Content-Length included) and the bytes,
/// nil for HEAD and 304.
struct SiteAnswer {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer?
}

/// Answers every request from the site in memory: nothing on disk is ever opened for a
/// request, so no path can reach outside the site.
///
/// The reads — GET and HEAD without a body, all a calendar app or a browser sends — are
/// answered on the connection's event loop by `SiteReadHandler`; this responder, behind
/// Hummingbird's request handling, answers the rest (and any request behind one of those on
/// the same connection), with the same `answer`.
struct SiteResponder: HTTPResponder {
    let store: SiteStore
    let logger: Logger
    /// Larger request bodies are refused (this server only reads).
    static let maxBodyBytes = 1024

    func respond(to request: Request, context: AccessContext) async throws -> Response {
        let answer = timedAnswer(request.head, channel: context.channel)
        return Response(
            status: answer.status, headers: answer.headers,
            body: answer.body.map { ResponseBody(byteBuffer: $0) } ?? ResponseBody())
    }

    /// `answer`, written to the access log with the time it took (with the log off, as with
    /// --quiet, no clock and no formatting).
    func timedAnswer(_ request: HTTPRequest, channel: any Channel) -> SiteAnswer {
        guard logger.logLevel <= .info else { return answer(request) }
        let started = ContinuousClock.now
        let answer = answer(request)
        let elapsed = ContinuousClock.now - started
        logger.info(
            "request",
            metadata: [
                "client": "\(channel.remoteAddress?.ipAddress ?? "-")",
                "method": "\(request.method.rawValue)",
                "path": "\(request.path ?? "")",
                "status": "\(answer.status.code)",
                "bytes": "\(answer.headers[.contentLength] ?? "0")",
                "encoding": "\(answer.headers[.contentEncoding] ?? "identity")",
                "us": "\(elapsed.components.attoseconds / 1_000_000_000_000 + elapsed.components.seconds * 1_000_000)",
                "agent": "\(request.headerFields[.userAgent] ?? "-")",
            ])
        return answer
    }

    func answer(_ request: HTTPRequest) -> SiteAnswer {
        guard request.method == .get || request.method == .head else {
            var answer = page(
                .methodNotAllowed, "Method not allowed", "This site only answers GET and HEAD requests.")
            answer.headers[.allow] = "GET, HEAD"
            return answer
        }
        let headers = request.headerFields
        if let length = headers[.contentLength].flatMap(Int.init), length > Self.maxBodyBytes {
            return page(.contentTooLarge, "Request too large", "This site only reads; it takes no uploads.")
        }
        if headers[.transferEncoding] != nil {
            return page(.contentTooLarge, "Request too large", "This site only reads; it takes no uploads.")
        }
        var answer: SiteAnswer
        let path = Self.sitePath(request.path ?? "/")
        if let file = path.flatMap(store.file) {
            answer = serve(file, to: headers)
        } else {
            answer = page(.notFound, "Not found", "There is no page at this address.")
            // A path of the site (not a hostile one) gets the site's own 404 page.
            if path != nil, let notFound = store.file(SitePages.notFoundFile) {
                answer.body = notFound.body
                answer.headers[.contentLength] = String(notFound.body.readableBytes)
            }
        }
        if request.method == .head { answer.body = nil }
        return answer
    }

    /// The answer for a file: 304 when the client's copy is current, else the bytes,
    /// gzipped when the client accepts gzip and that is smaller. The headers and bytes are
    /// the file's own, built when the site was loaded.
    func serve(_ file: ServedFile, to headers: HTTPFields) -> SiteAnswer {
        let representation =
            file.gzipped.flatMap { Self.acceptsGzip(headers[.acceptEncoding]) ? $0 : nil } ?? file.plain
        if Self.isNotModified(headers, file) {
            return SiteAnswer(status: .notModified, headers: representation.notModifiedHeaders)
        }
        return SiteAnswer(status: .ok, headers: representation.headers, body: representation.body)
    }

    /// RFC 9110 §13.2.2: If-None-Match first (weak comparison, either representation's
    /// tag); If-Modified-Since only without it.
    static func isNotModified(_ headers: HTTPFields, _ file: ServedFile) -> Bool {
        let matches = headers[values: .ifNoneMatch]
        if !matches.isEmpty {
            for tag in matches.lazy.flatMap({ $0.split(separator: ",") }) {
                var tag = tag.drop { $0 == " " || $0 == "\t" }
                while tag.last == " " || tag.last == "\t" { tag = tag.dropLast() }
                if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
                if tag == "*" || tag == file.plain.etag || file.gzipped.map({ tag == $0.etag }) == true { return true }
            }
            return false
        }
        if let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return file.lastModified <= since
        }
        return false
    }

    /// Whether `Accept-Encoding` allows gzip: `gzip` (or `x-gzip`, or `*`) with a quality
    /// above zero, and not refused by name.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var gzip: Double?
        var any: Double?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if coding == "gzip" || coding == "x-gzip" { gzip = quality }
            if coding == "*" { any = quality }
        }
        return (gzip ?? any ?? 0) > 0
    }

    /// The key of a request target in the site (`reports/2023-Q4/report.html`), or nil when
    /// it cannot name a file of the site: not absolute, bad percent-encoding, an empty, `.` or
    /// `..` segment or one starting with a dot (encoded or not), a backslash, a NUL or another
    /// control character. One pass over the bytes; Foundation decodes only targets with a `%`.
    static func sitePath(_ target: String) -> String? {
        var raw = target.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(target[..<$0]) } ?? target
        guard raw.utf8.first == UInt8(ascii: "/") else { return nil }
        if raw.utf8.contains(UInt8(ascii: "%")) {
            guard let decoded = raw.removingPercentEncoding else { return nil }
            raw = decoded
        }
        var atSegmentStart = true
        for byte in raw.utf8.dropFirst() {
            switch byte {
            case 0..<0x20, 0x7F, UInt8(ascii: "\\"): return nil
            case UInt8(ascii: "/"):
                guard !atSegmentStart else { return nil }
                atSegmentStart = true
            case UInt8(ascii: "."):
                guard !atSegmentStart else { return nil }
            default: atSegmentStart = false
            }
        }
        let path = String(decoding: raw.utf8.dropFirst(), as: UTF8.self)
        return atSegmentStart ? path + SitePages.indexFile : path
    }

    static func securityHeaders(csp: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] = csp
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicyName] = "no-referrer"
        headers[.xFrameOptions] = "DENY"
        return headers
    }

    /// A plain error page.
    func page(_ status: HTTPResponse.Status, _ title: String, _ message: String) -> SiteAnswer {
        var headers = Self.securityHeaders(csp: SitePages.contentSecurityPolicy + "; frame-ancestors 'none'")
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let body = ByteBuffer(string: SitePages.plainPage(title: title, message: message))
        headers[.contentLength] = String(body.readableBytes)
        return SiteAnswer(status: status, headers: headers, body: body)
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicyName = HTTPField.Name("Referrer-Policy")!
}
