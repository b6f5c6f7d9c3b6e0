/// Discord's JSON error codes (the `code` of an error body) that the bot reacts to.
///
/// An open set: any code Discord sends is kept.
public struct DiscordJSONErrorCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let general = DiscordJSONErrorCode(rawValue: 0)
    public static let unknownChannel = DiscordJSONErrorCode(rawValue: 10003)
    public static let unknownGuild = DiscordJSONErrorCode(rawValue: 10004)
    public static let unknownMessage = DiscordJSONErrorCode(rawValue: 10008)
    public static let unknownUser = DiscordJSONErrorCode(rawValue: 10013)
    public static let unknownWebhook = DiscordJSONErrorCode(rawValue: 10015)
    public static let unknownInteraction = DiscordJSONErrorCode(rawValue: 10062)
    public static let maximumWebhooksReached = DiscordJSONErrorCode(rawValue: 30007)
    public static let requestEntityTooLarge = DiscordJSONErrorCode(rawValue: 40005)
    public static let missingAccess = DiscordJSONErrorCode(rawValue: 50001)
    public static let cannotSendMessagesToThisUser = DiscordJSONErrorCode(rawValue: 50007)
    public static let missingPermissions = DiscordJSONErrorCode(rawValue: 50013)
    public static let invalidWebhookToken = DiscordJSONErrorCode(rawValue: 50027)
    public static let invalidFormBody = DiscordJSONErrorCode(rawValue: 50035)

    public var description: String {
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
