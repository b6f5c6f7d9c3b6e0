import CastBotTestSupport
import DiscordSandbox
import Foundation
import HTTPConnectionGuard
import Testing

/// The sandbox's server has the bot's protections: a read deadline, a connection cap, a bounded stop.
@Suite("Sandbox server: slow clients and a bounded stop", .timeLimit(.minutes(1)))
struct SandboxConnectionLimitTests {
    @Test("a request that stops mid-body is closed once the read timeout passes")
    func stalledBodyIsClosed() async throws {
        let sandbox = DiscordSandbox(
            configuration: SandboxConfiguration(httpLimits: HTTPConnectionLimits(requestReadTimeout: .milliseconds(500))))
        let port = try #require(try await sandbox.start().port)
        defer { Task { await sandbox.stop() } }
        let connection = try await RawConnection.open(
            port: port, sending: "POST /api/v10/channels/1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n{\"co")
        let answer = await connection.receiveUntilClosed(timeout: .seconds(10))
        #expect(answer != nil, "the sandbox still held the stalled connection")
        #expect(sandbox.connections.timedOutConnections == 1)
    }

    @Test("past the cap a request gets 503 and the connection is closed")
    func capAnswers503() async throws {
        let sandbox = DiscordSandbox(
            configuration: SandboxConfiguration(httpLimits: HTTPConnectionLimits(requestReadTimeout: .seconds(20), maxConnections: 1)))
        let port = try #require(try await sandbox.start().port)
        defer { Task { await sandbox.stop() } }
        let held = try await RawConnection.open(port: port)
        defer { held.close() }
        #expect(await eventually(timeout: .seconds(5)) { sandbox.connections.openConnections == 1 })
        let refused = try await RawConnection.open(port: port)
        try await refused.send("GET /api/v10/gateway HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let refusal = try #require(await refused.receiveUntilClosed(timeout: .seconds(10)))
        #expect(refusal.hasPrefix("HTTP/1.1 503"), "\(refusal)")
    }

    @Test("stop() with a stalled request returns after the shutdown grace, not the read deadline")
    func stopIsBounded() async throws {
        let grace = Duration.milliseconds(300)
        let sandbox = DiscordSandbox(
            configuration: SandboxConfiguration(
                httpLimits: HTTPConnectionLimits(requestReadTimeout: .seconds(120)), shutdownGrace: grace))
        let port = try #require(try await sandbox.start().port)
        let stalled = try await RawConnection.open(port: port)
        defer { stalled.close() }
        try await stalled.send("POST /api/v10/channels/1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n{\"co")
        let clock = ContinuousClock()
        let started = clock.now
        await sandbox.stop()
        let took = started.duration(to: clock.now)
        // Without the grace only the 120 s read deadline would end it. The margin is wide because
        // this runs beside the whole suite on two cores (1.6 s was seen there); the bot's own
        // acceptance bound is checked in BoundedShutdownTests.
        #expect(took < grace + .seconds(10), "stop took \(took)")
    }
}
