/// A message as Discord returns it (the fields the bot reads).
package struct Message: Sendable, Hashable, Codable {
    package var id: Snowflake
    package var channelID: Snowflake
    package var guildID: Snowflake?
    package var type: MessageType?
    package var author: User?
    package var content: String?
    package var timestamp: String?
    package var editedTimestamp: String?
    package var tts: Bool?
    package var mentionEveryone: Bool?
    package var pinned: Bool?
    package var flags: MessageFlags?
    package var components: [Component]?
    package var attachments: [Attachment]?
    package var embeds: [Embed]?
    package var webhookID: Snowflake?
    package var applicationID: Snowflake?

    package init(
        id: Snowflake,
        channelID: Snowflake,
        guildID: Snowflake? = nil,
        type: MessageType? = nil,
        author: User? = nil,
        content: String? = nil,
        timestamp: String? = nil,
        editedTimestamp: String? = nil,
        tts: Bool? = nil,
        mentionEveryone: Bool? = nil,
        pinned: Bool? = nil,
        flags: MessageFlags? = nil,
        components: [Component]? = nil,
        attachments: [Attachment]? = nil,
        embeds: [Embed]? = nil,
        webhookID: Snowflake? = nil,
        applicationID: Snowflake? = nil
    ) {
        self.id = id
        self.channelID = channelID
        self.guildID = guildID
        self.type = type
        self.author = author
        self.content = content
        self.timestamp = timestamp
        self.editedTimestamp = editedTimestamp
        self.tts = tts
        self.mentionEveryone = mentionEveryone
        self.pinned = pinned
        self.flags = flags
        self.components = components
        self.attachments = attachments
        self.embeds = embeds
        self.webhookID = webhookID
        self.applicationID = applicationID
    }

    enum CodingKeys: String, CodingKey {
        case id, type, author, content, timestamp, tts, pinned, flags, components, attachments, embeds
        case channelID = "channel_id"
        case guildID = "guild_id"
        case editedTimestamp = "edited_timestamp"
        case mentionEveryone = "mention_everyone"
        case webhookID = "webhook_id"
        case applicationID = "application_id"
    }

    /// Only `id` and `channel_id` are required; any other field of an unexpected shape reads as
    /// `nil`, so a message that was sent is never reported as a failure because of a field the bot
    /// does not rely on.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Snowflake.self, forKey: .id)
        channelID = try container.decode(Snowflake.self, forKey: .channelID)
        guildID = container.lenient(Snowflake.self, forKey: .guildID)
        type = container.lenient(MessageType.self, forKey: .type)
        author = container.lenient(User.self, forKey: .author)
        content = container.lenient(String.self, forKey: .content)
        timestamp = container.lenient(String.self, forKey: .timestamp)
        editedTimestamp = container.lenient(String.self, forKey: .editedTimestamp)
        tts = container.lenient(Bool.self, forKey: .tts)
        mentionEveryone = container.lenient(Bool.self, forKey: .mentionEveryone)
        pinned = container.lenient(Bool.self, forKey: .pinned)
        flags = container.lenient(MessageFlags.self, forKey: .flags)
        components = container.lenient([Component].self, forKey: .components)
        attachments = container.lenient([Attachment].self, forKey: .attachments)
        embeds = container.lenient([Embed].self, forKey: .embeds)
        webhookID = container.lenient(Snowflake.self, forKey: .webhookID)
        applicationID = container.lenient(Snowflake.self, forKey: .applicationID)
    }
}
