/// A channel, with the permissions the bot effectively holds in it.
package struct SandboxChannel: Sendable, Hashable {
    /// Discord channel types the sandbox distinguishes.
    package enum Kind: Int, Sendable, Hashable {
        case guildText = 0
        case dm = 1
        case guildVoice = 2
        case groupDM = 3
        case guildCategory = 4
        case guildAnnouncement = 5
        case announcementThread = 10
        case publicThread = 11
        case privateThread = 12
        case guildStageVoice = 13
        case guildForum = 15
    }

    package let id: String
    package var kind: Kind
    package var guildID: String?
    package var name: String?
    package var botPermissions: SandboxPermissions
    /// For DM channels: the user on the other side.
    package var recipientIDs: [String]

    package init(
        id: String,
        kind: Kind = .guildText,
        guildID: String?,
        name: String? = nil,
        botPermissions: SandboxPermissions = .typicalBot,
        recipientIDs: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.guildID = guildID
        self.name = name
        self.botPermissions = botPermissions
        self.recipientIDs = recipientIDs
    }

    var isDirectMessage: Bool { kind == .dm || kind == .groupDM }

    /// Channel types that hold webhooks.
    var acceptsWebhooks: Bool {
        [.guildText, .guildVoice, .guildAnnouncement, .guildStageVoice, .guildForum].contains(kind)
    }

    /// Channel types where messages can be posted directly.
    var acceptsMessages: Bool {
        kind != .guildCategory && kind != .guildForum
    }
}
