/// A webhook. Its `token` is a secret: descriptions of a webhook never show it.
package struct Webhook: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    package var id: Snowflake
    package var type: WebhookType
    package var guildID: Snowflake?
    package var channelID: Snowflake?
    package var user: User?
    package var name: String?
    package var avatar: String?
    package var token: String?
    /// The application that created the webhook; the bot's own webhooks carry its application id.
    package var applicationID: Snowflake?
    package var sourceGuild: JSONValue?
    package var sourceChannel: JSONValue?
    package var url: String?

    package init(
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

    package var description: String {
        "Webhook(id: \(id), type: \(type), channel: \(channelID?.rawValue ?? "none"), name: \(name ?? "none"), "
            + "application: \(applicationID?.rawValue ?? "none"), token: \(token == nil ? "none" : "<redacted>"))"
    }

    package var debugDescription: String { description }

    /// Reflection (`dump`, debuggers) shows every field but the token.
    package var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "id": id, "type": type, "guildID": guildID as Any, "channelID": channelID as Any,
                "name": name as Any, "applicationID": applicationID as Any, "token": token == nil ? "none" : "<redacted>",
            ]
        )
    }
}
