import HTTPTypes
import Hummingbird
import NIOCore
import Prometheus

/// `GET /healthz`: `{"status","uptimeSeconds","activeSchedules","version"}`; 200 when ready,
/// 503 with status "starting" until then, so load balancers wait for a ready service.
struct HealthEndpoint: Sendable {
    let uptime: Stopwatch
    let activeSchedules: @Sendable () async -> Int
    let isReady: @Sendable () async -> Bool
    /// The deployment's shared storage check (cluster mode's database): nil when it answers,
    /// else why not. A replica that cannot reach it cannot claim runs or save changes, so it is
    /// not healthy (503).
    let databaseProblem: (@Sendable () async -> String?)?
    let version: String

    func respond() async -> Response {
        let ready = await isReady()
        let uptimeSeconds = uptime.elapsed().components.seconds
        let schedules = await activeSchedules()
        var status = ready ? "ok" : "starting"
        var database = ""
        if let databaseProblem {
            let problem = await databaseProblem()
            if problem != nil, ready { status = "database unavailable" }
            database = ",\"database\":\(JSONText.string(problem ?? "ok"))"
        }
        let json = "{\"status\":\(JSONText.string(status)),\"uptimeSeconds\":\(uptimeSeconds)"
            + ",\"activeSchedules\":\(schedules)\(database),\"version\":\(JSONText.string(version))}"
        return JSONResponse.make(status == "ok" ? .ok : .serviceUnavailable, Array(json.utf8))
    }
}

/// `GET /metrics`: the Prometheus text exposition of `registry`, plus the backup health gauges
/// computed from the schedules at scrape time.
struct MetricsEndpoint: Sendable {
    let registry: PrometheusCollectorRegistry
    let metrics: CastBotMetrics
    let activeSchedules: @Sendable () async -> Int
    let backupHealth: BackupHealthSource?

    init(dependencies: ApplicationDependencies) {
        registry = dependencies.prometheusRegistry
        metrics = dependencies.metrics
        activeSchedules = dependencies.activeSchedules
        backupHealth = dependencies.backupHealth
    }

    func respond() async -> Response {
        // Read at scrape time so the gauge can never drift from the scheduler's own count.
        metrics.activeSchedules(await activeSchedules())
        var body = registry.emitToBuffer()
        if let backupHealth {
            body += Array(BackupHealthExposition.render(await backupHealth.summary()).utf8)
        }
        return JSONResponse.make(.ok, body, contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
}

/// Responses with a JSON (or other text) body the server built itself.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ body: [UInt8], contentType: String = "application/json") -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        make(status, JSONText.error(message))
    }
}
