/// A guild or DM channel. Interactions carry a partial channel; every field but `id` and `type`
/// may be missing.
package struct Channel: Sendable, Hashable, Codable {
    package var id: Snowflake
    package var type: ChannelType
    package var guildID: Snowflake?
    package var name: String?
    package var topic: String?
    package var position: Int?
    package var parentID: Snowflake?
    package var nsfw: Bool?
    package var lastMessageID: Snowflake?
    package var permissionOverwrites: [PermissionOverwrite]?
    package var recipients: [User]?
    package var ownerID: Snowflake?
    /// The invoking user's computed permissions, present when resolved in an interaction.
    package var permissions: Permissions?
    package var flags: Int?
    package var rateLimitPerUser: Int?

    package init(
        id: Snowflake,
        type: ChannelType,
        guildID: Snowflake? = nil,
        name: String? = nil,
        topic: String? = nil,
        position: Int? = nil,
        parentID: Snowflake? = nil,
        nsfw: Bool? = nil,
        lastMessageID: Snowflake? = nil,
        permissionOverwrites: [PermissionOverwrite]? = nil,
        recipients: [User]? = nil,
        ownerID: Snowflake? = nil,
        permissions: Permissions? = nil,
        flags: Int? = nil,
        rateLimitPerUser: Int? = nil
    ) {
        self.id = id
        self.type = type
        self.guildID = guildID
        self.name = name
        self.topic = topic
        self.position = position
        self.parentID = parentID
        self.nsfw = nsfw
        self.lastMessageID = lastMessageID
        self.permissionOverwrites = permissionOverwrites
        self.recipients = recipients
        self.ownerID = ownerID
        self.permissions = permissions
        self.flags = flags
        self.rateLimitPerUser = rateLimitPerUser
    }

    enum CodingKeys: String, CodingKey {
        case id, type, name, topic, position, nsfw, recipients, permissions, flags
        case guildID = "guild_id"
        case parentID = "parent_id"
        case lastMessageID = "last_message_id"
        case permissionOverwrites = "permission_overwrites"
        case ownerID = "owner_id"
        case rateLimitPerUser = "rate_limit_per_user"
    }
}
