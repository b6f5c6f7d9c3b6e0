/// A member of a guild. In interactions it carries the invoking user and their computed permissions.
///
/// Decoding is lenient where Discord's own examples are partial: a `user` that is not a full user
/// object (Discord documents `"user": {}`) reads as `nil`, and permissions that cannot be parsed
/// read as `nil` (callers then treat the member as having no permissions).
package struct GuildMember: Sendable, Hashable, Codable {
    package var user: User?
    package var nick: String?
    package var avatar: String?
    package var roles: [Snowflake]
    package var joinedAt: String?
    package var premiumSince: String?
    package var deaf: Bool?
    package var mute: Bool?
    package var pending: Bool?
    /// Total permissions of the member in the channel (present in interactions).
    package var permissions: Permissions?
    package var flags: Int?
    package var communicationDisabledUntil: String?

    package init(
        user: User? = nil,
        nick: String? = nil,
        avatar: String? = nil,
        roles: [Snowflake] = [],
        joinedAt: String? = nil,
        premiumSince: String? = nil,
        deaf: Bool? = nil,
        mute: Bool? = nil,
        pending: Bool? = nil,
        permissions: Permissions? = nil,
        flags: Int? = nil,
        communicationDisabledUntil: String? = nil
    ) {
        self.user = user
        self.nick = nick
        self.avatar = avatar
        self.roles = roles
        self.joinedAt = joinedAt
        self.premiumSince = premiumSince
        self.deaf = deaf
        self.mute = mute
        self.pending = pending
        self.permissions = permissions
        self.flags = flags
        self.communicationDisabledUntil = communicationDisabledUntil
    }

    enum CodingKeys: String, CodingKey {
        case user, nick, avatar, roles, deaf, mute, pending, permissions, flags
        case joinedAt = "joined_at"
        case premiumSince = "premium_since"
        case communicationDisabledUntil = "communication_disabled_until"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        user = container.lenient(User.self, forKey: .user)
        nick = try container.decodeIfPresent(String.self, forKey: .nick)
        avatar = try container.decodeIfPresent(String.self, forKey: .avatar)
        roles = try container.decodeIfPresent([Snowflake].self, forKey: .roles) ?? []
        joinedAt = try container.decodeIfPresent(String.self, forKey: .joinedAt)
        premiumSince = try container.decodeIfPresent(String.self, forKey: .premiumSince)
        deaf = try container.decodeIfPresent(Bool.self, forKey: .deaf)
        mute = try container.decodeIfPresent(Bool.self, forKey: .mute)
        pending = try container.decodeIfPresent(Bool.self, forKey: .pending)
        permissions = container.lenient(Permissions.self, forKey: .permissions)
        flags = try container.decodeIfPresent(Int.self, forKey: .flags)
        communicationDisabledUntil = try container.decodeIfPresent(String.self, forKey: .communicationDisabledUntil)
    }
}
