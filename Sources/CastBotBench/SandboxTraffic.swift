import DiscordSandbox

/// What the bot sent the sandbox, counted as Discord would limit it: requests with the bot token
/// (one global limit per token, shared by every replica), webhook executions (limited per IP),
/// and how many were answered 429.
struct SandboxTraffic: Sendable {
    var botRequests = 0
    var webhookExecutions = 0
    var rateLimited = 0
    /// Bot-token requests by route, most first: where a run's requests go.
    var botRequestsByRoute: [(String, Int)] = []

    init(_ requests: [SandboxRecordedRequest], applicationID: String) {
        let interactionWebhooks = "/webhooks/\(applicationID)/"
        botRequests = requests.filter(\.hadBotAuth).count
        webhookExecutions = requests.filter {
            !$0.hadBotAuth && $0.method == "POST" && $0.path.contains("/webhooks/") && !$0.path.contains(interactionWebhooks)
        }.count
        rateLimited = requests.filter { $0.status == 429 }.count
        var byRoute: [String: Int] = [:]
        for request in requests where request.hadBotAuth { byRoute[request.route ?? "\(request.method) (unknown route)", default: 0] += 1 }
        botRequestsByRoute = byRoute.sorted { $0.value > $1.value }.map { ($0.key, $0.value) }
    }
}
