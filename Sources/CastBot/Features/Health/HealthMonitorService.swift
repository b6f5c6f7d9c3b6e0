import DiscordModels
import ExportFormat
import Foundation
import Logging
import Scheduling

/// The seed's health monitor ("Pattern 1") on the shared scheduler: every N hours a health report
/// (uptime, memory, data file, guilds, players, each export schedule's last result and next run)
/// is posted to a channel.
package actor HealthMonitorService {
    package static let scheduleKey: ScheduleKey = "health"

    private let work: ScheduledWorkContext
    private let runner: HealthReportRunner
    /// The health report's job (a schedule saved elsewhere is taken on with it).
    nonisolated var job: ScheduleJob { runner.job }
    private var clearedByRestart = false

    /// - Parameter startedAt: when the service started, for uptime.
    package init(work: ScheduledWorkContext, startedAt: Date) {
        self.work = work
        runner = HealthReportRunner(work: work, startedAt: startedAt)
    }

    /// Starts (or replaces) the health monitor, first report in 5 seconds; `hours` 0 stops it.
    /// Returns the confirmation text to send.
    @discardableResult
    package func apply(
        hours: Double, channelID: String, setByUserID: String, guildID: String? = nil, restartPolicy: RestartPolicy = .clear
    ) async throws(HealthMonitorError) -> String {
        for (field, value) in [("channel id", channelID), ("user id", setByUserID)] + (guildID.map { [("guild id", $0)] } ?? [])
        where !ExportScheduleService.isDiscordID(value) {
            throw .invalidID(field: field, value: value)
        }
        if let refusal = await work.deployment.scheduleChangeRefusal() { throw .schedulerRefused(refusal) }
        let key = Self.scheduleKey
        if hours == 0 {
            let wasActive = work.engine.status(key)?.isActive == true
            work.engine.stop(key, reason: "Stopped by <@\(setByUserID)> (interval set to 0).")
            return wasActive
                ? "⏹️ **Health Monitor Stopped**\n\nNo more health reports will be posted to <#\(channelID)>."
                : "⏹️ **Health Monitor Stopped**\n\nThere was no active health monitor; nothing changed."
        }
        let interval: ScheduleInterval
        do {
            interval = try ScheduleInterval(hours: hours)
        } catch {
            throw .hoursOutOfRange(hours)
        }
        let settings = ScheduleSettings(
            key: key, cadence: .every(interval),
            info: ScheduleInfo(
                kind: ExportScheduleKind.health, guildID: guildID, channelID: channelID, setByUserID: setByUserID,
                typeLabel: "Health report", restartPolicy: restartPolicy))
        let status: ScheduleStatus
        do {
            status = try work.engine.start(settings, firstRun: .afterDelay, job: runner.job)
        } catch {
            throw .schedulerRefused(error.description)
        }
        clearedByRestart = false
        let saved = HealthMonitorSettings(
            hours: hours, channelID: channelID, setByUserID: setByUserID, guildID: guildID, restartPolicy: restartPolicy)
        await work.stateStore.setHealthSettings(saved)
        work.logger.info("health monitor started", metadata: ["every": "\(interval)", "channel": "\(channelID)"])
        let restartLine =
            restartPolicy == .clear
            ? "⚠️ **Note**: The health monitor clears on bot restart"
            : "🔁 **Restart policy**: resume. The health monitor continues after a bot restart."
        return [
            "✅ **Health Monitor Scheduled**",
            "",
            "**Interval**: Every \(interval)",
            "**Channel**: <#\(channelID)>",
            "**First report**: \(ExportConfirmationText.firstExportText(status.nextRunAt, now: work.now()))",
            "",
            restartLine,
        ].joined(separator: "\n")
    }

    package func status() async -> ScheduleStatus? {
        work.engine.status(Self.scheduleKey)
    }

    /// The settings last applied (also from before a restart), for the modal.
    func lastSettings() async -> HealthMonitorSettings? {
        await work.stateStore.current().healthSettings
    }

    /// The monitor's state in a few Markdown lines.
    func statusText() async -> String {
        let status = work.engine.status(Self.scheduleKey)
        var lines: [String] = []
        if let status, status.isActive {
            lines.append("🟢 **Health monitor active**: every \(status.cadence.interval) to <#\(status.info.channelID)>")
            if let next = status.nextRunAt {
                lines.append("**Next report**: \(status.isRunning ? "running now" : DiscordTimestamp.markup(next, .relative))")
            }
        } else if let status, let stoppedAt = status.stoppedAt {
            lines.append("⏹️ **Health monitor stopped** \(DiscordTimestamp.markup(stoppedAt, .relative))\(status.stopReason.map { ": \($0.message)" } ?? "")")
        } else {
            lines.append("⏹️ Health monitor not active")
            if clearedByRestart {
                lines.append("The bot restarted and the monitor's restart policy is clear; set it again to continue.")
            }
        }
        if let run = status?.lastRun {
            let result = run.result.kind == .succeeded ? "✅" : "❌ \(run.result.message ?? run.result.kind.rawValue)"
            lines.append("**Last report**: \(result) \(DiscordTimestamp.markup(run.finishedAt, .relative))")
        }
        if status?.isActive != true, let settings = await work.stateStore.current().healthSettings {
            lines.append("**Last settings**: every \(settings.hours) hours to <#\(settings.channelID)>, restart policy \(settings.restartPolicy.rawValue)")
        }
        return lines.joined(separator: "\n")
    }

    /// Brings a saved `resume` monitor back at startup; a `clear` one is logged and stays off.
    func restoreSavedSchedule() async -> ScheduleRestoreReport {
        let saved = await work.stateStore.current().schedules?.schedules.filter { $0.key == Self.scheduleKey } ?? []
        let job = runner.job
        let report = await ScheduleRestorer.restore(
            saved, into: work.engine, restartPolicyApplies: work.deployment.restartPolicyApplies, logger: work.logger) { _ in job }
        clearedByRestart = !report.cleared.isEmpty
        return report
    }
}

/// Why a health monitor request was refused; nothing was changed.
package enum HealthMonitorError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Hours outside 0.016...168 (0 stops).
    case hoursOutOfRange(Double)
    case invalidID(field: String, value: String)
    case schedulerRefused(String)

    package var description: String {
        switch self {
        case .hoursOutOfRange(let hours):
            "\(hours) hours is not allowed. Use a number of hours from 0.016 (about 1 minute) to 168 (one week), or 0 to stop the health monitor."
        case .invalidID(let field, let value):
            "The \(field) \"\(value.prefix(40))\" is not a Discord id (17 to 20 digits)."
        case .schedulerRefused(let reason):
            "The health monitor was not changed: \(reason)"
        }
    }

    package var errorDescription: String? { description }
}
