import Foundation
import HTTPConnectionGuard
import Hummingbird
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle

package enum ApplicationBuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Sandbox mode fills the key in from the sandbox; otherwise configuration validation requires it.
    case missingPublicKey

    package var description: String {
        switch self {
        case .missingPublicKey: "no interaction public key: set DISCORD_PUBLIC_KEY or run in sandbox mode"
        }
    }
}

/// Builds the HTTP application: `POST /interactions`, `GET /healthz`, `GET /metrics`, plus the
/// follow-up drain that finishes deferred interactions after the server stops. `/status` is never
/// here: it is on the admin listener (`buildAdminApplication`). `/metrics` stays here, where
/// existing scrape configurations find it, unless `CASTBOT_METRICS_ON_ADMIN` moves it there.
/// Run it in the process's service group beside the scheduled services (or `runService()`).
package func buildApplication(
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
        databaseProblem: dependencies.databaseProblem,
        version: dependencies.version
    )
    let metricsEndpoint = MetricsEndpoint(dependencies: dependencies)

    let router = Router(context: BasicRequestContext.self)
    router.post("interactions") { request, context in
        await interactions.respond(to: request, logger: context.logger)
    }
    router.get("healthz") { _, _ in await health.respond() }
    if !configuration.metricsOnAdmin {
        router.get("metrics") { _, _ in await metricsEndpoint.respond() }
    }

    let drain = FollowUpDrainService(
        handler: dependencies.interactionHandler, timeout: dependencies.followUpDrainTimeout, clock: dependencies.clock,
        logger: dependencies.logger)

    let onServerRunning = dependencies.onServerRunning
    let logger = dependencies.logger
    return Application(
        router: router,
        server: .guarded(by: configuration.httpLimits, gauge: dependencies.connectionGauge),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.httpHost, port: configuration.httpPort),
            serverName: "CastBot/\(dependencies.version)"
        ).limitingAccepts(to: configuration.httpLimits, logger: logger),
        services: [drain],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.httpPort
            logger.info("listening", metadata: ["host": "\(configuration.httpHost)", "port": "\(port)"])
            await onServerRunning(port)
        },
        logger: dependencies.logger
    )
}

/// Everything `buildApplication` needs besides the configuration. Parts built elsewhere plug in
/// here: the interaction handler (the feature router), the schedule count, readiness.
package struct ApplicationDependencies: Sendable {
    /// Receives every verified, non-PING interaction; usually an `InteractionRouter`.
    package var interactionHandler: any InteractionHandler
    /// Rendered by `GET /metrics`; the same registry the metrics factory writes to.
    package var prometheusRegistry: PrometheusCollectorRegistry
    package var metrics: CastBotMetrics
    package var logger: Logger
    /// Measures uptime and request durations.
    package var clock: any Clock<Duration>
    /// Wall-clock time for the signature timestamp check.
    package var now: @Sendable () -> Date
    package var limits: InteractionLimits
    /// Number of active schedules, for `/healthz` and the `castbot_active_schedules` gauge.
    package var activeSchedules: @Sendable () async -> Int
    /// False while the service is still starting (e.g. restoring schedules): `/healthz` says "starting".
    package var isReady: @Sendable () async -> Bool
    /// How long graceful shutdown waits for deferred interactions' follow-ups (on `clock`).
    package var followUpDrainTimeout: Duration
    /// Counts the server's connections (open, turned away at the cap, closed for slowness).
    package var connectionGauge: HTTPConnectionGauge
    /// Called with the bound port once the server listens (useful with port 0).
    package var onServerRunning: @Sendable (_ port: Int) async -> Void
    package var version: String
    /// The schedules' backup health, for `/metrics` and the admin listener's `/status`; nil
    /// leaves both without it (servers without a scheduler, in tests).
    package var backupHealth: BackupHealthSource?
    /// Called with the admin listener's bound port once it listens.
    package var onAdminServerRunning: @Sendable (_ port: Int) async -> Void
    /// The deployment's shared storage check (`Deployment.storageCheck`; `/healthz` reports it).
    package var databaseProblem: (@Sendable () async -> String?)?

    package init(
        interactionHandler: any InteractionHandler,
        prometheusRegistry: PrometheusCollectorRegistry,
        metrics: CastBotMetrics = CastBotMetrics(),
        logger: Logger,
        clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() },
        limits: InteractionLimits = InteractionLimits(),
        activeSchedules: @escaping @Sendable () async -> Int = { 0 },
        isReady: @escaping @Sendable () async -> Bool = { true },
        followUpDrainTimeout: Duration = CastBotConfiguration.defaultShutdownGrace,
        connectionGauge: HTTPConnectionGauge = HTTPConnectionGauge(),
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in },
        version: String = CastBotVersion.current,
        backupHealth: BackupHealthSource? = nil,
        onAdminServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in },
        databaseProblem: (@Sendable () async -> String?)? = nil
    ) {
        self.databaseProblem = databaseProblem
        self.interactionHandler = interactionHandler
        self.prometheusRegistry = prometheusRegistry
        self.metrics = metrics
        self.logger = logger
        self.clock = clock
        self.now = now
        self.limits = limits
        self.activeSchedules = activeSchedules
        self.isReady = isReady
        self.followUpDrainTimeout = followUpDrainTimeout
        self.connectionGauge = connectionGauge
        self.onServerRunning = onServerRunning
        self.version = version
        self.backupHealth = backupHealth
        self.onAdminServerRunning = onAdminServerRunning
    }
}

/// Part of the application: once the HTTP server has stopped (graceful shutdown goes in reverse
/// order and this service is listed before the server), waits for the follow-ups of interactions
/// answered "deferred" to be delivered, at most `timeout` on the injected clock; what is still
/// running then is cancelled and counted in the log.
struct FollowUpDrainService: Service, CustomStringConvertible {
    let handler: any InteractionHandler
    let timeout: Duration
    let clock: any Clock<Duration>
    let logger: Logger

    var description: String { "FollowUpDrainService" }

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled rather than shut down gracefully: nothing may wait any more
        }
        let pending = handler.pendingWorkCount
        logger.info("graceful shutdown: finishing deferred interactions", metadata: ["pending": "\(pending)"])
        let handler = handler
        // nil: everything finished; otherwise how many were still running when time was up.
        let cutOff: Int? = await withTaskGroup(of: Int?.self) { group in
            group.addTask {
                await handler.finishPendingWork()
                return nil
            }
            group.addTask { [clock, timeout] in
                do {
                    try await InjectedClock.sleep(on: clock, for: timeout)
                    return handler.pendingWorkCount
                } catch {
                    return nil
                }
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        if let cutOff {
            logger.warning(
                "graceful shutdown: deferred interactions still running were cut off",
                metadata: ["timeout": "\(timeout)", "cut_off": "\(cutOff)"])
        } else {
            logger.info("graceful shutdown: deferred interactions finished")
        }
    }
}
