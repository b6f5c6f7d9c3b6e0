/// An incoming webhook (type 1) in a channel.
package struct SandboxWebhook: Sendable, Hashable {
    package let id: String
    package let token: String
    package let channelID: String
    package let guildID: String?
    package var name: String
    /// Set when an application (through its bot) created the webhook; sweeping logic keys on it.
    package let applicationID: String?
    package let creatorUserID: String?
    /// The `X-Audit-Log-Reason` sent when the webhook was created.
    package let auditLogReason: String?

    package init(
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
