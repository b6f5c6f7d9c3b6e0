import Logging
import Foundation
import DiscordModels
import PlayerData
public import Scheduling

/// Export schedules: one per guild (`server` exports) plus one for `all`, all on the shared scheduler.
///
/// The UI calls `apply` with the modal's values and sends back `confirmation.message`; the
/// status methods feed the menu, the View Live button and the modal's read-only status.
/// Settings are remembered (and written to the state file) so the modal can be pre-filled, even
/// after a restart that cleared the schedule.
public actor ExportScheduleService {
    private let work: ScheduledWorkContext
    private let runner: ScheduledExportRunner
    /// Schedules a restart cleared (restart policy `clear`), until they are set again.
    private var clearedByRestart: Set<ScheduleKey> = []

    public init(work: ScheduledWorkContext) {
        self.work = work
        runner = ScheduledExportRunner(work: work)
    }

    /// Starts or replaces the scope's schedule (first export 5 seconds from now), or stops it when
    /// `intervalMinutes` is 0. Throws, changing nothing, when a value is not allowed.
    @discardableResult
    public func apply(_ request: ExportScheduleRequest) async throws(ExportScheduleError) -> ExportScheduleConfirmation {
        try Self.validateIDs(request)
        let key = request.scope.scheduleKey
        guard !request.stops else {
            let wasActive = work.engine.status(key)?.isActive == true
            work.engine.stop(key, reason: "Stopped by <@\(request.setByUserID)> (interval set to 0).")
            await work.stateStore.save()
            work.logger.info("export schedule stopped", metadata: ["schedule": "\(key)", "by": "\(request.setByUserID)"])
            return ExportConfirmationText.stopped(request, wasActive: wasActive)
        }

        let parsed: ScheduleCadence?
        do {
            parsed = try ScheduleCadence.parse(intervalMinutes: request.intervalMinutes, dailyAt: request.dailyAt)
        } catch {
            throw ExportScheduleError(error, request: request)
        }
        guard let cadence = parsed else { throw .intervalOutOfRange(request.intervalMinutes) }
        let settings = ScheduleSettings(key: key, cadence: cadence, info: Self.info(for: request))
        let estimate = await ExportEstimate.make(for: request.scope, store: work.dataStore, now: work.now())

        let status: ScheduleStatus
        do {
            status = try work.engine.start(settings, firstRun: .afterDelay, job: runner.job(for: request.scope))
        } catch {
            throw ExportScheduleError(error, request: request)
        }
        clearedByRestart.remove(key)
        await work.stateStore.update { $0.exportSettings[key.rawValue] = request }
        work.metrics.activeSchedules(work.engine.diagnostics().activeSchedules)
        work.logger.info(
            "export schedule started",
            metadata: [
                "schedule": "\(key)", "cadence": "\(cadence)", "channel": "\(request.channelID)",
                "by": "\(request.setByUserID)", "restart_policy": "\(request.restartPolicy.rawValue)",
            ])
        return ExportConfirmationText.scheduled(request, cadence: cadence, estimate: estimate, firstRunAt: status.nextRunAt, now: work.now())
    }

    /// The scheduler's status of the scope's schedule, active or stopped; nil if it never ran
    /// since the service started (see `lastSettings` for what was set before).
    public func status(for scope: ExportScope) async -> ScheduleStatus? {
        work.engine.status(scope.scheduleKey)
    }

    /// The settings last applied for the scope (also from before a restart), for the modal.
    public func lastSettings(for scope: ExportScope) async -> ExportScheduleRequest? {
        await work.stateStore.current().exportSettings[scope.scheduleKey.rawValue]
    }

    /// The schedule's state in a few Markdown lines, for the menu, View Live and the modal.
    public func statusText(for scope: ExportScope) async -> String {
        let state = await work.stateStore.current()
        let key = scope.scheduleKey.rawValue
        return ExportStatusText.describe(
            status: work.engine.status(scope.scheduleKey), lastSettings: state.exportSettings[key],
            lastExport: state.lastExports[key], clearedByRestart: clearedByRestart.contains(scope.scheduleKey))
    }

    /// Brings the saved schedules back at startup (see `ScheduleRestorer`); returns what it did.
    public func restoreSavedSchedules() async -> ScheduleRestoreReport {
        let saved = await work.stateStore.current().schedules?.schedules ?? []
        let exports = saved.filter { ExportScope(scheduleKey: $0.key) != nil }
        let runner = runner
        let report = await ScheduleRestorer.restore(exports, work: work) { status in
            ExportScope(scheduleKey: status.key).map(runner.job(for:))
        }
        clearedByRestart.formUnion(report.cleared)
        return report
    }

    static func info(for request: ExportScheduleRequest) -> ScheduleInfo {
        ScheduleInfo(
            kind: request.scope.scheduleKind, guildID: request.guildID, channelID: request.channelID,
            setByUserID: request.setByUserID, typeLabel: request.scope.typeLabel, restartPolicy: request.restartPolicy)
    }

    private static func validateIDs(_ request: ExportScheduleRequest) throws(ExportScheduleError) {
        let fields: [(String, String)] =
            [("channel id", request.channelID), ("user id", request.setByUserID), ("guild id", request.guildID)]
            + (request.scope.guildID.map { [("export guild id", $0)] } ?? [])
        for (field, value) in fields where !isDiscordID(value) {
            throw .invalidID(field: field, value: value)
        }
    }

    static func isDiscordID(_ text: String) -> Bool {
        DiscordModels.Snowflake(typed: text) != nil
    }
}
