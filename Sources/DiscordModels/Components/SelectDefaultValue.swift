/// A pre-selected entry of a user, role, mentionable or channel select.
public struct SelectDefaultValue: Sendable, Hashable, Codable {
    public var id: Snowflake
    /// "user", "role" or "channel".
    public var type: String

    public init(id: Snowflake, type: String) {
        self.id = id
        self.type = type
    }
}
