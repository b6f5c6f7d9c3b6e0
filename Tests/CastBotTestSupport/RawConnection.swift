public import HTTPTypes
import NIOCore
import NIOPosix
import Synchronization

/// A plain TCP connection to a loopback server, for clients no HTTP library would be: one that
/// stops mid-body, one that never sends. Reads everything until the server closes.
public struct RawConnection: Sendable {
    private let channel: any Channel
    private let received: ReceivedBytes

    /// Connects and sends `opening` at once, from the connection's event loop: a test that
    /// sent it after resuming could be late for a server deadline on a loaded machine.
    public static func open(port: Int, sending opening: String = "") async throws -> RawConnection {
        let received = ReceivedBytes()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Collector(received: received))
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .flatMap { channel in
                opening.isEmpty ? channel.eventLoop.makeSucceededFuture(channel)
                    : channel.writeAndFlush(ByteBuffer(string: opening)).map { channel }
            }
            .get()
        return RawConnection(channel: channel, received: received)
    }

    public func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    public func send(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
    }

    /// What the server sent until it closed the connection, or nil if it was still open after
    /// `timeout` (the connection is then closed by us).
    public func receiveUntilClosed(timeout: Duration) async -> String? {
        let channel = channel
        let closedInTime = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                try? await channel.closeFuture.get()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            channel.close(promise: nil)
            group.cancelAll()
            return first
        }
        return closedInTime ? received.text : nil
    }

    public func close() {
        channel.close(promise: nil)
    }

    /// A request head for `POST /interactions` announcing `contentLength` bytes of body.
    public static func interactionHead(contentLength: Int, headers: HTTPFields = [:]) -> String {
        var head = "POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(contentLength)\r\n"
        for field in headers where field.name != .contentLength { head += "\(field.name.rawName): \(field.value)\r\n" }
        return head + "\r\n"
    }
}

/// Everything a `RawConnection` has received, appended on its event loop.
private final class ReceivedBytes: Sendable {
    private let bytes = Mutex<[UInt8]>([])

    func append(_ buffer: ByteBuffer) { bytes.withLock { $0 += buffer.readableBytesView } }
    var text: String { bytes.withLock { String(decoding: $0, as: UTF8.self) } }
}

private final class Collector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let received: ReceivedBytes

    init(received: ReceivedBytes) {
        self.received = received
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received.append(unwrapInboundIn(data))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)  // a reset counts as closed
    }
}
