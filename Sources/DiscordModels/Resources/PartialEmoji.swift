/// An emoji as used on buttons and select options: a unicode `name`, or a custom emoji `id`.
public struct PartialEmoji: Sendable, Hashable, Codable {
    public var id: Snowflake?
    public var name: String?
    public var animated: Bool?

    public init(id: Snowflake? = nil, name: String? = nil, animated: Bool? = nil) {
        self.id = id
        self.name = name
        self.animated = animated
    }
}
