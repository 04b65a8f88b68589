internal import AlmanacModel
internal import HTTPTypes
internal import HummingbirdCore
internal import Logging
internal import NIOCore
internal import NIOHTTPTypes

/// Hummingbird's HTTP/1.1 connection, with `SiteReadHandler` added after its connection
/// state handler (idle timeout, graceful shutdown): the reads are answered there, on the
/// event loop; everything else goes on to Hummingbird's request handling as before.
struct SiteChannel: ServerChildChannel {
    let http1: HTTP1Channel
    let responder: SiteResponder

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        let responder = responder
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let state = try pipeline.handler(type: HTTPConnectionStateHandler.self)
            try pipeline.addHandler(SiteReadHandler(responder: responder), position: .after(state))
            return value
        }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

/// Answers GET and HEAD requests without a body — what calendar apps and browsers send —
/// straight from the site in memory, on the connection's event loop: no task, no hop to
/// Swift concurrency and back, one flush per batch of requests read. Any other request
/// (another method, a body) goes on to Hummingbird, and so does every request after it on
/// the connection until its answer is written, so that answers keep the order of requests.
final class SiteReadHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let responder: SiteResponder
    /// A read whose head has come, answered when its end comes.
    private var reading: HTTPRequest?
    /// Requests passed on whose answers are not written yet.
    private var passedOn = 0
    private var needsFlush = false
    /// A read the channel asked for while the client was not taking the answers.
    private var readHeld = false
    private var date = (second: Int64.min, text: "")

    init(responder: SiteResponder) {
        self.responder = responder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if passedOn == 0, Self.isRead(request) {
                reading = request
                return
            }
            passedOn += 1
        case .body:
            break
        case .end:
            if let request = reading {
                reading = nil
                answer(request, context: context)
                return
            }
        }
        context.fireChannelRead(data)
    }

    /// GET or HEAD with no body.
    static func isRead(_ request: HTTPRequest) -> Bool {
        (request.method == .get || request.method == .head) && request.headerFields[.transferEncoding] == nil
            && (request.headerFields[.contentLength] ?? "0") == "0"
    }

    private func answer(_ request: HTTPRequest, context: ChannelHandlerContext) {
        var answer = responder.timedAnswer(request, channel: context.channel)
        answer.headers[.date] = httpDate()
        answer.headers[.server] = SiteServer.serverName
        context.write(
            wrapOutboundOut(.head(HTTPResponse(status: answer.status, headerFields: answer.headers))), promise: nil)
        if let body = answer.body {
            context.write(wrapOutboundOut(.body(body)), promise: nil)
        }
        if request.headerFields[.connection]?.lowercased() == "close" {
            // As Hummingbird does: the connection ends with this answer.
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
            needsFlush = false
        } else {
            context.write(wrapOutboundOut(.end(nil)), promise: nil)
            needsFlush = true
        }
    }

    /// The Date header, made once a second.
    private func httpDate() -> String {
        let now = Clock.wallSeconds
        if now != date.second { date = (now, HTTPDate.format(now)) }
        return date.text
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), passedOn > 0 { passedOn -= 1 }
        context.write(data, promise: promise)
    }

    /// Backpressure: no more requests are read while the client does not take the answers.
    func read(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            context.read()
        } else {
            readHeld = true
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, readHeld {
            readHeld = false
            context.read()
        }
        context.fireChannelWritabilityChanged()
    }
}
