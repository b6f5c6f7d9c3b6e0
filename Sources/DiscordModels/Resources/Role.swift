/// A guild role (as resolved in interactions).
package struct Role: Sendable, Hashable, Codable {
    package var id: Snowflake
    package var name: String
    package var permissions: Permissions?
    package var color: Int?
    package var position: Int?
    package var hoist: Bool?
    package var managed: Bool?
    package var mentionable: Bool?

    package init(
        id: Snowflake,
        name: String,
        permissions: Permissions? = nil,
        color: Int? = nil,
        position: Int? = nil,
        hoist: Bool? = nil,
        managed: Bool? = nil,
        mentionable: Bool? = nil
    ) {
        self.id = id
        self.name = name
        self.permissions = permissions
        self.color = color
        self.position = position
        self.hoist = hoist
        self.managed = managed
        self.mentionable = mentionable
    }
}
