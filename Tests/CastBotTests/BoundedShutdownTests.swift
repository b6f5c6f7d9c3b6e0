@testable import CastBot
import Foundation
import HTTPConnectionGuard
import PlayerData
import Logging
import Prometheus
import Synchronization
import Testing
import UnixSignals
import CastBotTestSupport

/// `serve` given its shutdown signal while clients hold requests open that will never complete.
@Suite("Graceful shutdown is bounded", .timeLimit(.minutes(1)))
struct BoundedShutdownTests {
    @Test("a shutdown signal with stalled connections ends serve at the grace, not the read deadline; state saved")
    func stalledConnectionsDoNotHoldShutdown() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let signer = DiscordSigner()
        let grace = Duration.milliseconds(500)
        let configuration = CastBotConfiguration(
            publicKey: try DiscordPublicKey(hex: signer.publicKeyHex),
            // Nothing here talks to Discord; a closed loopback port keeps it that way.
            apiBaseURL: "http://127.0.0.1:9",
            dataDirectory: folder.path,
            httpHost: "127.0.0.1",
            httpPort: 0,
            // Longer than the test: only the grace can end these connections.
            httpLimits: HTTPConnectionLimits(requestReadTimeout: .seconds(120)),
            shutdownGrace: grace
        )
        let boundPort = Mutex(0)
        let listening = Gate()
        // SIGUSR2 stands in for SIGTERM: the same path, and no other test in the process listens to it.
        let runtime = ServeRuntime(
            configuration: configuration, registry: PrometheusCollectorRegistry(), logger: .quiet("castbot.shutdown"),
            gracefulShutdownSignals: [.sigusr2]
        ) { port in
            boundPort.withLock { $0 = port }
            listening.open()
        }
        let serving = Task { try await runtime.run() }
        await listening.wait()
        let port = boundPort.withLock { $0 }

        var stalled: [RawConnection] = []
        for _ in 0..<5 {
            let connection = try await RawConnection.open(port: port)
            try await connection.send(RawConnection.interactionHead(contentLength: 100_000) + "{\"typ")
            stalled.append(connection)
        }
        defer { for connection in stalled { connection.close() } }

        let clock = ContinuousClock()
        let signalled = clock.now
        kill(getpid(), UnixSignal.sigusr2.rawValue)
        try await serving.value
        let shutdownTook = signalled.duration(to: clock.now)
        // The bound that matters is the grace, not the 120 s read deadline: well under the latter
        // even on a loaded machine (the precise time is measured by `castbot-bench slow-clients`).
        #expect(shutdownTook < .seconds(30), "shutdown took \(shutdownTook)")

        // Saved and released: the folder can be taken again and its state database opens.
        let lock = try ServeRuntime.lockDataFolder(configuration)
        lock.release()
        #expect(folder.exists(SQLiteStateStorage.defaultFileName))
        _ = try await ServiceStateStore.open(directory: folder.path, logger: .quiet("castbot.shutdown"))
    }
}
