/// A guild (server) the bot is in.
public struct SandboxGuild: Sendable, Hashable {
    public let id: String
    public var name: String
    public var ownerID: String?
    public var locale: String

    public init(id: String, name: String, ownerID: String? = nil, locale: String = "en-US") {
        self.id = id
        self.name = name
        self.ownerID = ownerID
        self.locale = locale
    }
}
