/// A channel, with the permissions the bot effectively holds in it.
public struct SandboxChannel: Sendable, Hashable {
    /// Discord channel types the sandbox distinguishes.
    public enum Kind: Int, Sendable, Hashable {
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

    public let id: String
    public var kind: Kind
    public var guildID: String?
    public var name: String?
    public var botPermissions: SandboxPermissions
    /// For DM channels: the user on the other side.
    public var recipientIDs: [String]

    public init(
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
