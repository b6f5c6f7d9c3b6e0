public import Foundation
public import Logging
public import Prometheus

/// Everything `buildApplication` needs besides the configuration. Parts built elsewhere plug in
/// here: the interaction handler (the feature router), the schedule count, readiness.
public struct ApplicationDependencies: Sendable {
    /// Receives every verified, non-PING interaction; usually an `InteractionRouter`.
    public var interactionHandler: any InteractionHandler
    /// Rendered by `GET /metrics`; the same registry the metrics factory writes to.
    public var prometheusRegistry: PrometheusCollectorRegistry
    public var metrics: CastBotMetrics
    public var logger: Logger
    /// Measures uptime and request durations.
    public var clock: any Clock<Duration>
    /// Wall-clock time for the signature timestamp check.
    public var now: @Sendable () -> Date
    public var limits: InteractionLimits
    /// Number of active schedules, for `/healthz` and the `castbot_active_schedules` gauge.
    public var activeSchedules: @Sendable () async -> Int
    /// False while the service is still starting (e.g. restoring schedules): `/healthz` says "starting".
    public var isReady: @Sendable () async -> Bool
    /// How long graceful shutdown waits for deferred interactions' follow-ups (on `clock`).
    public var followUpDrainTimeout: Duration
    /// Called with the bound port once the server listens (useful with port 0).
    public var onServerRunning: @Sendable (_ port: Int) async -> Void
    public var version: String

    public init(
        interactionHandler: any InteractionHandler,
        prometheusRegistry: PrometheusCollectorRegistry,
        metrics: CastBotMetrics = CastBotMetrics(),
        logger: Logger,
        clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() },
        limits: InteractionLimits = InteractionLimits(),
        activeSchedules: @escaping @Sendable () async -> Int = { 0 },
        isReady: @escaping @Sendable () async -> Bool = { true },
        followUpDrainTimeout: Duration = .seconds(20),
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in },
        version: String = CastBotVersion.current
    ) {
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
        self.onServerRunning = onServerRunning
        self.version = version
    }
}
