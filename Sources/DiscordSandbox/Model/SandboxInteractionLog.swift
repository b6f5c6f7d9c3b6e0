/// What happened to one interaction the sandbox sent: how the bot answered and what it posted.
public struct SandboxInteractionLog: Sendable, Hashable {
    public let id: String
    public let token: String
    /// Discord interaction type: 1 ping, 2 command, 3 component, 4 autocomplete, 5 modal submit.
    public let type: Int
    public let channelID: String?
    public let guildID: String?
    public let userID: String?
    /// The callback type the bot answered with (1 pong, 4 message, 5 deferred, 6, 7 update, 9 modal).
    public internal(set) var responseType: Int?
    /// The callback's `data` (a message, or a modal with `custom_id`, `title`, `components`).
    public internal(set) var responseData: SandboxJSON?
    public internal(set) var originalMessageID: String?
    public internal(set) var followupMessageIDs: [String]
    /// Why a reply was refused, as Discord would show "This interaction failed".
    public internal(set) var rejectedReplies: [String]

    public var isAcknowledged: Bool { responseType != nil }

    init(id: String, token: String, type: Int, channelID: String?, guildID: String?, userID: String?) {
        self.id = id
        self.token = token
        self.type = type
        self.channelID = channelID
        self.guildID = guildID
        self.userID = userID
        self.followupMessageIDs = []
        self.rejectedReplies = []
    }
}
