import NIOCore
import NIOPosix
import Synchronization

/// Many TCP connections to a loopback server that behave like slow or idle clients, each
/// trickling one byte per `trickleInterval` until the server closes it or `closeAll()`:
/// - slow head: a request head that never ends;
/// - slow body: a complete head announcing 100,000 bytes, then a few bytes of body;
/// - idle keep-alive: one complete `GET /healthz`, then nothing.
final class SlowClientSwarm: Sendable {
    enum Kind: CaseIterable, Sendable {
        case slowHead, slowBody, idleKeepAlive

        /// What is sent at once on connecting.
        var opening: String {
            switch self {
            case .slowHead: "POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            case .slowBody: "POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"ty"
            case .idleKeepAlive: "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            }
        }

        /// One byte that keeps the request unfinished (and valid) without completing it.
        var trickle: String? {
            switch self {
            case .slowHead: "X"  // a header name that never gets its colon
            case .slowBody: " "
            case .idleKeepAlive: nil
            }
        }
    }

    private let group: MultiThreadedEventLoopGroup
    private let channels = Mutex<[any Channel]>([])
    private let failures = Atomic<Int>(0)
    private let closedByServer = Atomic<Int>(0)
    private let closing = Atomic<Bool>(false)

    init(threads: Int = 1) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
    }

    var connected: Int { channels.withLock { $0.count } }
    var connectFailures: Int { failures.load(ordering: .relaxed) }
    /// Connections the server closed (read or idle timeout, 503, shutdown) before `closeAll()`.
    var closedByTheServer: Int { closedByServer.load(ordering: .relaxed) }

    /// Opens `count` connections, `concurrency` connect attempts at a time, kinds in turn.
    /// A connection not established within `connectTimeout` counts as a failure.
    func open(count: Int, port: Int, concurrency: Int, connectTimeout: TimeAmount, trickleInterval: TimeAmount) async {
        await withTaskGroup(of: Void.self) { tasks in
            for index in 0..<count {
                if index >= concurrency { await tasks.next() }
                let kind = Kind.allCases[index % Kind.allCases.count]
                tasks.addTask { [self] in
                    await openOne(kind: kind, port: port, connectTimeout: connectTimeout, trickleInterval: trickleInterval)
                }
            }
        }
    }

    private func openOne(kind: Kind, port: Int, connectTimeout: TimeAmount, trickleInterval: TimeAmount) async {
        do {
            let channel = try await ClientBootstrap(group: group)
                .connectTimeout(connectTimeout)
                .connect(host: "127.0.0.1", port: port)
                .get()
            channels.withLock { $0.append(channel) }
            channel.closeFuture.whenComplete { [self] _ in
                if !closing.load(ordering: .relaxed) { closedByServer.wrappingAdd(1, ordering: .relaxed) }
            }
            try await channel.writeAndFlush(ByteBuffer(string: kind.opening))
            if let trickle = kind.trickle {
                // Stops by itself: writes fail once the channel is closed, and the task is cancelled then.
                let task = channel.eventLoop.scheduleRepeatedTask(initialDelay: trickleInterval, delay: trickleInterval) { task in
                    guard channel.isActive else {
                        task.cancel()
                        return
                    }
                    channel.writeAndFlush(ByteBuffer(string: trickle), promise: nil)
                }
                channel.closeFuture.whenComplete { _ in task.cancel() }
            }
        } catch {
            failures.wrappingAdd(1, ordering: .relaxed)
        }
    }

    /// Closes every connection still open and stops the swarm's event loop.
    func closeAll() async {
        closing.store(true, ordering: .relaxed)
        let all = channels.withLock { $0 }
        for channel in all { try? await channel.close() }
        try? await group.shutdownGracefully()
    }
}
