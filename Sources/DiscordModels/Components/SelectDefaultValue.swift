/// A pre-selected entry of a user, role, mentionable or channel select.
package struct SelectDefaultValue: Sendable, Hashable, Codable {
    package var id: Snowflake
    /// "user", "role" or "channel".
    package var type: String

    package init(id: Snowflake, type: String) {
        self.id = id
        self.type = type
    }
}
