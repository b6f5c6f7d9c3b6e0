@testable import CastBot
import Foundation
import HTTPConnectionGuard
import HTTPTypes
import Logging
import Prometheus
import ServiceLifecycle
import Synchronization
import Testing
import UnixSignals
import CastBotTestSupport

/// The interactions endpoint facing clients that are slow, stalled or too many. Timeouts are set
/// to fractions of a second so the tests wait only that long.
@Suite("Interactions endpoint: slow clients and connection limits", .timeLimit(.minutes(1)))
struct ConnectionLimitTests {
    @Test("a connection that stops sending mid-body is closed once the read timeout passes")
    func stalledBodyIsClosed() async throws {
        let limits = HTTPConnectionLimits(requestReadTimeout: .milliseconds(500))
        try await Self.withServer(limits: limits) { port, gauge in
            let connection = try await RawConnection.open(
                port: port, sending: RawConnection.interactionHead(contentLength: 100_000) + "{\"ty")
            // Bounded well above the timeout; nil would mean the server kept the connection.
            let answer = await connection.receiveUntilClosed(timeout: .seconds(10))
            #expect(answer != nil, "the server still held the stalled connection")
            #expect(gauge.timedOutConnections == 1)
            #expect(await eventually(timeout: .seconds(5)) { gauge.openConnections == 0 })
        }
    }

    @Test("a kept-alive connection with no request in progress is closed once the idle timeout passes")
    func idleKeepAliveIsClosed() async throws {
        let limits = HTTPConnectionLimits(requestReadTimeout: .seconds(20), idleTimeout: .milliseconds(500))
        try await Self.withServer(limits: limits) { port, gauge in
            let connection = try await RawConnection.open(port: port, sending: "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let answer = try #require(await connection.receiveUntilClosed(timeout: .seconds(10)), "the idle connection was kept")
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
            #expect(gauge.timedOutConnections == 0, "closed as idle, not as a slow request")
        }
    }

    @Test("past the connection cap a request gets 503 at once, and PING works again once capacity frees")
    func capAnswers503ThenRecovers() async throws {
        let limits = HTTPConnectionLimits(requestReadTimeout: .seconds(20), maxConnections: 2)
        let server = TestServer()
        let signer = server.signer
        try await Self.withServer(limits: limits, server: server) { port, gauge in
            let held = [try await RawConnection.open(port: port), try await RawConnection.open(port: port)]
            #expect(await eventually(timeout: .seconds(5)) { gauge.openConnections == 2 })

            let ping = InteractionPayloads.ping()
            var headers = try signer.headers(for: ping)
            headers[.connection] = "close"
            let pingRequest = RawConnection.interactionHead(contentLength: ping.count, headers: headers)
            let refused = try await RawConnection.open(port: port)
            try await refused.send(Array(pingRequest.utf8) + ping)
            let refusal = try #require(await refused.receiveUntilClosed(timeout: .seconds(10)))
            #expect(refusal.hasPrefix("HTTP/1.1 503"), "\(refusal)")
            #expect(refusal.lowercased().contains("retry-after: 1"), "\(refusal)")
            #expect(gauge.rejectedConnections == 1)

            for connection in held { connection.close() }
            #expect(await eventually(timeout: .seconds(5)) { gauge.openConnections == 0 })
            let accepted = try await RawConnection.open(port: port)
            try await accepted.send(Array(pingRequest.utf8) + ping)
            let answer = try #require(await accepted.receiveUntilClosed(timeout: .seconds(10)))
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
            #expect(answer.contains(#""type":1"#), "\(answer)")
        }
    }

    /// Runs the application in the service group `serve` uses, with `limits`, until `body` ends.
    static func withServer(
        limits: HTTPConnectionLimits,
        server: TestServer = TestServer(),
        _ body: @Sendable (_ port: Int, _ gauge: HTTPConnectionGauge) async throws -> Void
    ) async throws {
        var configuration = try server.configuration
        configuration.httpLimits = limits
        let gauge = HTTPConnectionGauge()
        let listening = Gate()
        let boundPort = Mutex(0)
        var dependencies = server.dependencies(handler: RecordingInteractionHandler())
        dependencies.connectionGauge = gauge
        dependencies.onServerRunning = { port in
            boundPort.withLock { $0 = port }
            listening.open()
        }
        let application = try buildApplication(configuration: configuration, dependencies: dependencies)
        let group = CastBotServices.serviceGroup(
            application: application, alongside: [], gracefulShutdownSignals: [], grace: .seconds(2), logger: server.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            await listening.wait()
            do {
                try await body(boundPort.withLock { $0 }, gauge)
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
