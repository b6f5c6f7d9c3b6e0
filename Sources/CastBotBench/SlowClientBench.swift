import AsyncHTTPClient
import CastBot
import DiscordSandbox
import Foundation
import HTTPConnectionGuard
import Logging
import NIOCore
import NIOPosix

/// Slow clients against the real interactions server on loopback, in this process: opens up to
/// `connections` slow-head, slow-body and idle keep-alive connections, sends signed PINGs
/// throughout, then shuts the server down gracefully with the slow connections still open.
/// Bounded: at most `connections` connections, `hold` of real time, then everything closes.
package struct SlowClientBench: Sendable {
    package struct Options: Sendable {
        package var connections: Int
        package var hold: Duration
        package var limits: HTTPConnectionLimits
        package var shutdownGrace: Duration
        package var pingInterval: Duration = .milliseconds(20)
        package var trickleInterval: Duration = .seconds(1)

        package init(connections: Int, hold: Duration, limits: HTTPConnectionLimits, shutdownGrace: Duration) {
            self.connections = connections
            self.hold = hold
            self.limits = limits
            self.shutdownGrace = shutdownGrace
        }
    }

    package struct Report: Sendable, CustomStringConvertible {
        package var attempted = 0
        package var connected = 0
        package var connectFailures = 0
        package var closedByServer = 0
        package var peakServerConnections = 0
        package var descriptorsBefore = 0
        package var peakDescriptors = 0
        package var turnedAway = 0
        package var timedOut = 0
        package var pings = PingResults()
        package var shutdown: Duration = .zero

        package var description: String {
            """
            slow connections attempted \(attempted): connected \(connected), connect failures \(connectFailures), \
            closed by the server before shutdown \(closedByServer)
            server: peak open connections \(peakServerConnections), turned away with 503 \(turnedAway), closed by read timeout \(timedOut)
            descriptors (this process: server and clients): \(descriptorsBefore) before, peak \(peakDescriptors)
            PING while under it: \(pings)
            graceful shutdown with the slow connections open: \(LatencySummary.milliseconds(shutdown))
            """
        }
    }

    package let options: Options

    package init(options: Options) {
        self.options = options
    }

    package func run(log: @Sendable (String) -> Void) async throws -> Report {
        let signer = DiscordSandbox()
        var configuration = CastBotConfiguration(publicKey: try DiscordPublicKey(hex: signer.publicKeyHex))
        configuration.httpLimits = options.limits
        configuration.shutdownGrace = options.shutdownGrace
        let server = try await LoopbackInteractionServer.start(handler: AnswerEverything(), configuration: configuration)
        var report = Report()
        report.attempted = options.connections
        report.descriptorsBefore = Self.openDescriptors()

        let probe = try PingProbe(url: server.interactionsURL, signer: signer)
        let swarm = SlowClientSwarm()
        // Discord's kept-alive connection: opened before the swarm, as it would be in production.
        _ = await probe.pingOnce()
        let pinging = Task { await probe.run(every: options.pingInterval) }
        let sampler = Task {
            var peaks = (connections: 0, descriptors: 0)
            while !Task.isCancelled {
                peaks.connections = max(peaks.connections, server.connections.openConnections)
                peaks.descriptors = max(peaks.descriptors, Self.openDescriptors())
                try? await Task.sleep(for: .milliseconds(100))
            }
            return peaks
        }

        log("opening \(options.connections) slow connections…")
        let clock = ContinuousClock()
        let holdEnds = clock.now.advanced(by: options.hold)
        await swarm.open(
            count: options.connections, port: server.origin.port ?? 0, concurrency: 1_000,
            connectTimeout: .seconds(2), trickleInterval: TimeAmount(options.trickleInterval))
        log("\(swarm.connected) connected; holding until \(options.hold) have passed…")
        try? await clock.sleep(until: holdEnds)
        pinging.cancel()
        report.pings = await pinging.value
        sampler.cancel()
        let peaks = await sampler.value
        report.peakServerConnections = peaks.connections
        report.peakDescriptors = peaks.descriptors
        report.connected = swarm.connected
        report.connectFailures = swarm.connectFailures
        report.closedByServer = swarm.closedByTheServer

        log("shutting the server down with \(server.connections.openConnections) connections open…")
        let shutdownStarted = clock.now
        try await server.stop()
        report.shutdown = shutdownStarted.duration(to: clock.now)
        report.turnedAway = server.connections.rejectedConnections
        report.timedOut = server.connections.timedOutConnections
        await swarm.closeAll()
        try await probe.shutdown()
        return report
    }

    /// Entries in /proc/self/fd (0 where there is no /proc).
    static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }
}

/// PINGs never reach the handler; anything else is answered with a plain message.
private struct AnswerEverything: InteractionHandler {
    func handle(_ body: [UInt8], context: InteractionContext) async -> InteractionReply {
        .message("ok")
    }
}
