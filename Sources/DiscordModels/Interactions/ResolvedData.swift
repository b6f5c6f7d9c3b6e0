/// Full objects for the ids an interaction refers to (selected users, uploaded attachments, ...).
/// Each map is read leniently: a map that cannot be read is `nil` rather than a failure.
package struct ResolvedData: Sendable, Hashable, Codable {
    package var users: [Snowflake: User]?
    package var members: [Snowflake: GuildMember]?
    package var roles: [Snowflake: Role]?
    package var channels: [Snowflake: Channel]?
    package var messages: [Snowflake: Message]?
    package var attachments: [Snowflake: Attachment]?

    package init(
        users: [Snowflake: User]? = nil,
        members: [Snowflake: GuildMember]? = nil,
        roles: [Snowflake: Role]? = nil,
        channels: [Snowflake: Channel]? = nil,
        messages: [Snowflake: Message]? = nil,
        attachments: [Snowflake: Attachment]? = nil
    ) {
        self.users = users
        self.members = members
        self.roles = roles
        self.channels = channels
        self.messages = messages
        self.attachments = attachments
    }

    enum CodingKeys: String, CodingKey {
        case users, members, roles, channels, messages, attachments
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        users = container.lenient([Snowflake: User].self, forKey: .users)
        members = container.lenient([Snowflake: GuildMember].self, forKey: .members)
        roles = container.lenient([Snowflake: Role].self, forKey: .roles)
        channels = container.lenient([Snowflake: Channel].self, forKey: .channels)
        messages = container.lenient([Snowflake: Message].self, forKey: .messages)
        attachments = container.lenient([Snowflake: Attachment].self, forKey: .attachments)
    }
}
