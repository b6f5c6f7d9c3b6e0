/// A guild role (as resolved in interactions).
public struct Role: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var name: String
    public var permissions: Permissions?
    public var color: Int?
    public var position: Int?
    public var hoist: Bool?
    public var managed: Bool?
    public var mentionable: Bool?

    public init(
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
