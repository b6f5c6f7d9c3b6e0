/// Which mentions in a message may ping. The bot sends `parse: []` whenever text may contain
/// user-provided content, so nobody is pinged by accident.
package struct AllowedMentions: Sendable, Hashable, Codable {
    /// Mention kinds to parse from content: "roles", "users", "everyone".
    package var parse: [String]
    package var roles: [Snowflake]?
    package var users: [Snowflake]?
    package var repliedUser: Bool?

    package init(parse: [String] = [], roles: [Snowflake]? = nil, users: [Snowflake]? = nil, repliedUser: Bool? = nil) {
        self.parse = parse
        self.roles = roles
        self.users = users
        self.repliedUser = repliedUser
    }

    /// Nothing pings.
    package static let none = AllowedMentions()

    enum CodingKeys: String, CodingKey {
        case parse, roles, users
        case repliedUser = "replied_user"
    }
}
