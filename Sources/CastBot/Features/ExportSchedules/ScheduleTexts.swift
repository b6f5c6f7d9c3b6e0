import ExportFormat
import Foundation
import Scheduling

/// The seed's confirmation message for a schedule request.
enum ExportConfirmationText {
    static func scheduled(
        _ request: ExportScheduleRequest, cadence: ScheduleCadence, estimate: ExportEstimate, firstRunAt: Date?, now: Date,
        limits: ExportUploadLimits = ExportUploadLimits()
    ) -> ExportScheduleConfirmation {
        let cadenceLabel = capitalized(CadenceText.describe(cadence))
        let type: String
        switch request.scope {
        case .all: type = "\(request.scope.typeLabel) (\(estimate.guildCount) guild\(estimate.guildCount == 1 ? "" : "s"))"
        case .guild: type = request.scope.typeLabel
        }
        var size = estimate.byteCount.map { "~\(ByteSizeText.describe($0)) per export" } ?? "unknown until the first export"
        if let bytes = estimate.byteCount, bytes > limits.fileLimit {
            size += " (over Discord's \(ByteSizeText.describe(limits.fileLimit)) limit: sent gzipped)"
        }
        var lines = [
            "✅ **PlayerData Export Scheduled**",
            "",
            "**Interval**: \(cadenceLabel)",
            "**Export Type**: \(type)",
            "**Channel**: <#\(request.channelID)>",
            "**Estimated Size**: \(size)",
            "**First export**: \(firstExportText(firstRunAt, now: now))",
            "",
        ]
        switch request.restartPolicy {
        case .clear:
            lines.append("⚠️ **Note**: Schedule clears on bot restart")
            lines.append("💡 **Tip**: Use /menu → Schedule Export to reschedule after restarts (your settings are remembered)")
        case .resume:
            lines.append(
                "🔁 **Restart policy**: resume. The schedule continues after a bot restart; an export missed while the bot was down is posted once at startup.")
        }
        if !estimate.notes.isEmpty {
            lines.append("")
            lines += estimate.notes
        }
        lines.append("")
        lines.append("📤 The first export will appear shortly to confirm the schedule is working!")
        return ExportScheduleConfirmation(
            isScheduled: true, cadenceLabel: cadenceLabel, typeLabel: request.scope.typeLabel, channelID: request.channelID,
            guildCount: estimate.guildCount, estimatedSizeBytes: estimate.byteCount, firstRunAt: firstRunAt,
            restartPolicy: request.restartPolicy, notes: estimate.notes, message: lines.joined(separator: "\n"))
    }

    static func stopped(_ request: ExportScheduleRequest, wasActive: Bool) -> ExportScheduleConfirmation {
        let body =
            wasActive
            ? "No more scheduled exports (\(request.scope.typeLabel)) will be posted to <#\(request.channelID)>."
            : "There was no active \(request.scope.typeLabel) export schedule; nothing changed."
        let message = [
            "⏹️ **PlayerData Export Schedule Stopped**",
            "",
            body,
            "💡 Your last settings are remembered: open Schedule Export again to restart it.",
        ].joined(separator: "\n")
        return ExportScheduleConfirmation(
            isScheduled: false, cadenceLabel: "", typeLabel: request.scope.typeLabel, channelID: request.channelID, guildCount: 0,
            estimatedSizeBytes: nil, firstRunAt: nil, restartPolicy: request.restartPolicy, notes: [], message: message)
    }

    /// "In 5 seconds" as the seed says, or a Discord timestamp when the first run is further away.
    static func firstExportText(_ firstRunAt: Date?, now: Date) -> String {
        guard let firstRunAt else { return "not scheduled" }
        let seconds = Int(firstRunAt.timeIntervalSince(now).rounded())
        if seconds <= 0 { return "Now" }
        if seconds <= 90 { return "In \(seconds) second\(seconds == 1 ? "" : "s")" }
        return DiscordTimestamp.markup(firstRunAt, .relative)
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

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
                    + ByteSizeText.describe(lastExport.byteCount) + ", " + lastExport.verificationText)
        }
        if let status, status.isActive, status.consecutiveFailures > 0 {
            lines.append("**Failed runs in a row**: \(status.consecutiveFailures) (the schedule turns off at 5)")
        }
        if let keepLast = lastSettings?.keepLast {
            lines.append("**Retention**: \(RetentionModal.newestExports(keepLast)) in the channel")
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

/// Cadences in the seed's words: "every 24 hours (1440 minutes)", "daily at 03:00 UTC".
enum CadenceText {
    static func describe(_ cadence: ScheduleCadence) -> String {
        let every = interval(cadence.interval)
        switch cadence.anchoredAt {
        case nil: return "every \(every)"
        case .some(let time) where cadence.interval == .oneDay: return "daily at \(time) UTC"
        case .some(let time): return "every \(every) from \(time) UTC"
        }
    }

    /// Whole hours are said in hours with the minutes after them, as the seed does.
    static func interval(_ interval: ScheduleInterval) -> String {
        guard let minutes = interval.wholeMinutes else { return interval.description }
        if minutes % 60 == 0 {
            let hours = minutes / 60
            return "\(hours) hour\(hours == 1 ? "" : "s") (\(minutes) minutes)"
        }
        return "\(minutes) minute\(minutes == 1 ? "" : "s")"
    }
}
