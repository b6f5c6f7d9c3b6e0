/// What happened to one interaction the sandbox sent: how the bot answered and what it posted.
package struct SandboxInteractionLog: Sendable, Hashable {
    package let id: String
    package let token: String
    /// Discord interaction type: 1 ping, 2 command, 3 component, 4 autocomplete, 5 modal submit.
    package let type: Int
    package let channelID: String?
    package let guildID: String?
    package let userID: String?
    /// The callback type the bot answered with (1 pong, 4 message, 5 deferred, 6, 7 update, 9 modal).
    package internal(set) var responseType: Int?
    /// The callback's `data` (a message, or a modal with `custom_id`, `title`, `components`).
    package internal(set) var responseData: SandboxJSON?
    package internal(set) var originalMessageID: String?
    package internal(set) var followupMessageIDs: [String]
    /// Why a reply was refused, as Discord would show "This interaction failed".
    package internal(set) var rejectedReplies: [String]

    package var isAcknowledged: Bool { responseType != nil }

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
