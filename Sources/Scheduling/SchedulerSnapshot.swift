import Foundation

/// All schedules' settings and state at one moment, sorted by key so equal states encode equally.
/// Writing it somewhere is the app's job.
public struct SchedulerSnapshot: Hashable, Sendable, Codable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var takenAt: Date
    public var schedules: [ScheduleStatus]

    public init(takenAt: Date, schedules: [ScheduleStatus]) {
        formatVersion = Self.currentFormatVersion
        self.takenAt = takenAt
        self.schedules = schedules.sorted { $0.key < $1.key }
    }
}
