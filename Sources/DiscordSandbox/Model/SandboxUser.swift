/// A Discord user: a person or the bot itself.
package struct SandboxUser: Sendable, Hashable {
    package let id: String
    package var username: String
    package var globalName: String?
    package var isBot: Bool
    /// When false, DMs to this user fail with 50007 like a user who closed their DMs.
    package var acceptsDirectMessages: Bool

    package init(
        id: String, username: String, globalName: String? = nil, isBot: Bool = false, acceptsDirectMessages: Bool = true
    ) {
        self.id = id
        self.username = username
        self.globalName = globalName
        self.isBot = isBot
        self.acceptsDirectMessages = acceptsDirectMessages
    }
}
