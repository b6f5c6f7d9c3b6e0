public import Scheduling

/// What the health monitor modal needs from the health monitor (`HealthMonitorService` in the
/// app, a recording fake in tests).
public protocol HealthMonitorControlling: Sendable {
    /// Starts, replaces or (hours 0) stops the health report. Returns the confirmation to show;
    /// a thrown error's description is shown to the user.
    func apply(hours: Double, channelID: String, setByUserID: String, guildID: String?, restartPolicy: RestartPolicy) async throws -> String
    /// A few lines of Markdown on the report's schedule.
    func statusText() async -> String
    /// The settings last applied, for the modal.
    func lastSettings() async -> HealthMonitorSettings?
}

extension HealthMonitorService: HealthMonitorControlling {}
