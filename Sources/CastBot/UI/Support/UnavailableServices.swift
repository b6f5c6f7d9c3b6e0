/// Stand-ins used when the app is built without the export scheduler or the health monitor:
/// the UI still works and says plainly that scheduling is unavailable.
public struct UnavailableExportSchedules: ExportScheduleControlling {
    public init() {}

    public func apply(_ change: ExportScheduleChange) async throws {
        throw Refusal("❌ Scheduled exports are not available in this build of the bot.")
    }

    public func statusText(for target: ExportTarget, guildID: String) async -> String {
        "⏹️ No schedule active (scheduled exports are not available in this build)"
    }

    public func lastSettings(for target: ExportTarget, guildID: String) async -> ExportScheduleChange? { nil }
}

public struct UnavailableHealthMonitor: HealthMonitorControlling {
    public init() {}

    public func apply(hours: Double, channelID: String, setByUserID: String) async throws -> String {
        throw Refusal("❌ The health monitor is not available in this build of the bot.")
    }

    public func statusText() async -> String { "⏹️ Health monitor not available in this build" }
}
