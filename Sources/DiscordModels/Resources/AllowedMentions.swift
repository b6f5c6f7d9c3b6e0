/// Which mentions in a message may ping. The bot sends `parse: []` whenever text may contain
/// user-provided content, so nobody is pinged by accident.
public struct AllowedMentions: Sendable, Hashable, Codable {
    /// Mention kinds to parse from content: "roles", "users", "everyone".
    public var parse: [String]
    public var roles: [Snowflake]?
    public var users: [Snowflake]?
    public var repliedUser: Bool?

    public init(parse: [String] = [], roles: [Snowflake]? = nil, users: [Snowflake]? = nil, repliedUser: Bool? = nil) {
        self.parse = parse
        self.roles = roles
        self.users = users
        self.repliedUser = repliedUser
    }

    /// Nothing pings.
    public static let none = AllowedMentions()

    enum CodingKeys: String, CodingKey {
        case parse, roles, users
        case repliedUser = "replied_user"
    }
}
