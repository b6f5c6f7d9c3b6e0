import Hummingbird
import Prometheus

/// `GET /metrics`: the Prometheus text exposition of `registry`.
struct MetricsEndpoint: Sendable {
    let registry: PrometheusCollectorRegistry
    let metrics: CastBotMetrics
    let activeSchedules: @Sendable () async -> Int

    func respond() async -> Response {
        // Read at scrape time so the gauge can never drift from the scheduler's own count.
        metrics.activeSchedules(await activeSchedules())
        return JSONResponse.make(.ok, registry.emitToBuffer(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
}
