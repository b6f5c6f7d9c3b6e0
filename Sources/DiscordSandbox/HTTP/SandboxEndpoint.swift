/// The Discord API routes the sandbox implements (paths relative to `/api/v10`).
enum SandboxEndpoint: CaseIterable, Sendable {
    case getCurrentUser
    case getCurrentApplication
    case createDM
    case getChannel
    case listChannelMessages
    case createMessage
    case getChannelMessage
    case deleteChannelMessage
    case listChannelWebhooks
    case createWebhook
    case getWebhook
    case deleteWebhook
    case getWebhookWithToken
    case executeWebhook
    case deleteWebhookWithToken
    case getWebhookMessage
    case editWebhookMessage
    case deleteWebhookMessage
    case interactionCallback
    case getGlobalCommands
    case createGlobalCommand
    case overwriteGlobalCommands
    case getGuildCommands
    case createGuildCommand
    case overwriteGuildCommands

    var method: String {
        switch self {
        case .getCurrentUser, .getCurrentApplication, .getChannel, .listChannelMessages, .getChannelMessage, .listChannelWebhooks, .getWebhook, .getWebhookWithToken,
            .getWebhookMessage, .getGlobalCommands, .getGuildCommands:
            return "GET"
        case .createDM, .createMessage, .createWebhook, .executeWebhook, .interactionCallback, .createGlobalCommand,
            .createGuildCommand:
            return "POST"
        case .deleteWebhook, .deleteWebhookWithToken, .deleteWebhookMessage, .deleteChannelMessage:
            return "DELETE"
        case .editWebhookMessage:
            return "PATCH"
        case .overwriteGlobalCommands, .overwriteGuildCommands:
            return "PUT"
        }
    }

    var template: String {
        switch self {
        case .getCurrentUser: return "/users/@me"
        case .getCurrentApplication: return "/applications/@me"
        case .createDM: return "/users/@me/channels"
        case .getChannel: return "/channels/{channel_id}"
        case .listChannelMessages, .createMessage: return "/channels/{channel_id}/messages"
        // Each method is its own route, so DELETE has its own bucket, as on Discord.
        case .getChannelMessage, .deleteChannelMessage: return "/channels/{channel_id}/messages/{message_id}"
        case .listChannelWebhooks, .createWebhook: return "/channels/{channel_id}/webhooks"
        case .getWebhook, .deleteWebhook: return "/webhooks/{webhook_id}"
        case .getWebhookWithToken, .executeWebhook, .deleteWebhookWithToken:
            return "/webhooks/{webhook_id}/{webhook_token}"
        case .getWebhookMessage, .editWebhookMessage, .deleteWebhookMessage:
            return "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"
        case .interactionCallback: return "/interactions/{interaction_id}/{interaction_token}/callback"
        case .getGlobalCommands, .createGlobalCommand, .overwriteGlobalCommands: return "/applications/{application_id}/commands"
        case .getGuildCommands, .createGuildCommand, .overwriteGuildCommands:
            return "/applications/{application_id}/guilds/{guild_id}/commands"
        }
    }

    /// Webhook-token and interaction routes authenticate by the token in the path, not the bot token.
    var requiresBotAuth: Bool {
        switch self {
        case .getWebhookWithToken, .executeWebhook, .deleteWebhookWithToken, .getWebhookMessage,
            .editWebhookMessage, .deleteWebhookMessage, .interactionCallback:
            return false
        default:
            return true
        }
    }

    var routeName: String { "\(method) \(template)" }

    fileprivate var templateSegments: [String] { SandboxRoutePattern.pathSegments(template) }
}

/// A request path resolved to an endpoint and its path parameters.
struct RouteMatch: Sendable {
    let endpoint: SandboxEndpoint
    let parameters: [String: String]

    /// Discord keeps separate limits per top-level resource in the path (channel, guild,
    /// webhook with its token, interaction), so the same route on two channels never shares a bucket.
    var majorParameter: String {
        if let channel = parameters["channel_id"] { return "channel:\(channel)" }
        if let guild = parameters["guild_id"] { return "guild:\(guild)" }
        if let webhook = parameters["webhook_id"] {
            return "webhook:\(webhook)/\(parameters["webhook_token"] ?? "")"
        }
        if let interaction = parameters["interaction_id"] { return "interaction:\(interaction)" }
        return ""
    }
}

enum RouteLookup: Sendable {
    case matched(RouteMatch)
    case methodNotAllowed
    case notFound

    static func resolve(method: String, segments: [String]) -> RouteLookup {
        var pathMatched = false
        for endpoint in SandboxEndpoint.allCases {
            guard let parameters = match(endpoint.templateSegments, segments) else { continue }
            if endpoint.method == method {
                return .matched(RouteMatch(endpoint: endpoint, parameters: parameters))
            }
            pathMatched = true
        }
        return pathMatched ? .methodNotAllowed : .notFound
    }

    private static func match(_ template: [String], _ path: [String]) -> [String: String]? {
        guard template.count == path.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(template, path) {
            if expected.hasPrefix("{") && expected.hasSuffix("}") {
                guard !actual.isEmpty else { return nil }
                parameters[String(expected.dropFirst().dropLast())] = actual
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}
