public import Logging
import Metrics
public import Prometheus

/// Process-wide logging and metrics setup. Call once, from the executable only: tests pass
/// their own loggers and Prometheus registries instead of touching global state.
public enum ProcessBootstrap {
    /// Logs go to standard output as `key=value` metadata lines at `level`; metrics go to the
    /// returned registry, which `/metrics` renders.
    public static func bootstrap(logLevel level: Logger.Level) -> PrometheusCollectorRegistry {
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
    public static func makeMetricsFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueHistogramBuckets[MetricNames.exportBytes] = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536].map { Double($0) * 1024 }
        factory.durationHistogramBuckets[MetricNames.exportDurationSeconds] = [
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5),
            .seconds(10), .seconds(30), .seconds(60), .seconds(120),
        ]
        return factory
    }
}
