import DiscordSandbox
import Foundation

/// What the bot sent the sandbox, counted as Discord would limit it: requests with the bot token
/// (one global limit per token, shared by every replica), webhook executions (limited per IP),
/// and how many were answered 429.
struct SandboxTraffic: Sendable {
    var botRequests = 0
    var webhookExecutions = 0
    var rateLimited = 0
    /// 429 answers for Discord's global limit (`X-RateLimit-Scope: global`).
    var globalRateLimited = 0
    /// Bot-token requests a delivery made on the webhook routes (create, delete, list), without
    /// those answered 429 and those to channels gone (404): what a delivered run costs.
    var deliveryRequests = 0
    /// Bot-token requests by route, most first: where a run's requests go.
    var botRequestsByRoute: [(String, Int)] = []
    /// When each channel's last webhook creation was refused 404 (its schedule stopped then).
    var refusedCreations: [String: Date] = [:]

    static let webhookRoutes: Set<String> = [
        "POST /channels/{channel_id}/webhooks", "GET /channels/{channel_id}/webhooks", "DELETE /webhooks/{webhook_id}",
    ]

    init(_ requests: [SandboxRecordedRequest], applicationID: String) {
        let interactionWebhooks = "/webhooks/\(applicationID)/"
        botRequests = requests.filter(\.hadBotAuth).count
        webhookExecutions = requests.filter {
            !$0.hadBotAuth && $0.method == "POST" && $0.path.contains("/webhooks/") && !$0.path.contains(interactionWebhooks)
        }.count
        rateLimited = requests.filter { $0.status == 429 }.count
        globalRateLimited = requests.filter { $0.status == 429 && $0.rateLimitScope == "global" }.count
        deliveryRequests = requests.filter { request in
            request.hadBotAuth && Self.webhookRoutes.contains(request.route ?? "") && request.status != 429 && request.status != 404
        }.count
        var byRoute: [String: Int] = [:]
        for request in requests where request.hadBotAuth { byRoute[request.route ?? "\(request.method) (unknown route)", default: 0] += 1 }
        botRequestsByRoute = byRoute.sorted { $0.value > $1.value }.map { ($0.key, $0.value) }
        for request in requests where request.route == "POST /channels/{channel_id}/webhooks" && request.status == 404 {
            // /api/v10/channels/<id>/webhooks
            let parts = request.path.split(separator: "/")
            guard parts.count >= 2, let received = request.receivedAt else { continue }
            refusedCreations[String(parts[parts.count - 2])] = received
        }
    }
}
