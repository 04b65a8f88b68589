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

/// An answer of the site: its head (the status and every header, Content-Length included)
/// and the bytes, nil for HEAD and 304.
struct SiteAnswer {
    let head: AnswerHead
    var body: ByteBuffer?

    var status: HTTPResponse.Status { head.status }
    var headers: HTTPFields { head.fields }
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
        let answer = timedAnswer(SiteRequest(request.head), channel: context.channel)
        return Response(
            status: answer.status, headers: answer.headers,
            body: answer.body.map { ResponseBody(byteBuffer: $0) } ?? ResponseBody())
    }

    /// `answer`, written to the access log with the time it took (with the log off, as with
    /// --quiet, no clock and no formatting).
    func timedAnswer(_ request: SiteRequest, channel: any Channel) -> SiteAnswer {
        guard logger.logLevel <= .info else { return answer(request) }
        let started = ContinuousClock.now
        let answer = answer(request)
        let elapsed = ContinuousClock.now - started
        logger.info(
            "request",
            metadata: [
                "client": "\(channel.remoteAddress?.ipAddress ?? "-")",
                "method": "\(request.method.rawValue)",
                "path": "\(ControlCharacters.visible(request.target))",
                "status": "\(answer.status.code)",
                "bytes": "\(answer.headers[.contentLength] ?? "0")",
                "encoding": "\(answer.headers[.contentEncoding] ?? "identity")",
                "us": "\(elapsed.components.attoseconds / 1_000_000_000_000 + elapsed.components.seconds * 1_000_000)",
                // The client's words: shown, never obeyed by the terminal reading the log.
                "agent": "\(ControlCharacters.visible(request.userAgent ?? "-"))",
            ])
        return answer
    }

    func answer(_ request: SiteRequest) -> SiteAnswer {
        guard request.method == .get || request.method == .head else {
            return page(
                .methodNotAllowed, "Method not allowed", "This site only answers GET and HEAD requests.",
                allow: "GET, HEAD")
        }
        if let length = request.contentLength.flatMap(Int.init), length > Self.maxBodyBytes {
            return page(.contentTooLarge, "Request too large", "This site only reads; it takes no uploads.")
        }
        if request.isChunked {
            return page(.contentTooLarge, "Request too large", "This site only reads; it takes no uploads.")
        }
        var answer: SiteAnswer
        let path = Self.sitePath(request.target)
        if let file = path.flatMap(store.file) {
            answer = serve(file, to: request)
        } else {
            // A path of the site (not a hostile one) gets the site's own 404 page.
            let sitePage = path != nil ? store.file(SitePages.notFoundFile)?.body : nil
            answer = page(.notFound, "Not found", "There is no page at this address.", body: sitePage)
        }
        if request.method == .head { answer.body = nil }
        return answer
    }

    /// The answer for a file: 304 when the client's copy is current, else the bytes,
    /// gzipped when the client accepts gzip and that is smaller. The headers and bytes are
    /// the file's own, built when the site was loaded.
    func serve(_ file: ServedFile, to request: SiteRequest) -> SiteAnswer {
        let representation =
            file.gzipped.flatMap { Self.acceptsGzip(request.acceptEncoding) ? $0 : nil } ?? file.plain
        if Self.isNotModified(request, file) {
            return SiteAnswer(head: representation.notModified)
        }
        return SiteAnswer(head: representation.ok, body: representation.body)
    }

    /// RFC 9110 §13.2.2: If-None-Match first (weak comparison, either representation's
    /// tag); If-Modified-Since only without it.
    static func isNotModified(_ request: SiteRequest, _ file: ServedFile) -> Bool {
        if let matches = request.ifNoneMatch {
            // Calendar apps send back the one tag they were given: that is one comparison.
            if matches == file.plain.etag || matches == file.gzipped?.etag { return true }
            // Else a list ("a", W/"b", *), read in one pass over its bytes.
            for item in matches.utf8.split(separator: UInt8(ascii: ",")) {
                var tag = item.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                while tag.last == UInt8(ascii: " ") || tag.last == UInt8(ascii: "\t") { tag = tag.dropLast() }
                if tag.starts(with: "W/".utf8) { tag = tag.dropFirst(2) }
                if tag.elementsEqual("*".utf8) || tag.elementsEqual(file.plain.etag.utf8)
                    || file.gzipped.map({ tag.elementsEqual($0.etag.utf8) }) == true
                {
                    return true
                }
            }
            return false
        }
        if let since = request.ifModifiedSince.flatMap(HTTPDate.parse) {
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

    /// A plain error page, or `body` (a page of the site) in its place; `allow` lists the
    /// methods a 405 answer allows.
    func page(
        _ status: HTTPResponse.Status, _ title: String, _ message: String, body: ByteBuffer? = nil,
        allow: String? = nil
    ) -> SiteAnswer {
        var headers = Self.securityHeaders(csp: SitePages.contentSecurityPolicy + "; frame-ancestors 'none'")
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let body = body ?? ByteBuffer(string: SitePages.plainPage(title: title, message: message))
        headers[.contentLength] = String(body.readableBytes)
        headers[.allow] = allow
        return SiteAnswer(head: AnswerHead(status, headers), body: body)
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicyName = HTTPField.Name("Referrer-Policy")!
}
