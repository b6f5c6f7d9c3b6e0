public import Hummingbird
import Logging
import NIOCore

public enum ApplicationBuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Sandbox mode fills the key in from the sandbox; otherwise configuration validation requires it.
    case missingPublicKey

    public var description: String {
        switch self {
        case .missingPublicKey: "no interaction public key: set DISCORD_PUBLIC_KEY or run in sandbox mode"
        }
    }
}

/// Builds the HTTP application: `POST /interactions`, `GET /healthz`, `GET /metrics`, plus the
/// follow-up drain that finishes deferred interactions after the server stops.
/// Run it with `CastBotServices.serviceGroup(application:alongside:…)` (or `runService()`).
public func buildApplication(
    configuration: CastBotConfiguration,
    dependencies: ApplicationDependencies
) throws(ApplicationBuildError) -> some ApplicationProtocol {
    guard let publicKey = configuration.publicKey else { throw .missingPublicKey }

    let interactions = InteractionEndpoint(
        verifier: InteractionSignatureVerifier(
            publicKey: publicKey,
            maxTimestampSkew: dependencies.limits.maxTimestampSkew,
            now: dependencies.now
        ),
        handler: dependencies.interactionHandler,
        maxBodyBytes: dependencies.limits.maxBodyBytes,
        metrics: dependencies.metrics,
        clock: dependencies.clock
    )
    let health = HealthEndpoint(
        uptime: Stopwatch.start(on: dependencies.clock),
        activeSchedules: dependencies.activeSchedules,
        isReady: dependencies.isReady,
        version: dependencies.version
    )
    let metricsEndpoint = MetricsEndpoint(
        registry: dependencies.prometheusRegistry,
        metrics: dependencies.metrics,
        activeSchedules: dependencies.activeSchedules
    )

    let router = Router(context: BasicRequestContext.self)
    router.post("interactions") { request, context in
        await interactions.respond(to: request, logger: context.logger)
    }
    router.get("healthz") { _, _ in await health.respond() }
    router.get("metrics") { _, _ in await metricsEndpoint.respond() }

    let drain = FollowUpDrainService(
        handler: dependencies.interactionHandler, timeout: dependencies.followUpDrainTimeout, clock: dependencies.clock,
        logger: dependencies.logger)

    let onServerRunning = dependencies.onServerRunning
    let logger = dependencies.logger
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.httpHost, port: configuration.httpPort),
            serverName: "CastBot/\(dependencies.version)"
        ),
        services: [drain],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.httpPort
            logger.info("listening", metadata: ["host": "\(configuration.httpHost)", "port": "\(port)"])
            await onServerRunning(port)
        },
        logger: dependencies.logger
    )
}
