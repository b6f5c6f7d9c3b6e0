/// An incoming webhook (type 1) in a channel.
public struct SandboxWebhook: Sendable, Hashable {
    public let id: String
    public let token: String
    public let channelID: String
    public let guildID: String?
    public var name: String
    /// Set when an application (through its bot) created the webhook; sweeping logic keys on it.
    public let applicationID: String?
    public let creatorUserID: String?
    /// The `X-Audit-Log-Reason` sent when the webhook was created.
    public let auditLogReason: String?

    public init(
        id: String, token: String, channelID: String, guildID: String?, name: String, applicationID: String?,
        creatorUserID: String?, auditLogReason: String? = nil
    ) {
        self.id = id
        self.token = token
        self.channelID = channelID
        self.guildID = guildID
        self.name = name
        self.applicationID = applicationID
        self.creatorUserID = creatorUserID
        self.auditLogReason = auditLogReason
    }
}
