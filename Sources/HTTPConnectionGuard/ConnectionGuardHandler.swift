import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Sits in each connection's pipeline just after HTTP decoding. It
/// - counts the connection and, when it is over `maxConnections`, answers its request 503
///   (`Connection: close`, `Retry-After: 1`) and closes it, without passing anything on;
/// - closes the connection when a request head (counted from the opening) or a request body
///   (counted from its head) has not fully arrived within `requestReadTimeout`. A total deadline
///   rather than an inactivity timer, so a client trickling one byte a second is cut off too.
///
/// Between keep-alive requests Hummingbird's own idle timeout applies.
final class ConnectionGuardHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private enum Admission {
        case pending
        case served
        /// Over the cap: the next request head gets the 503; nothing is passed on.
        case turnedAway
    }

    private let limits: HTTPConnectionLimits
    private let gauge: HTTPConnectionGauge
    private var admission = Admission.pending
    private var readDeadline: Scheduled<Void>?

    init(limits: HTTPConnectionLimits, gauge: HTTPConnectionGauge) {
        self.limits = limits
        self.gauge = gauge
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        release()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if case .turnedAway = admission {
            if case .head = part { answerUnavailable(context: context) }
            return
        }
        switch part {
        case .head: armReadDeadline(context: context)
        case .body: break
        case .end: cancelReadDeadline()
        }
        context.fireChannelRead(data)
    }

    private func admit(context: ChannelHandlerContext) {
        guard case .pending = admission else { return }
        let open = gauge.connectionOpened()
        admission = open > limits.maxConnections ? .turnedAway : .served
        armReadDeadline(context: context)
    }

    /// Runs once per connection, whichever of `channelInactive` and `handlerRemoved` comes first.
    private func release() {
        cancelReadDeadline()
        switch admission {
        case .pending: return
        case .served, .turnedAway: gauge.connectionClosed()
        }
        admission = .pending
    }

    private func armReadDeadline(context: ChannelHandlerContext) {
        cancelReadDeadline()
        let gauge = gauge
        readDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(limits.requestReadTimeout)) {
            gauge.recordTimedOut()
            context.close(promise: nil)
        }
    }

    private func cancelReadDeadline() {
        readDeadline?.cancel()
        readDeadline = nil
    }

    private func answerUnavailable(context: ChannelHandlerContext) {
        cancelReadDeadline()
        gauge.recordRejected()
        let body = ByteBuffer(string: #"{"error":"the server is at its connection limit; retry shortly"}"#)
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        fields[.retryAfter] = "1"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .serviceUnavailable, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
