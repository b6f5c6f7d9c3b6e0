/// Discord's JSON error codes (the `code` of an error body) that the bot reacts to.
///
/// An open set: any code Discord sends is kept.
package struct DiscordJSONErrorCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let general = DiscordJSONErrorCode(rawValue: 0)
    package static let unknownChannel = DiscordJSONErrorCode(rawValue: 10003)
    package static let unknownGuild = DiscordJSONErrorCode(rawValue: 10004)
    package static let unknownMessage = DiscordJSONErrorCode(rawValue: 10008)
    package static let unknownUser = DiscordJSONErrorCode(rawValue: 10013)
    package static let unknownWebhook = DiscordJSONErrorCode(rawValue: 10015)
    package static let unknownInteraction = DiscordJSONErrorCode(rawValue: 10062)
    package static let maximumWebhooksReached = DiscordJSONErrorCode(rawValue: 30007)
    package static let requestEntityTooLarge = DiscordJSONErrorCode(rawValue: 40005)
    package static let missingAccess = DiscordJSONErrorCode(rawValue: 50001)
    package static let cannotSendMessagesToThisUser = DiscordJSONErrorCode(rawValue: 50007)
    package static let missingPermissions = DiscordJSONErrorCode(rawValue: 50013)
    package static let invalidWebhookToken = DiscordJSONErrorCode(rawValue: 50027)
    package static let invalidFormBody = DiscordJSONErrorCode(rawValue: 50035)

    package var description: String {
        switch self {
        case .general: "general error"
        case .unknownChannel: "unknown channel"
        case .unknownGuild: "unknown guild"
        case .unknownMessage: "unknown message"
        case .unknownUser: "unknown user"
        case .unknownWebhook: "unknown webhook"
        case .unknownInteraction: "unknown interaction"
        case .maximumWebhooksReached: "maximum number of webhooks reached"
        case .requestEntityTooLarge: "request entity too large"
        case .missingAccess: "missing access"
        case .cannotSendMessagesToThisUser: "cannot send messages to this user"
        case .missingPermissions: "missing permissions"
        case .invalidWebhookToken: "invalid webhook token"
        case .invalidFormBody: "invalid form body"
        default: "error \(rawValue)"
        }
    }
}
