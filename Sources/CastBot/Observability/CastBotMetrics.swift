public import Metrics

/// Records the service's metrics through an explicit factory, so tests can use their own
/// Prometheus registry while the executable bootstraps the global one.
public struct CastBotMetrics: Sendable {
    public let factory: any MetricsFactory

    /// - Parameter factory: defaults to whatever `MetricsSystem` was bootstrapped with.
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    public func interactionHandled(type: String, outcome: InteractionOutcome, duration: Duration) {
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
    public func exportFinished(type: String, succeeded: Bool, bytes: Int?, duration: Duration?) {
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

    public func activeSchedules(_ count: Int) {
        Gauge(label: MetricNames.activeSchedules, factory: factory).record(count)
    }
}
