internal import AlmanacModel
import Foundation
internal import HTTPTypes
internal import HummingbirdCore
internal import Logging
internal import NIOCore
internal import NIOHTTP1
internal import NIOHTTPTypes
internal import NIOHTTPTypesHTTP1
import Synchronization

/// Hummingbird's HTTP/1.1 connection, set up with the handlers of its `HTTP1Channel` (NIO's
/// response encoder and request decoder, the swift-http-types codec, Hummingbird's
/// connection state handler for the idle timeout and graceful shutdown), then
/// `SiteReadHandler`: the reads are answered there, on the event loop, as bytes written below
/// the encoder; everything else goes on to Hummingbird's request handling as before.
///
/// One difference from `HTTP1Channel.setup`: the decoder is not paired with the encoder.
/// A paired decoder queues each request's method for the encoder, which takes one off the
/// queue per response head it writes; the reads' heads never pass through the encoder, so
/// the queue would grow and fall out of step. Answers to HEAD carry no body either way
/// (`SiteResponder.answer`).
struct SiteChannel: ServerChildChannel {
    let http1: HTTP1Channel
    let responder: SiteResponder

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<SiteConnection> {
        let responder = responder
        let configuration = http1.configuration
        return channel.eventLoop.makeCompletedFuture {
            var limits = NIOHTTPDecoderLimitConfiguration()
            limits.maxHeaderFieldSize = configuration.httpDecoder.maxHeaderFieldSize
            limits.maxHeaderListSize = configuration.httpDecoder.maxHeaderListSize
            limits.maxHeaderFieldCount = configuration.httpDecoder.maxHeaderFieldCount
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(HTTPResponseEncoder(configuration: .init()))
            let encoder = try pipeline.context(handlerType: HTTPResponseEncoder.self)
            try pipeline.addHandler(
                ByteToMessageHandler(
                    HTTPRequestDecoder(
                        leftOverBytesStrategy: .dropBytes, informationalResponseStrategy: .drop,
                        limitConfiguration: limits)))
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandlers(configuration.additionalChannelHandlers())
            try pipeline.addHandler(
                HTTPConnectionStateHandler(idleTimeout: configuration.idleTimeout.map { .init($0) }, logger: logger))
            try pipeline.addHandler(SiteReadHandler(responder: responder, below: encoder))
            return SiteConnection(
                try NIOAsyncChannel(
                    wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true)))
        }
    }

    func handle(value: SiteConnection, logger: Logger) async {
        value.markHandled()
        await http1.handle(value: value.asyncChannel, logger: logger)
    }
}

/// A connection as Hummingbird's accept loop receives it. Its reads may all be answered on
/// the event loop before the loop takes it up; when the server stops at that moment (its task
/// cancelled), the loop drops it unhandled, and a dropped `NIOAsyncChannel` whose writer was
/// never finished stops the process. Dropped unhandled, this finishes and closes it instead.
final class SiteConnection: ServerChildChannelValue {
    let asyncChannel: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>
    private let handled = Mutex(false)

    var channel: any Channel { asyncChannel.channel }

    init(_ asyncChannel: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>) {
        self.asyncChannel = asyncChannel
    }

    func markHandled() { handled.withLock { $0 = true } }

    deinit {
        guard !handled.withLock({ $0 }) else { return }
        let asyncChannel = asyncChannel
        Task { try? await asyncChannel.executeThenClose { _, outbound in outbound.finish() } }
    }
}

/// Answers GET and HEAD requests without a body — what calendar apps and browsers send —
/// straight from the site in memory, on the connection's event loop: no task, no hop to
/// Swift concurrency and back, one flush per batch of requests read. The answer's bytes
/// (its head made when the file was loaded) are written below the HTTP codecs; only its
/// end passes through them, so that Hummingbird's connection state counts the request
/// (idle timeout, graceful shutdown) as it counts its own. Every answer of the site has a
/// Content-Length, so the encoder never frames a body in chunks there. Any other request
/// (another method, a body) goes on to Hummingbird, and so does every request after it on
/// the connection until its answer is written, so that answers keep the order of requests.
final class SiteReadHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let responder: SiteResponder
    /// NIO's response encoder: bytes written from its context go straight to the socket.
    private let encoder: ChannelHandlerContext
    /// A read whose head has come, answered when its end comes.
    private var reading: SiteRequest?
    /// Requests passed on whose answers are not written yet.
    private var passedOn = 0
    private var needsFlush = false
    /// A read the channel asked for while the client was not taking the answers.
    private var readHeld = false
    private var date = (second: Int64.min, text: "")

    init(responder: SiteResponder, below encoder: ChannelHandlerContext) {
        self.responder = responder
        self.encoder = encoder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let request = SiteRequest(head)
            if passedOn == 0, request.isRead {
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

    private func answer(_ request: SiteRequest, context: ChannelHandlerContext) {
        let answer = responder.timedAnswer(request, channel: context.channel)
        var head = context.channel.allocator.buffer(capacity: answer.head.bytes.readableBytes + 64)
        head.writeImmutableBuffer(answer.head.bytes)
        head.writeStaticString("Date: ")
        head.writeString(httpDate())
        head.writeStaticString("\r\nServer: ")
        head.writeString(SiteServer.serverName)
        head.writeStaticString("\r\n\r\n")
        encoder.write(NIOAny(IOData.byteBuffer(head)), promise: nil)
        if let body = answer.body {
            encoder.write(NIOAny(IOData.byteBuffer(body)), promise: nil)
        }
        if request.closesConnection {
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
