/// A user's membership in a guild, with the guild-level permissions Discord
/// reports as `member.permissions` in interactions.
public struct SandboxMember: Sendable, Hashable {
    public let guildID: String
    public let userID: String
    public var permissions: SandboxPermissions
    public var roleIDs: [String]
    public var nick: String?

    public init(
        guildID: String, userID: String, permissions: SandboxPermissions, roleIDs: [String] = [], nick: String? = nil
    ) {
        self.guildID = guildID
        self.userID = userID
        self.permissions = permissions
        self.roleIDs = roleIDs
        self.nick = nick
    }
}
