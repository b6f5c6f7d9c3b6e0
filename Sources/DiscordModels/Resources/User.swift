/// A Discord user (the fields the bot reads; anything else in the payload is ignored).
public struct User: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var username: String
    public var discriminator: String?
    public var globalName: String?
    public var avatar: String?
    public var bot: Bool?
    public var system: Bool?
    public var publicFlags: Int?

    public init(
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
    public var displayName: String { globalName ?? username }
}
