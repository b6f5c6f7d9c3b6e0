/// What a schedule is for, in the app's words. The scheduler stores and reports it, never reads it.
package struct ScheduleInfo: Hashable, Sendable, Codable {
    /// What a run does, e.g. "export-server", "export-all", "health".
    package var kind: String
    /// The guild the schedule belongs to, if any.
    package var guildID: String?
    /// The channel runs post to.
    package var channelID: String
    /// The user who set the schedule (told by DM when it stops on its own).
    package var setByUserID: String
    /// How the type is shown to people, e.g. "Server" or "All servers".
    package var typeLabel: String
    package var restartPolicy: RestartPolicy

    package init(
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
