import Logging
import Metrics
import Prometheus

/// Records the service's metrics through an explicit factory, so tests can use their own
/// Prometheus registry while the executable bootstraps the global one.
package struct CastBotMetrics: Sendable {
    package let factory: any MetricsFactory

    /// - Parameter factory: defaults to whatever `MetricsSystem` was bootstrapped with.
    package init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    func interactionHandled(type: String, outcome: InteractionOutcome, duration: Duration) {
        Counter(
            label: MetricNames.interactionsTotal,
            dimensions: [(MetricLabels.type, type), (MetricLabels.outcome, outcome.rawValue)],
            factory: factory
        ).increment()
        Metrics.Timer(
            label: MetricNames.interactionDurationSeconds,
            dimensions: [(MetricLabels.type, type)],
            factory: factory
        ).record(duration: duration)
    }

    /// `type` is `server` or `all`; `bytes` and `duration` only for delivered exports.
    func exportFinished(type: String, succeeded: Bool, bytes: Int?, duration: Duration?) {
        Counter(
            label: MetricNames.exportsTotal,
            dimensions: [(MetricLabels.type, type), (MetricLabels.result, succeeded ? "success" : "failure")],
            factory: factory
        ).increment()
        if let bytes {
            Recorder(label: MetricNames.exportBytes, dimensions: [(MetricLabels.type, type)], factory: factory).record(bytes)
        }
        if let duration {
            Metrics.Timer(label: MetricNames.exportDurationSeconds, dimensions: [(MetricLabels.type, type)], factory: factory)
                .record(duration: duration)
        }
    }

    /// `result` is `verified`, `mismatch` or `unavailable` (how a posted export compared with what was sent).
    func exportVerified(result: String) {
        Counter(label: MetricNames.exportsVerifiedTotal, dimensions: [(MetricLabels.result, result)], factory: factory).increment()
    }

    /// `result` is `deleted`, `refused` (50013, Manage Messages missing) or `failed`.
    func retentionDeletion(result: String) {
        Counter(label: MetricNames.exportRetentionTotal, dimensions: [(MetricLabels.result, result)], factory: factory).increment()
    }

    package func activeSchedules(_ count: Int) {
        Gauge(label: MetricNames.activeSchedules, factory: factory).record(count)
    }
}

/// Every metric the service exposes on `/metrics`, named in one place so dashboards and code agree.
enum MetricNames {
    /// Counter, labels `type` (ping, command, component, autocomplete, modal, unknown, unverified)
    /// and `outcome` (see `InteractionOutcome`).
    static let interactionsTotal = "castbot_interactions_total"
    /// Histogram (seconds), label `type`: time to produce the HTTP reply to Discord.
    static let interactionDurationSeconds = "castbot_interaction_duration_seconds"

    /// Counter, labels `type` (server, all) and `result` (success, failure).
    static let exportsTotal = "castbot_exports_total"
    /// Histogram (bytes), label `type`: size of each delivered export file.
    static let exportBytes = "castbot_export_bytes"
    /// Histogram (seconds), label `type`: time from run start to delivered export.
    static let exportDurationSeconds = "castbot_export_duration_seconds"

    /// Counter, label `result`: each scheduled delivery downloaded back from Discord and compared
    /// with what was sent: `verified`, `mismatch` (the run failed) or `unavailable` (not checked).
    static let exportsVerifiedTotal = "castbot_exports_verified_total"

    /// Counter, label `result`: old export messages retention deleted (`deleted`), could not
    /// delete for lack of Manage Messages (`refused`), or failed to read or delete (`failed`).
    static let exportRetentionTotal = "castbot_export_retention_total"

    /// Counter, labels `route` (templated, e.g. `POST /channels/{id}/webhooks`) and `status` (HTTP code, or `error`).
    static let discordRequestsTotal = "discord_requests_total"
    /// Counter: how often a Discord request waited for a rate limit to reset.
    static let discordRateLimitWaitsTotal = "discord_ratelimit_waits_total"

    /// Gauge: schedules currently active.
    static let activeSchedules = "castbot_active_schedules"
}

/// Label keys shared by the metrics above.
enum MetricLabels {
    static let type = "type"
    static let outcome = "outcome"
    static let result = "result"
    static let route = "route"
    static let status = "status"
}

/// Process-wide logging and metrics setup. Call once, from the executable only: tests pass
/// their own loggers and Prometheus registries instead of touching global state.
package enum ProcessBootstrap {
    /// Logs go to standard output as `key=value` metadata lines at `level`; metrics go to the
    /// returned registry, which `/metrics` renders.
    package static func bootstrap(logLevel level: Logger.Level) -> PrometheusCollectorRegistry {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(makeMetricsFactory(registry: registry))
        return registry
    }

    /// A Prometheus factory with buckets that fit the service's own histograms.
    package static func makeMetricsFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueHistogramBuckets[MetricNames.exportBytes] = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536].map { Double($0) * 1024 }
        factory.durationHistogramBuckets[MetricNames.exportDurationSeconds] = [
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5),
            .seconds(10), .seconds(30), .seconds(60), .seconds(120),
        ]
        return factory
    }
}

/// The service version reported by `/healthz`.
package enum CastBotVersion {
    package static let current = "0.1.0"
}
