/// A webhook. Its `token` is a secret: descriptions of a webhook never show it.
public struct Webhook: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public var id: Snowflake
    public var type: WebhookType
    public var guildID: Snowflake?
    public var channelID: Snowflake?
    public var user: User?
    public var name: String?
    public var avatar: String?
    public var token: String?
    /// The application that created the webhook; the bot's own webhooks carry its application id.
    public var applicationID: Snowflake?
    public var sourceGuild: JSONValue?
    public var sourceChannel: JSONValue?
    public var url: String?

    public init(
        id: Snowflake,
        type: WebhookType,
        guildID: Snowflake? = nil,
        channelID: Snowflake? = nil,
        user: User? = nil,
        name: String? = nil,
        avatar: String? = nil,
        token: String? = nil,
        applicationID: Snowflake? = nil,
        sourceGuild: JSONValue? = nil,
        sourceChannel: JSONValue? = nil,
        url: String? = nil
    ) {
        self.id = id
        self.type = type
        self.guildID = guildID
        self.channelID = channelID
        self.user = user
        self.name = name
        self.avatar = avatar
        self.token = token
        self.applicationID = applicationID
        self.sourceGuild = sourceGuild
        self.sourceChannel = sourceChannel
        self.url = url
    }

    enum CodingKeys: String, CodingKey {
        case id, type, user, name, avatar, token, url
        case guildID = "guild_id"
        case channelID = "channel_id"
        case applicationID = "application_id"
        case sourceGuild = "source_guild"
        case sourceChannel = "source_channel"
    }

    public var description: String {
        "Webhook(id: \(id), type: \(type), channel: \(channelID?.rawValue ?? "none"), name: \(name ?? "none"), "
            + "application: \(applicationID?.rawValue ?? "none"), token: \(token == nil ? "none" : "<redacted>"))"
    }

    public var debugDescription: String { description }

    /// Reflection (`dump`, debuggers) shows every field but the token.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "id": id, "type": type, "guildID": guildID as Any, "channelID": channelID as Any,
                "name": name as Any, "applicationID": applicationID as Any, "token": token == nil ? "none" : "<redacted>",
            ]
        )
    }
}
