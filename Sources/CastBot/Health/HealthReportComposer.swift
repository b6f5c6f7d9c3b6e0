import DiscordModels
import Foundation
import Scheduling

/// Lays a health report out as a Components V2 message (flag 32768: no `content`, one container).
enum HealthReportComposer {
    static let healthyColor = 0x2ECC71
    static let warningColor = 0xE67E22
    /// Keeps the message well within Discord's 4000 characters of text per message.
    static let maxScheduleLines = 12

    static func message(_ report: HealthReport, nextRunAt: Date?) -> WebhookMessage {
        var facts = [
            "**Uptime**: \(uptimeText(report.uptime))",
            "**Memory (RSS)**: \(report.residentMemoryBytes.map(ByteSizeText.describe) ?? "not available")",
        ]
        if let problem = report.dataFileProblem {
            facts.append("**Data file**: ⚠️ \(problem)")
        } else {
            facts.append("**Data file**: \(report.dataFileBytes.map(ByteSizeText.describe) ?? "unknown")")
            facts.append("**Guilds**: \(report.guildCount ?? 0)")
            facts.append("**Players**: \(report.playerCount ?? 0)")
        }
        var scheduleLines = report.exportSchedules.prefix(maxScheduleLines).map(scheduleLine)
        if report.exportSchedules.count > maxScheduleLines {
            scheduleLines.append("… and \(report.exportSchedules.count - maxScheduleLines) more")
        }
        let schedules = scheduleLines.isEmpty ? "No export schedules." : scheduleLines.joined(separator: "\n")
        let footer = "Generated \(DiscordTimestamp.markup(report.generatedAt, .shortDateTime))"
            + (nextRunAt.map { " · next report \(DiscordTimestamp.markup($0, .relative))" } ?? "")
        let container = Container(
            components: [
                .textDisplay(TextDisplay(content: "## 🩺 CastBot Health Report")),
                .textDisplay(TextDisplay(content: facts.joined(separator: "\n"))),
                .separator(Separator(divider: true, spacing: 1)),
                .textDisplay(TextDisplay(content: "### 📤 Export schedules\n" + schedules)),
                .separator(Separator(divider: false, spacing: 1)),
                .textDisplay(TextDisplay(content: "-# " + footer)),
            ],
            accentColor: report.isHealthy ? healthyColor : warningColor)
        return WebhookMessage(
            payload: MessagePayload(allowedMentions: AllowedMentions.none, flags: .isComponentsV2, components: [.container(container)]))
    }

    static func scheduleLine(_ line: HealthReport.ScheduleLine) -> String {
        let status = line.status
        let name = ExportScope(scheduleKey: line.key).map { scope in
            switch scope {
            case .all: "All Servers"
            case .guild(let id): "Server \(id)"
            }
        } ?? line.key.rawValue
        let state = status.isActive ? "🟢" : "⏹️"
        var text = "\(state) **\(name)** → <#\(status.info.channelID)>: "
        if let run = status.lastRun {
            text += run.result.isFailure || run.result.kind == .stoppedSchedule
                ? "last run ❌ \(String((run.result.message ?? run.result.kind.rawValue).prefix(200)))"
                : "last run ✅ \(DiscordTimestamp.markup(run.finishedAt, .relative))"
        } else {
            text += "no run yet"
        }
        if let next = status.nextRunAt, status.isActive {
            text += ", next \(DiscordTimestamp.markup(next, .relative))"
        } else if let reason = status.stopReason {
            text += ", \(reason.kind == .autoDisabled ? "turned off" : "stopped")"
        }
        return text
    }

    /// "3 d 4 h 5 min", "12 min", "45 s".
    static func uptimeText(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded(.down))
        let days = total / 86_400
        let hours = total % 86_400 / 3_600
        let minutes = total % 3_600 / 60
        if days > 0 { return "\(days) d \(hours) h \(minutes) min" }
        if hours > 0 { return "\(hours) h \(minutes) min" }
        if minutes > 0 { return "\(minutes) min" }
        return "\(total) s"
    }
}
