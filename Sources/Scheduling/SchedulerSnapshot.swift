import Foundation

/// All schedules' settings and state at one moment, sorted by key so equal states encode equally.
/// Writing it somewhere is the app's job.
package struct SchedulerSnapshot: Hashable, Sendable, Codable {
    package static let currentFormatVersion = 1

    package var formatVersion: Int
    package var takenAt: Date
    package var schedules: [ScheduleStatus]

    package init(takenAt: Date, schedules: [ScheduleStatus]) {
        formatVersion = Self.currentFormatVersion
        self.takenAt = takenAt
        self.schedules = schedules.sorted { $0.key < $1.key }
    }
}
