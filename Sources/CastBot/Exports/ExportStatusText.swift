import Foundation
import Scheduling

/// A schedule's state in a few Markdown lines (menu, View Live, the modal's read-only status).
enum ExportStatusText {
    static func describe(
        status: ScheduleStatus?, lastSettings: ExportScheduleRequest?, lastExport: LastExportRecord?, clearedByRestart: Bool = false
    ) -> String {
        var lines: [String] = []
        if let status, status.isActive {
            lines.append("🟢 **Active**: \(CadenceText.describe(status.cadence)), \(status.info.typeLabel) export to <#\(status.info.channelID)>")
            if status.isRunning {
                lines.append("**Next export**: running now")
            } else if let next = status.nextRunAt {
                lines.append("**Next export**: \(DiscordTimestamp.markup(next, .relative))")
            }
        } else if let status, let stoppedAt = status.stoppedAt {
            let reason = status.stopReason.map { ": \($0.message)" } ?? ""
            let label = status.stopReason?.kind == .autoDisabled ? "Turned off" : "Stopped"
            lines.append("⏹️ **\(label)** \(DiscordTimestamp.markup(stoppedAt, .relative))\(reason)")
        } else {
            lines.append("⏹️ No schedule active")
            if clearedByRestart {
                lines.append("The bot restarted and this schedule's restart policy is clear; set it again to continue.")
            }
        }

        if let run = status?.lastRun {
            switch run.result.kind {
            case .succeeded:
                lines.append("**Last run**: ✅ \(DiscordTimestamp.markup(run.finishedAt, .relative))")
            case .failed, .timedOut, .stoppedSchedule:
                lines.append("**Last run**: ❌ \(DiscordTimestamp.markup(run.finishedAt, .relative)): \(run.result.message ?? run.result.kind.rawValue)")
            case .cancelled:
                lines.append("**Last run**: cancelled by shutdown \(DiscordTimestamp.markup(run.finishedAt, .relative))")
            }
        }
        if let lastExport {
            lines.append(
                "**Last export delivered**: \(DiscordTimestamp.markup(lastExport.deliveredAt, .relative)), "
                    + "\(lastExport.guildCount) guild\(lastExport.guildCount == 1 ? "" : "s"), \(lastExport.playerCount) players, "
                    + ByteSizeText.describe(lastExport.byteCount))
        }
        if let status, status.isActive, status.consecutiveFailures > 0 {
            lines.append("**Failed runs in a row**: \(status.consecutiveFailures) (the schedule turns off at 5)")
        }
        if let status, status.isActive {
            lines.append("**Restart policy**: \(policyText(status.info.restartPolicy))")
        } else if let lastSettings, !lastSettings.stops {
            lines.append("**Last settings**: \(settingsText(lastSettings))")
        }
        return lines.joined(separator: "\n")
    }

    static func settingsText(_ settings: ExportScheduleRequest) -> String {
        let cadence = (try? ScheduleCadence.parse(intervalMinutes: settings.intervalMinutes, dailyAt: settings.dailyAt))
            .flatMap { $0.map(CadenceText.describe) } ?? "every \(settings.intervalMinutes) minutes"
        return "\(cadence), \(settings.scope.typeLabel) export to <#\(settings.channelID)>, restart policy \(settings.restartPolicy.rawValue)"
    }

    static func policyText(_ policy: RestartPolicy) -> String {
        switch policy {
        case .clear: "clear (the schedule stops when the bot restarts)"
        case .resume: "resume (the schedule continues after a restart)"
        }
    }
}
