import AsyncHTTPClient
import Crypto
import Foundation
import HTTPConnectionGuard
import Hummingbird
import Logging
import ServiceLifecycle

/// A local stand-in for Discord's HTTP API and for Discord's calls to a bot's interactions
/// endpoint. Start it on loopback, point a Discord client at its base URL, set up the world
/// (guilds, channels, permissions), script faults and rate limits, then inspect what arrived.
///
/// Use `start(host:port:)` / `stop()`, or add it to a `ServiceGroup` (it is a `Service`
/// listening on `configuration.host`/`port`) and `waitUntilRunning()` for its URL.
package final class DiscordSandbox: Service, Sendable {
    package let configuration: SandboxConfiguration
    let state: SandboxState
    let clock: SandboxClock
    let logger: Logger
    let hangGate = HangGate()
    /// The server's connections: open, turned away at the cap, closed for slowness.
    package let connections = HTTPConnectionGauge()
    let lifecycle = ServerLifecycle()
    let signer: InteractionSigner
    let httpClient: HTTPClient

    /// - Parameters:
    ///   - clock: drives rate-limit windows, fault delays and token lifetimes; tests pass a test clock.
    ///   - signingKey: the key interactions are signed with; a fresh one by default.
    ///   - httpClient: used to deliver interactions to the bot.
    package init<C: Clock>(
        configuration: SandboxConfiguration = SandboxConfiguration(),
        clock: C,
        signingKey: Curve25519.Signing.PrivateKey = Curve25519.Signing.PrivateKey(),
        httpClient: HTTPClient = .sandboxInteractions,
        logger: Logger = Logger(label: "castbot.sandbox")
    ) where C.Duration == Duration {
        let sandboxClock = SandboxClock(clock)
        self.configuration = configuration
        self.clock = sandboxClock
        self.state = SandboxState(configuration: configuration, clock: sandboxClock)
        self.logger = logger
        self.signer = InteractionSigner(privateKey: signingKey)
        self.httpClient = httpClient
    }

    /// A sandbox on the real `ContinuousClock`.
    package convenience init(
        configuration: SandboxConfiguration = SandboxConfiguration(),
        signingKey: Curve25519.Signing.PrivateKey = Curve25519.Signing.PrivateKey(),
        httpClient: HTTPClient = .sandboxInteractions,
        logger: Logger = Logger(label: "castbot.sandbox")
    ) {
        self.init(
            configuration: configuration, clock: ContinuousClock(), signingKey: signingKey, httpClient: httpClient,
            logger: logger)
    }

    /// The Ed25519 public key for `DISCORD_PUBLIC_KEY`: 64 hex digits.
    package var publicKeyHex: String { signer.publicKeyHex }

    /// `http://host:port/api/v10` while listening, else nil.
    package var baseURL: URL? { lifecycle.baseURL }

    /// `http://host:port`, for URLs the sandbox hands out when no request names its host.
    var origin: String { lifecycle.origin ?? "http://\(configuration.host):\(configuration.port)" }

    /// Listens on `host:port` (port 0 picks a free port) and returns the base URL, `/api/v10` included.
    package func start(host: String = "127.0.0.1", port: Int = 0) async throws -> URL {
        try lifecycle.beginRun()
        let listener = Listener(sandbox: self, host: host, port: port)
        var groupConfiguration = ServiceGroupConfiguration(services: [listener], logger: logger)
        // Requests that never finish (a stalled client) must not keep `stop()` waiting.
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownGrace
        let group = ServiceGroup(configuration: groupConfiguration)
        let task = Task { try await group.run() }
        lifecycle.own(group: group, task: task)
        do {
            return try await lifecycle.waitUntilRunning()
        } catch {
            if let run = lifecycle.takeOwnedRun() {
                await run.group.triggerGracefulShutdown()
                _ = try? await run.task.value
            }
            throw error
        }
    }

    /// Stops a sandbox started with `start`, releasing requests parked by `hang` faults.
    package func stop() async {
        hangGate.open()
        guard let run = lifecycle.takeOwnedRun() else { return }
        await run.group.triggerGracefulShutdown()
        _ = try? await run.task.value
    }

    /// The `Service` form: listens on `configuration.host`/`port` until graceful shutdown.
    package func run() async throws {
        try lifecycle.beginRun()
        try await serve(host: configuration.host, port: configuration.port)
    }

    /// The base URL once the server is listening (for the `Service` form).
    package func waitUntilRunning() async throws -> URL {
        try await lifecycle.waitUntilRunning()
    }

    fileprivate func serve(host: String, port: Int) async throws {
        hangGate.close()
        let lifecycle = self.lifecycle
        let app = Application(
            responder: SandboxResponder(sandbox: self),
            server: .guarded(by: configuration.httpLimits, gauge: connections),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil)
                .limitingAccepts(to: configuration.httpLimits, logger: logger),
            onServerRunning: { channel in
                lifecycle.markRunning(host: host, port: channel.localAddress?.port ?? port)
            },
            logger: logger)
        do {
            let gate = hangGate
            try await withGracefulShutdownHandler {
                try await app.run()
            } onGracefulShutdown: {
                gate.open()
            }
            lifecycle.markFinished(error: nil)
        } catch {
            lifecycle.markFinished(error: error)
            throw error
        }
    }
}

/// Runs the sandbox's server for `start(host:port:)` inside the sandbox's own ServiceGroup.
private struct Listener: Service {
    let sandbox: DiscordSandbox
    let host: String
    let port: Int

    func run() async throws {
        try await sandbox.serve(host: host, port: port)
    }
}
