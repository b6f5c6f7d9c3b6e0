/// A Discord user (the fields the bot reads; anything else in the payload is ignored).
package struct User: Sendable, Hashable, Codable {
    package var id: Snowflake
    package var username: String
    package var discriminator: String?
    package var globalName: String?
    package var avatar: String?
    package var bot: Bool?
    package var system: Bool?
    package var publicFlags: Int?

    package init(
        id: Snowflake,
        username: String,
        discriminator: String? = nil,
        globalName: String? = nil,
        avatar: String? = nil,
        bot: Bool? = nil,
        system: Bool? = nil,
        publicFlags: Int? = nil
    ) {
        self.id = id
        self.username = username
        self.discriminator = discriminator
        self.globalName = globalName
        self.avatar = avatar
        self.bot = bot
        self.system = system
        self.publicFlags = publicFlags
    }

    enum CodingKeys: String, CodingKey {
        case id, username, discriminator, avatar, bot, system
        case globalName = "global_name"
        case publicFlags = "public_flags"
    }

    /// The name to show: the display name when set, else the username.
    package var displayName: String { globalName ?? username }
}
