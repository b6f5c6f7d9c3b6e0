/// What the health monitor modal needs from the health monitor. The app adapts the health
/// service to it; tests use a recording fake.
public protocol HealthMonitorControlling: Sendable {
    /// Starts, replaces or (hours 0) stops the health report. Returns the confirmation to show;
    /// a thrown error's description is shown to the user.
    func apply(hours: Double, channelID: String, setByUserID: String) async throws -> String
    /// A few lines of Markdown on the report's schedule.
    func statusText() async -> String
}
