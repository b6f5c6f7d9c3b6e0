import CoreMetrics

/// The client's metrics. Labels follow Prometheus naming; route dimensions use the route
/// template, so ids and tokens never become label values.
struct DiscordMetrics: Sendable {
    let factory: any MetricsFactory

    /// Why the client waited before sending.
    enum WaitReason: String, Sendable {
        /// The route's bucket was used up (`X-RateLimit-Remaining: 0`) or a 429 asked to wait.
        case bucket
        /// Discord reported the global limit (429 with `global`).
        case global
        /// The client's own 50-requests-per-second pacing.
        case globalLimiter = "global_limiter"
    }

    /// `discord_requests_total{route, method, status}`: one per answer (or `error` when none came).
    func requestCompleted(_ route: DiscordRoute, status: String) {
        Counter(
            label: "discord_requests_total",
            dimensions: [("route", route.template), ("method", route.method.rawValue), ("status", status)],
            factory: factory
        ).increment()
    }

    /// `discord_ratelimit_waits_total{reason}` and the wait's length in
    /// `discord_ratelimit_wait_duration{reason}`.
    func rateLimitWait(_ reason: WaitReason, duration: Duration) {
        Counter(label: "discord_ratelimit_waits_total", dimensions: [("reason", reason.rawValue)], factory: factory).increment()
        let nanoseconds = duration.components.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let value = nanoseconds.overflow ? Int64.max : nanoseconds.partialValue &+ duration.components.attoseconds / 1_000_000_000
        Timer(label: "discord_ratelimit_wait_duration", dimensions: [("reason", reason.rawValue)], factory: factory)
            .recordNanoseconds(value)
    }

    /// `discord_request_retries_total{route, reason}`: a request sent again after a failure.
    func retry(_ route: DiscordRoute, reason: String) {
        Counter(
            label: "discord_request_retries_total",
            dimensions: [("route", route.template), ("reason", reason)],
            factory: factory
        ).increment()
    }
}
