internal import AlmanacModel
internal import AlmanacSite
import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import Logging
internal import NIOCore

/// The request context: Hummingbird's, with the client's address for the access log.
struct AccessContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let client: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}

/// Answers every request from the site in memory: nothing on disk is ever opened for a
/// request, so no path can reach outside the site.
struct SiteResponder: HTTPResponder {
    let store: SiteStore
    let logger: Logger
    /// Larger request bodies are refused (this server only reads).
    static let maxBodyBytes = 1024

    func respond(to request: Request, context: AccessContext) async throws -> Response {
        let started = ContinuousClock.now
        let response = answer(request)
        let elapsed = ContinuousClock.now - started
        logger.info(
            "request",
            metadata: [
                "client": "\(context.client)",
                "method": "\(request.method.rawValue)",
                "path": "\(request.head.path ?? "")",
                "status": "\(response.status.code)",
                "bytes": "\(response.headers[.contentLength] ?? "0")",
                "encoding": "\(response.headers[.contentEncoding] ?? "identity")",
                "us": "\(elapsed.components.attoseconds / 1_000_000_000_000 + elapsed.components.seconds * 1_000_000)",
                "agent": "\(request.headers[.userAgent] ?? "-")",
            ])
        return response
    }

    func answer(_ request: Request) -> Response {
        guard request.method == .get || request.method == .head else {
            var response = page(
                .methodNotAllowed, "Method not allowed", "This site only answers GET and HEAD requests.")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maxBodyBytes {
            return page(.contentTooLarge, "Request too large", "This site only reads; it takes no uploads.")
        }
        if request.headers[.transferEncoding] != nil {
            return page(.contentTooLarge, "Request too large", "This site only reads; it takes no uploads.")
        }
        guard let path = Self.sitePath(request.head.path ?? "/") else {
            return page(.notFound, "Not found", "There is no page at this address.")
        }
        guard let file = store.file(path) else {
            var response = page(.notFound, "Not found", "There is no page at this address.")
            if let notFound = store.file(SitePages.notFoundFile) {
                response.body = ResponseBody(byteBuffer: notFound.body)
            }
            return request.method == .head ? response.createHeadResponse() : response
        }
        let response = serve(file, to: request)
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// The response for a file: 304 when the client's copy is current, else the bytes,
    /// gzipped when the client accepts gzip and that is smaller.
    func serve(_ file: ServedFile, to request: Request) -> Response {
        let gzip = file.gzipped != nil && Self.acceptsGzip(request.headers[.acceptEncoding])
        var headers = Self.securityHeaders(csp: file.contentSecurityPolicy)
        headers[.contentType] = file.contentType
        headers[.eTag] = gzip ? file.gzipETag : file.etag
        headers[.lastModified] = file.lastModifiedText
        headers[.cacheControl] = file.cacheControl
        if file.gzipped != nil { headers[.vary] = "Accept-Encoding" }
        if file.isCalendar { headers[.accessControlAllowOrigin] = "*" }
        if Self.isNotModified(request, file) {
            return Response(status: .notModified, headers: headers)
        }
        if gzip, let body = file.gzipped {
            headers[.contentEncoding] = "gzip"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: file.body))
    }

    /// RFC 9110 §13.2.2: If-None-Match first (weak comparison, either representation's
    /// tag); If-Modified-Since only without it.
    static func isNotModified(_ request: Request, _ file: ServedFile) -> Bool {
        let matches = request.headers[values: .ifNoneMatch]
        if !matches.isEmpty {
            let tags = matches.flatMap { $0.split(separator: ",") }.map { tag -> Substring in
                let trimmed = tag.trimmingCharacters(in: .whitespaces)
                return Substring(trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed)
            }
            return tags.contains { $0 == "*" || $0 == file.etag || $0 == file.gzipETag }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
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
    /// it cannot name a file of the site: not absolute, bad percent-encoding, a `.` or `..`
    /// segment (encoded or not), a backslash, a NUL or another control character.
    static func sitePath(_ target: String) -> String? {
        let raw =
            target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard raw.hasPrefix("/"), let decoded = raw.removingPercentEncoding else { return nil }
        guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7F}" || $0 == "\\" }) else {
            return nil
        }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.last == "" { segments[segments.count - 1] = SitePages.indexFile }
        guard !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.hasPrefix(".") }) else {
            return nil
        }
        return segments.joined(separator: "/")
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
    func page(_ status: HTTPResponse.Status, _ title: String, _ message: String) -> Response {
        var headers = Self.securityHeaders(csp: SitePages.contentSecurityPolicy + "; frame-ancestors 'none'")
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let html = SitePages.plainPage(title: title, message: message)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicyName = HTTPField.Name("Referrer-Policy")!
}
