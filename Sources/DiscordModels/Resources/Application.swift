/// A Discord application (the fields the bot reads; anything else in the payload is ignored).
public struct Application: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var name: String

    public init(id: Snowflake, name: String) {
        self.id = id
        self.name = name
    }
}
