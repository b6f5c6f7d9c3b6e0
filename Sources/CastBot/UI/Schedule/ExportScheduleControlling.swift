/// What the schedule UI needs from the export scheduler (`ExportScheduleService` in the app, a
/// recording fake in tests).
public protocol ExportScheduleControlling: Sendable {
    /// Starts, replaces or (interval 0) stops the scope's schedule. A thrown error's description
    /// is shown to the user, so it must say what was wrong.
    func apply(_ request: ExportScheduleRequest) async throws -> ExportScheduleConfirmation
    /// The scope's schedule in a few Markdown lines.
    func statusText(for scope: ExportScope) async -> String
    /// The settings last applied, kept after a stop or a restart so the modal can offer them again.
    func lastSettings(for scope: ExportScope) async -> ExportScheduleRequest?
}

extension ExportScheduleService: ExportScheduleControlling {}
