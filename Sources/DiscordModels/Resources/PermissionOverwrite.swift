/// A channel's permission overwrite for a role (type 0) or a member (type 1).
package struct PermissionOverwrite: Sendable, Hashable, Codable {
    package var id: Snowflake
    package var type: Int
    package var allow: Permissions
    package var deny: Permissions

    package init(id: Snowflake, type: Int, allow: Permissions, deny: Permissions) {
        self.id = id
        self.type = type
        self.allow = allow
        self.deny = deny
    }
}
