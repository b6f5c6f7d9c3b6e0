/// An emoji as used on buttons and select options: a unicode `name`, or a custom emoji `id`.
package struct PartialEmoji: Sendable, Hashable, Codable {
    package var id: Snowflake?
    package var name: String?
    package var animated: Bool?

    package init(id: Snowflake? = nil, name: String? = nil, animated: Bool? = nil) {
        self.id = id
        self.name = name
        self.animated = animated
    }
}
