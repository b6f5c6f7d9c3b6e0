import Foundation
public import Scheduling

/// Everything the service keeps about its schedules between restarts, stored as
/// `CASTBOT_DATA_DIR/castbot-state.json`.
public struct ServiceState: Hashable, Sendable, Codable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    /// The last settings of each export schedule, by scheduler key (for the modal's pre-fill).
    public var exportSettings: [String: ExportScheduleRequest]
    /// The last delivered export of each schedule, by scheduler key (for the drop warning).
    public var lastExports: [String: LastExportRecord]
    public var healthSettings: HealthMonitorSettings?
    /// The scheduler's schedules when last saved; `resume` ones are restored at startup.
    public var schedules: SchedulerSnapshot?

    public init(
        exportSettings: [String: ExportScheduleRequest] = [:],
        lastExports: [String: LastExportRecord] = [:],
        healthSettings: HealthMonitorSettings? = nil,
        schedules: SchedulerSnapshot? = nil
    ) {
        formatVersion = Self.currentFormatVersion
        self.exportSettings = exportSettings
        self.lastExports = lastExports
        self.healthSettings = healthSettings
        self.schedules = schedules
    }
}
