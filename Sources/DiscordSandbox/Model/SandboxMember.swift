/// A user's membership in a guild, with the guild-level permissions Discord
/// reports as `member.permissions` in interactions.
package struct SandboxMember: Sendable, Hashable {
    package let guildID: String
    package let userID: String
    package var permissions: SandboxPermissions
    package var roleIDs: [String]
    package var nick: String?

    package init(
        guildID: String, userID: String, permissions: SandboxPermissions, roleIDs: [String] = [], nick: String? = nil
    ) {
        self.guildID = guildID
        self.userID = userID
        self.permissions = permissions
        self.roleIDs = roleIDs
        self.nick = nick
    }
}
