public import Foundation
public import Scheduling

/// The answer to a schedule request: the facts, and the seed's confirmation text ready to send.
public struct ExportScheduleConfirmation: Sendable, Equatable {
    /// False when the request stopped the schedule (interval 0).
    public var isScheduled: Bool
    /// "every 24 hours (1440 minutes)" or "daily at 03:00 UTC"; empty when stopped.
    public var cadenceLabel: String
    /// "Current Server" or "All Servers".
    public var typeLabel: String
    public var channelID: String
    /// Guilds the export would hold now (1 for a server export).
    public var guildCount: Int
    /// The size an export made now would have; nil when the data file (or the guild) has no data yet.
    public var estimatedSizeBytes: Int?
    /// When the first export is due; nil when stopped.
    public var firstRunAt: Date?
    public var restartPolicy: RestartPolicy
    /// Problems worth telling the admin that did not prevent scheduling (e.g. the guild has no data yet).
    public var notes: [String]
    /// The message to send (Markdown), following the seed's confirmation.
    public var message: String

    public init(
        isScheduled: Bool, cadenceLabel: String, typeLabel: String, channelID: String, guildCount: Int,
        estimatedSizeBytes: Int?, firstRunAt: Date?, restartPolicy: RestartPolicy, notes: [String], message: String
    ) {
        self.isScheduled = isScheduled
        self.cadenceLabel = cadenceLabel
        self.typeLabel = typeLabel
        self.channelID = channelID
        self.guildCount = guildCount
        self.estimatedSizeBytes = estimatedSizeBytes
        self.firstRunAt = firstRunAt
        self.restartPolicy = restartPolicy
        self.notes = notes
        self.message = message
    }
}
