/// A guild (server) the bot is in.
package struct SandboxGuild: Sendable, Hashable {
    package let id: String
    package var name: String
    package var ownerID: String?
    package var locale: String

    package init(id: String, name: String, ownerID: String? = nil, locale: String = "en-US") {
        self.id = id
        self.name = name
        self.ownerID = ownerID
        self.locale = locale
    }
}
