import DiscordModels
import Foundation
import Logging
import PlayerData
import Scheduling

/// Export schedules: one per guild (`server` exports) plus one for `all`, all on the shared scheduler.
///
/// The UI calls `apply` with the modal's values and sends back `confirmation.message`; the
/// status methods feed the menu, the View Live button and the modal's read-only status.
/// Settings are remembered (and written to the state file) so the modal can be pre-filled, even
/// after a restart that cleared the schedule.
package actor ExportScheduleService {
    let work: ScheduledWorkContext
    private let runner: ScheduledExportRunner

    /// An export schedule's job (a schedule saved elsewhere is taken on with it).
    nonisolated func job(for scope: ExportScope) -> ScheduleJob { runner.job(for: scope) }
    /// Schedules a restart cleared (restart policy `clear`), until they are set again.
    private var clearedByRestart: Set<ScheduleKey> = []

    package init(work: ScheduledWorkContext) {
        self.work = work
        runner = ScheduledExportRunner(work: work)
    }

    /// Starts or replaces the scope's schedule (first export 5 seconds from now), or stops it when
    /// `intervalMinutes` is 0. Throws, changing nothing, when a value is not allowed.
    @discardableResult
    package func apply(_ request: ExportScheduleRequest) async throws(ExportScheduleError) -> ExportScheduleConfirmation {
        try Self.validateIDs(request)
        if let refusal = await work.deployment.scheduleChangeRefusal() { throw .schedulerRefused(refusal) }
        let key = request.scope.scheduleKey
        guard !request.stops else {
            let wasActive = work.engine.status(key)?.isActive == true
            // The event monitor writes the stopped schedule's row.
            work.engine.stop(key, reason: "Stopped by <@\(request.setByUserID)> (interval set to 0).")
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
        let estimate = await ExportEstimate.make(for: request.scope, snapshots: work.snapshots, now: work.now())

        let status: ScheduleStatus
        do {
            status = try work.engine.start(settings, firstRun: .afterDelay, job: runner.job(for: request.scope))
        } catch {
            throw ExportScheduleError(error, request: request)
        }
        clearedByRestart.remove(key)
        await work.stateStore.setExportSettings(request, for: key)
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
    package func status(for scope: ExportScope) async -> ScheduleStatus? {
        work.engine.status(scope.scheduleKey)
    }

    /// The settings last applied for the scope (also from before a restart), for the modal.
    func lastSettings(for scope: ExportScope) async -> ExportScheduleRequest? {
        await work.stateStore.current().exportSettings[scope.scheduleKey.rawValue]
    }

    /// Stores retention with the scope's settings; the runner reads it at each run. Nil when the
    /// scope has no settings to add it to.
    func setRetention(keepLast: Int?, for scope: ExportScope) async -> ExportScheduleRequest? {
        guard var settings = await lastSettings(for: scope) else { return nil }
        settings.keepLast = keepLast
        await work.stateStore.setExportSettings(settings, for: scope.scheduleKey)
        work.logger.info("export retention set", metadata: ["schedule": "\(scope.scheduleKey)", "keep_last": "\(keepLast.map(String.init) ?? "all")"])
        return settings
    }

    /// The schedule's state in a few Markdown lines, for the menu, View Live and the modal.
    func statusText(for scope: ExportScope) async -> String {
        let state = await work.stateStore.current()
        let key = scope.scheduleKey.rawValue
        return ExportStatusText.describe(
            status: work.engine.status(scope.scheduleKey), lastSettings: state.exportSettings[key],
            lastExport: state.lastExports[key], clearedByRestart: clearedByRestart.contains(scope.scheduleKey))
    }

    /// Brings the saved schedules back at startup (see `ScheduleRestorer`); returns what it did.
    func restoreSavedSchedules() async -> ScheduleRestoreReport {
        let saved = await work.stateStore.current().schedules?.schedules ?? []
        let exports = saved.filter { ExportScope(scheduleKey: $0.key) != nil }
        let runner = runner
        let report = await ScheduleRestorer.restore(
            exports, into: work.engine, restartPolicyApplies: work.deployment.restartPolicyApplies, logger: work.logger) { status in
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

/// The answer to a schedule request: the facts, and the seed's confirmation text ready to send.
package struct ExportScheduleConfirmation: Sendable, Equatable {
    /// False when the request stopped the schedule (interval 0).
    package var isScheduled: Bool
    /// "every 24 hours (1440 minutes)" or "daily at 03:00 UTC"; empty when stopped.
    package var cadenceLabel: String
    /// "Current Server" or "All Servers".
    package var typeLabel: String
    package var channelID: String
    /// Guilds the export would hold now (1 for a server export).
    package var guildCount: Int
    /// The size an export made now would have; nil when the data file (or the guild) has no data yet.
    package var estimatedSizeBytes: Int?
    /// When the first export is due; nil when stopped.
    package var firstRunAt: Date?
    package var restartPolicy: RestartPolicy
    /// Problems worth telling the admin that did not prevent scheduling (e.g. the guild has no data yet).
    package var notes: [String]
    /// The message to send (Markdown), following the seed's confirmation.
    package var message: String

    package init(
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
