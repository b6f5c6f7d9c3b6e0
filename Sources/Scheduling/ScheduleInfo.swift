/// What a schedule is for, in the app's words. The scheduler stores and reports it, never reads it.
public struct ScheduleInfo: Hashable, Sendable, Codable {
    /// What a run does, e.g. "export-server", "export-all", "health".
    public var kind: String
    /// The guild the schedule belongs to, if any.
    public var guildID: String?
    /// The channel runs post to.
    public var channelID: String
    /// The user who set the schedule (told by DM when it stops on its own).
    public var setByUserID: String
    /// How the type is shown to people, e.g. "Server" or "All servers".
    public var typeLabel: String
    public var restartPolicy: RestartPolicy

    public init(
        kind: String,
        guildID: String? = nil,
        channelID: String,
        setByUserID: String,
        typeLabel: String,
        restartPolicy: RestartPolicy = .clear
    ) {
        self.kind = kind
        self.guildID = guildID
        self.channelID = channelID
        self.setByUserID = setByUserID
        self.typeLabel = typeLabel
        self.restartPolicy = restartPolicy
    }
}
