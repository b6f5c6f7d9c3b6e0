/// The body of a new or edited message: create message, execute webhook, interaction follow-ups,
/// edits and interaction callback messages all use this shape. Unset fields are not sent.
package struct MessagePayload: Sendable, Hashable, Codable {
    package var content: String?
    package var tts: Bool?
    package var embeds: [Embed]?
    package var allowedMentions: AllowedMentions?
    package var flags: MessageFlags?
    package var components: [Component]?
    package var attachments: [AttachmentReference]?
    /// Execute webhook only: overrides the webhook's name.
    package var username: String?
    /// Execute webhook only: overrides the webhook's avatar.
    package var avatarURL: String?
    /// Execute webhook only: creates a thread in a forum channel.
    package var threadName: String?

    package init(
        content: String? = nil,
        tts: Bool? = nil,
        embeds: [Embed]? = nil,
        allowedMentions: AllowedMentions? = nil,
        flags: MessageFlags? = nil,
        components: [Component]? = nil,
        attachments: [AttachmentReference]? = nil,
        username: String? = nil,
        avatarURL: String? = nil,
        threadName: String? = nil
    ) {
        self.content = content
        self.tts = tts
        self.embeds = embeds
        self.allowedMentions = allowedMentions
        self.flags = flags
        self.components = components
        self.attachments = attachments
        self.username = username
        self.avatarURL = avatarURL
        self.threadName = threadName
    }

    enum CodingKeys: String, CodingKey {
        case content, tts, embeds, flags, components, attachments, username
        case allowedMentions = "allowed_mentions"
        case avatarURL = "avatar_url"
        case threadName = "thread_name"
    }
}
