/// A Discord application (the fields the bot reads; anything else in the payload is ignored).
package struct Application: Sendable, Hashable, Codable {
    package var id: Snowflake
    package var name: String

    package init(id: Snowflake, name: String) {
        self.id = id
        self.name = name
    }
}
