/// An interaction Discord sends when a user runs a command, clicks a component or submits a modal.
///
/// Only `id`, `type` and `token` are required. Every other field is read leniently: a field Discord
/// omits, or sends in a shape this module does not expect, reads as `nil` instead of failing the
/// whole interaction. The `token` is a secret and never appears in a description.
package struct Interaction: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    package var id: Snowflake
    package var applicationID: Snowflake?
    package var type: InteractionType
    package var data: InteractionData?
    package var guildID: Snowflake?
    /// The (partial) channel the interaction came from.
    package var channel: Channel?
    package var channelID: Snowflake?
    /// The invoking member, when invoked in a guild (with their permissions in the channel).
    package var member: GuildMember?
    /// The invoking user, when invoked in a DM.
    package var user: User?
    package var token: String
    package var version: Int?
    /// The message a component was attached to.
    package var message: Message?
    /// What the bot may do in the channel the interaction came from.
    package var appPermissions: Permissions?
    package var locale: String?
    package var guildLocale: String?
    package var context: InteractionContextType?
    /// Largest attachment, in bytes, the bot may send in reply.
    package var attachmentSizeLimit: Int?

    package init(
        id: Snowflake,
        applicationID: Snowflake? = nil,
        type: InteractionType,
        data: InteractionData? = nil,
        guildID: Snowflake? = nil,
        channel: Channel? = nil,
        channelID: Snowflake? = nil,
        member: GuildMember? = nil,
        user: User? = nil,
        token: String,
        version: Int? = 1,
        message: Message? = nil,
        appPermissions: Permissions? = nil,
        locale: String? = nil,
        guildLocale: String? = nil,
        context: InteractionContextType? = nil,
        attachmentSizeLimit: Int? = nil
    ) {
        self.id = id
        self.applicationID = applicationID
        self.type = type
        self.data = data
        self.guildID = guildID
        self.channel = channel
        self.channelID = channelID
        self.member = member
        self.user = user
        self.token = token
        self.version = version
        self.message = message
        self.appPermissions = appPermissions
        self.locale = locale
        self.guildLocale = guildLocale
        self.context = context
        self.attachmentSizeLimit = attachmentSizeLimit
    }

    enum CodingKeys: String, CodingKey {
        case id, type, data, channel, member, user, token, version, message, locale, context
        case applicationID = "application_id"
        case guildID = "guild_id"
        case channelID = "channel_id"
        case appPermissions = "app_permissions"
        case guildLocale = "guild_locale"
        case attachmentSizeLimit = "attachment_size_limit"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Snowflake.self, forKey: .id)
        type = try container.decode(InteractionType.self, forKey: .type)
        token = try container.decode(String.self, forKey: .token)
        applicationID = container.lenient(Snowflake.self, forKey: .applicationID)
        data = container.lenient(InteractionData.self, forKey: .data)
        guildID = container.lenient(Snowflake.self, forKey: .guildID)
        channel = container.lenient(Channel.self, forKey: .channel)
        channelID = container.lenient(Snowflake.self, forKey: .channelID)
        member = container.lenient(GuildMember.self, forKey: .member)
        user = container.lenient(User.self, forKey: .user)
        version = container.lenient(Int.self, forKey: .version)
        message = container.lenient(Message.self, forKey: .message)
        appPermissions = container.lenient(Permissions.self, forKey: .appPermissions)
        locale = container.lenient(String.self, forKey: .locale)
        guildLocale = container.lenient(String.self, forKey: .guildLocale)
        context = container.lenient(InteractionContextType.self, forKey: .context)
        attachmentSizeLimit = container.lenient(Int.self, forKey: .attachmentSizeLimit)
    }

    /// The user who triggered the interaction, in a guild or a DM.
    package var invokingUser: User? { member?.user ?? user }

    /// The channel the interaction came from, whichever field Discord filled in.
    package var sourceChannelID: Snowflake? { channelID ?? channel?.id }

    package var description: String {
        "Interaction(id: \(id), type: \(type), guild: \(guildID?.rawValue ?? "none"), "
            + "channel: \(sourceChannelID?.rawValue ?? "none"), user: \(invokingUser?.id.rawValue ?? "none"), "
            + "custom_id: \(data?.customID ?? data?.name ?? "none"), token: <redacted>)"
    }

    package var debugDescription: String { description }

    /// Reflection (`dump`, debuggers) shows the identifying fields, never the token.
    package var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "id": id, "type": type, "guildID": guildID as Any, "channelID": sourceChannelID as Any,
                "user": invokingUser?.id as Any, "data": data as Any, "token": "<redacted>",
            ]
        )
    }
}
