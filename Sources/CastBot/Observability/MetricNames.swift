/// Every metric the service exposes on `/metrics`, named in one place so dashboards and code agree.
public enum MetricNames {
    /// Counter, labels `type` (ping, command, component, autocomplete, modal, unknown, unverified)
    /// and `outcome` (see `InteractionOutcome`).
    public static let interactionsTotal = "castbot_interactions_total"
    /// Histogram (seconds), label `type`: time to produce the HTTP reply to Discord.
    public static let interactionDurationSeconds = "castbot_interaction_duration_seconds"

    /// Counter, labels `type` (server, all) and `result` (success, failure).
    public static let exportsTotal = "castbot_exports_total"
    /// Histogram (bytes), label `type`: size of each delivered export file.
    public static let exportBytes = "castbot_export_bytes"
    /// Histogram (seconds), label `type`: time from run start to delivered export.
    public static let exportDurationSeconds = "castbot_export_duration_seconds"

    /// Counter, labels `route` (templated, e.g. `POST /channels/{id}/webhooks`) and `status` (HTTP code, or `error`).
    public static let discordRequestsTotal = "discord_requests_total"
    /// Counter: how often a Discord request waited for a rate limit to reset.
    public static let discordRateLimitWaitsTotal = "discord_ratelimit_waits_total"

    /// Gauge: schedules currently active.
    public static let activeSchedules = "castbot_active_schedules"
}

/// Label keys shared by the metrics above.
public enum MetricLabels {
    public static let type = "type"
    public static let outcome = "outcome"
    public static let result = "result"
    public static let route = "route"
    public static let status = "status"
}
