internal import HTTPTypes

/// What the site needs of a request, read in one pass over its header fields: looking
/// fields up one by one in `HTTPFields` costs more than answering a revalidation.
struct SiteRequest {
    let method: HTTPRequest.Method
    /// The request target: the path and any query.
    let target: String
    private(set) var ifNoneMatch: String?
    private(set) var ifModifiedSince: String?
    private(set) var acceptEncoding: String?
    private(set) var userAgent: String?
    /// The declared length of a body; nil when none is declared.
    private(set) var contentLength: String?
    /// Whether the body comes chunked (`Transfer-Encoding`), of a length not declared.
    private(set) var isChunked = false
    /// Whether the client asked for the connection to end with this answer.
    private(set) var closesConnection = false

    init(_ request: HTTPRequest) {
        method = request.method
        target = request.path ?? "/"
        for field in request.headerFields {
            switch field.name {
            case .ifNoneMatch: ifNoneMatch = ifNoneMatch.map { $0 + ", " + field.value } ?? field.value
            case .ifModifiedSince: ifModifiedSince = ifModifiedSince ?? field.value
            case .acceptEncoding: acceptEncoding = acceptEncoding.map { $0 + ", " + field.value } ?? field.value
            case .userAgent: userAgent = userAgent ?? field.value
            case .contentLength: contentLength = contentLength ?? field.value
            case .transferEncoding: isChunked = true
            case .connection: closesConnection = closesConnection || Self.saysClose(field.value)
            default: break
            }
        }
    }

    /// GET or HEAD with no body: what calendar apps and browsers send.
    var isRead: Bool {
        (method == .get || method == .head) && !isChunked && (contentLength ?? "0") == "0"
    }

    /// `Connection: close` (the field is a list of tokens, compared without case).
    private static func saysClose(_ value: String) -> Bool {
        value.split(separator: ",").contains { $0.filter { $0 != " " && $0 != "\t" }.lowercased() == "close" }
    }
}
