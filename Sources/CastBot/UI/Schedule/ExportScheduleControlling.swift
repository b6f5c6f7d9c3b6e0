import Scheduling

/// Which data a schedule or a manual export covers.
public enum ExportTarget: String, Sendable, Equatable, CaseIterable {
    /// This server only (a v1.0 server export).
    case server
    /// Every server (the whole data file); owners only.
    case all
}

/// A change to a schedule, as the schedule modal submits it. `intervalMinutes` 0 stops it.
public struct ExportScheduleChange: Sendable, Equatable {
    public var target: ExportTarget
    /// The server the modal was submitted in (the schedule's server for `.server`).
    public var guildID: String
    /// Where the exports are posted.
    public var channelID: String
    /// Told by DM when the schedule stops on its own.
    public var setByUserID: String
    public var intervalMinutes: Int
    /// `HH:MM` UTC; when set, runs are anchored to that time of day.
    public var dailyAt: String?
    public var restartPolicy: RestartPolicy

    public init(
        target: ExportTarget, guildID: String, channelID: String, setByUserID: String, intervalMinutes: Int,
        dailyAt: String?, restartPolicy: RestartPolicy
    ) {
        self.target = target
        self.guildID = guildID
        self.channelID = channelID
        self.setByUserID = setByUserID
        self.intervalMinutes = intervalMinutes
        self.dailyAt = dailyAt
        self.restartPolicy = restartPolicy
    }
}

/// What the schedule UI needs from the export scheduler. The app adapts the exports service to
/// it; tests use a recording fake.
public protocol ExportScheduleControlling: Sendable {
    /// Starts, replaces or (interval 0) stops a schedule. A thrown error's description is shown
    /// to the user, so it must say what was wrong.
    func apply(_ change: ExportScheduleChange) async throws
    /// A few lines of Markdown on the schedule of a server (`.server`) or of every server (`.all`).
    func statusText(for target: ExportTarget, guildID: String) async -> String
    /// The settings last submitted, kept after a stop or a restart so the modal can offer them again.
    func lastSettings(for target: ExportTarget, guildID: String) async -> ExportScheduleChange?
}
