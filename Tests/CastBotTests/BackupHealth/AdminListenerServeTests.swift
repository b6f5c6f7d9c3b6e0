@testable import CastBot
import AsyncHTTPClient
import CastBotTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Prometheus
import Synchronization
import Testing

/// `castbot serve` (ServeRuntime) with `CASTBOT_ADMIN_ADDRESS` set: two listeners, `/status` only
/// on the admin one, and a taken admin port named in the error.
@Suite("castbot serve with the admin listener", .timeLimit(.minutes(1)))
struct AdminListenerServeTests {
    static func configuration(folder: TemporaryDirectory, admin: AdminAddress) throws -> CastBotConfiguration {
        CastBotConfiguration(
            publicKey: try DiscordPublicKey(hex: DiscordSigner().publicKeyHex),
            // Nothing here talks to Discord; a closed loopback port keeps it that way.
            apiBaseURL: "http://127.0.0.1:9", dataDirectory: folder.path, httpHost: "127.0.0.1", httpPort: 0, adminAddress: admin)
    }

    static func get(_ url: String) async throws -> (status: UInt, body: String) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        return (response.status.code, String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    /// Runs `castbot serve`'s runtime with `configuration` until `body` returns; `body` gets the
    /// bound admin and interactions ports.
    static func serving(
        _ configuration: CastBotConfiguration, _ body: (_ admin: Int, _ interactions: Int) async throws -> Void
    ) async throws {
        let ports = AsyncStream<(admin: Bool, port: Int)>.makeStream()
        let runtime = ServeRuntime(
            configuration: configuration, registry: PrometheusCollectorRegistry(),
            logger: .quiet("castbot.admin"), gracefulShutdownSignals: [],
            onServerRunning: { ports.continuation.yield((false, $0)) },
            onAdminServerRunning: { ports.continuation.yield((true, $0)) })
        let serving = Task {
            defer { ports.continuation.finish() }
            try await runtime.run()
        }
        defer { serving.cancel() }
        var bound: [Bool: Int] = [:]
        for await (isAdmin, port) in ports.stream {
            bound[isAdmin] = port
            if bound.count == 2 { break }
        }
        let admin = try requireValue(bound[true], "the admin listener did not start")
        let interactions = try requireValue(bound[false], "the interactions listener did not start")
        #expect(admin != interactions)
        try await body(admin, interactions)
        serving.cancel()
        _ = try? await serving.value
    }

    /// The answer to `GET path` sent with `Host: host`, as raw text.
    static func get(_ path: String, port: Int, host: String) async throws -> String {
        let connection = try await RawConnection.open(
            port: port, sending: "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
        return await connection.receiveUntilClosed(timeout: .seconds(30)) ?? ""
    }

    @Test("serve answers /status on the admin port only; /metrics carries the backup gauges")
    func statusOnAdminPortOnly() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try await Self.serving(try Self.configuration(folder: folder, admin: AdminAddress(port: 0))) { admin, interactions in
            let status = try await Self.get("http://127.0.0.1:\(admin)/status")
            #expect(status.status == 200)
            #expect(status.body.contains("0 schedules") && status.body.contains("No schedules."), "\(status.body)")
            #expect(try await Self.get("http://127.0.0.1:\(interactions)/status").status == 404)
            #expect(try await Self.get("http://127.0.0.1:\(admin)/metrics").status == 404)
            let metrics = try await Self.get("http://127.0.0.1:\(interactions)/metrics")
            #expect(metrics.body.contains(#"castbot_backup_schedules_overdue{kind="server"} 0"#))
        }
    }

    @Test("with CASTBOT_METRICS_ON_ADMIN=true, /metrics is served on the admin listener and no longer on the interactions one")
    func metricsOnAdminOnly() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var configuration = try Self.configuration(folder: folder, admin: AdminAddress(port: 0))
        configuration.metricsOnAdmin = true
        try await Self.serving(configuration) { admin, interactions in
            let metrics = try await Self.get("http://127.0.0.1:\(admin)/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.body.contains(#"castbot_backup_schedules_overdue{kind="server"} 0"#))
            #expect(try await Self.get("http://127.0.0.1:\(interactions)/metrics").status == 404)
        }
    }

    @Test("without a token, a request naming a host that is not loopback gets 421 (DNS rebinding); loopback names are served")
    func rebindingRefused() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try await Self.serving(try Self.configuration(folder: folder, admin: AdminAddress(port: 0))) { admin, _ in
            for host in ["evil.example:\(admin)", "127.evil.example", "10.0.0.8:\(admin)"] {
                let answer = try await Self.get("/status", port: admin, host: host)
                #expect(answer.hasPrefix("HTTP/1.1 421"), "Host: \(host) got \(answer.prefix(80))")
                #expect(!answer.contains("schedules"))
            }
            for host in ["localhost:\(admin)", "127.0.0.1:\(admin)", "[::1]:\(admin)", "LOCALHOST"] {
                let answer = try await Self.get("/status", port: admin, host: host)
                #expect(answer.hasPrefix("HTTP/1.1 200"), "Host: \(host) got \(answer.prefix(80))")
            }
        }
    }

    @Test("a taken admin port stops serve with the address and the setting that moves it")
    func takenAdminPort() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // Take a port with a listener of our own: a first serve's admin listener.
        let first = AsyncStream<Int>.makeStream()
        let holder = ServeRuntime(
            configuration: try Self.configuration(folder: folder, admin: AdminAddress(port: 0)), registry: PrometheusCollectorRegistry(),
            logger: .quiet("castbot.admin"), gracefulShutdownSignals: [], onAdminServerRunning: { first.continuation.yield($0) })
        let holding = Task {
            defer { first.continuation.finish() }
            try await holder.run()
        }
        defer { holding.cancel() }
        var ports = first.stream.makeAsyncIterator()
        let taken = try requireValue(await ports.next(), "the first admin listener did not start")

        let other = try TemporaryDirectory()
        defer { other.remove() }
        let runtime = ServeRuntime(
            configuration: try Self.configuration(folder: other, admin: AdminAddress(port: taken)), registry: PrometheusCollectorRegistry(),
            logger: .quiet("castbot.admin"), gracefulShutdownSignals: [])
        let failure = await #expect(throws: ServeError.self) { try await runtime.run() }
        let text = failure?.description ?? ""
        #expect(text.contains("127.0.0.1:\(taken)") && text.contains("CASTBOT_ADMIN_ADDRESS"), "\(text)")
        holding.cancel()
        _ = try? await holding.value
    }
}
