/// A Discord user: a person or the bot itself.
public struct SandboxUser: Sendable, Hashable {
    public let id: String
    public var username: String
    public var globalName: String?
    public var isBot: Bool
    /// When false, DMs to this user fail with 50007 like a user who closed their DMs.
    public var acceptsDirectMessages: Bool

    public init(
        id: String, username: String, globalName: String? = nil, isBot: Bool = false, acceptsDirectMessages: Bool = true
    ) {
        self.id = id
        self.username = username
        self.globalName = globalName
        self.isBot = isBot
        self.acceptsDirectMessages = acceptsDirectMessages
    }
}
