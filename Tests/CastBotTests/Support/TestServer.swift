import CastBotTestSupport
@testable import CastBot
import Clocks
import HTTPConnectionGuard
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Logging
import NIOCore
import Prometheus

/// A CastBot application on loopback with a test signing key, virtual clock and private
/// Prometheus registry; `run` starts it, runs the test against it and shuts it down gracefully.
struct TestServer {
    let signer = DiscordSigner()
    let clock = TestClock()
    let registry = PrometheusCollectorRegistry()
    var logger = Logger.quiet("castbot.test")

    /// The live test client connects as the server starts, before the test's first request; on a
    /// loaded machine more than the production read deadline (5 s from connecting) can pass in
    /// between, and the server would close the connection under the test. The tests of that
    /// deadline set their own limits (`ConnectionLimitTests`).
    var configuration: CastBotConfiguration {
        get throws {
            CastBotConfiguration(
                publicKey: try DiscordPublicKey(hex: signer.publicKeyHex), httpHost: "127.0.0.1", httpPort: 0,
                // Real-time deadlines longer than any test: on a loaded machine the 5 s default closed a
                // test client's connection before its request went out. The limits' own tests set theirs.
                httpLimits: HTTPConnectionLimits(requestReadTimeout: .seconds(120), idleTimeout: .seconds(120)))
        }
    }

    func dependencies(handler: any InteractionHandler) -> ApplicationDependencies {
        ApplicationDependencies(
            interactionHandler: handler,
            prometheusRegistry: registry,
            metrics: CastBotMetrics(factory: ProcessBootstrap.makeMetricsFactory(registry: registry)),
            logger: logger,
            clock: clock,
            now: { TestTime.now }
        )
    }

    func run<Value>(
        handler: any InteractionHandler,
        adjusting adjust: (inout ApplicationDependencies) -> Void = { _ in },
        _ test: @Sendable (TestServerClient) async throws -> Value
    ) async throws -> Value {
        var dependencies = dependencies(handler: handler)
        adjust(&dependencies)
        let application = try buildApplication(configuration: try configuration, dependencies: dependencies)
        return try await application.test(.live) { client in
            try await test(TestServerClient(client: client, signer: signer))
        }
    }
}

/// Sends interactions signed (or mis-signed) like Discord's.
struct TestServerClient: Sendable {
    let client: any TestClientProtocol
    let signer: DiscordSigner

    func postInteraction(_ body: [UInt8]) async throws -> TestResponse {
        try await post(body, headers: signer.headers(for: body))
    }

    func post(_ body: [UInt8], headers: HTTPFields) async throws -> TestResponse {
        try await client.executeRequest(uri: "/interactions", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    func get(_ path: String) async throws -> TestResponse {
        try await client.executeRequest(uri: path, method: .get, headers: [:], body: nil)
    }
}
