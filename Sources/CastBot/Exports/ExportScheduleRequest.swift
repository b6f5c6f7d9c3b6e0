public import Scheduling

/// What the schedule modal asks for. Also what is remembered (and survives restarts) to pre-fill
/// the modal next time.
public struct ExportScheduleRequest: Hashable, Sendable, Codable {
    /// Which export: this guild (`.guild(id)`) or every guild (`.all`, owners only: the caller checks).
    public var scope: ExportScope
    /// The guild the schedule was set in (for `.all`, where the modal was used).
    public var guildID: String
    /// The channel exports are posted to.
    public var channelID: String
    /// The admin who set the schedule; told by DM when it stops on its own.
    public var setByUserID: String
    /// Minutes between exports, 1...10080; 0 stops the schedule.
    public var intervalMinutes: Int
    /// Optional `HH:MM` UTC the runs are anchored to.
    public var dailyAt: String?
    /// `clear` (default, the seed's): a restart ends the schedule; `resume`: it comes back.
    public var restartPolicy: RestartPolicy

    public init(
        scope: ExportScope,
        guildID: String,
        channelID: String,
        setByUserID: String,
        intervalMinutes: Int,
        dailyAt: String? = nil,
        restartPolicy: RestartPolicy = .clear
    ) {
        self.scope = scope
        self.guildID = guildID
        self.channelID = channelID
        self.setByUserID = setByUserID
        self.intervalMinutes = intervalMinutes
        self.dailyAt = dailyAt
        self.restartPolicy = restartPolicy
    }

    /// True when the request stops the schedule.
    public var stops: Bool { intervalMinutes == 0 }
}
