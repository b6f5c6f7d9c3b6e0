import Hummingbird

/// `GET /healthz`: `{"status","uptimeSeconds","activeSchedules","version"}`; 200 when ready,
/// 503 with status "starting" until then, so load balancers wait for a ready service.
struct HealthEndpoint: Sendable {
    let uptime: Stopwatch
    let activeSchedules: @Sendable () async -> Int
    let isReady: @Sendable () async -> Bool
    let version: String

    func respond() async -> Response {
        let ready = await isReady()
        let uptimeSeconds = uptime.elapsed().components.seconds
        let schedules = await activeSchedules()
        let json = "{\"status\":\(JSONText.string(ready ? "ok" : "starting")),\"uptimeSeconds\":\(uptimeSeconds)"
            + ",\"activeSchedules\":\(schedules),\"version\":\(JSONText.string(version))}"
        return JSONResponse.make(ready ? .ok : .serviceUnavailable, Array(json.utf8))
    }
}
