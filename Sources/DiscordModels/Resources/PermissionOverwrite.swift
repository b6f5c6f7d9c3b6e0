/// A channel's permission overwrite for a role (type 0) or a member (type 1).
public struct PermissionOverwrite: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var type: Int
    public var allow: Permissions
    public var deny: Permissions

    public init(id: Snowflake, type: Int, allow: Permissions, deny: Permissions) {
        self.id = id
        self.type = type
        self.allow = allow
        self.deny = deny
    }
}
