import DiscordModels
import DiscordREST
import ExportFormat
import Foundation
import Logging
import PlayerData
import Scheduling

/// What a health report states, gathered when it runs. Gathering never fails: a data file that
/// cannot be read is itself reported.
struct HealthReport: Sendable {
    struct ScheduleLine: Sendable {
        var key: ScheduleKey
        var status: ScheduleStatus
        var lastExport: LastExportRecord?
    }

    var generatedAt: Date
    var uptime: TimeInterval
    var residentMemoryBytes: Int?
    var dataFileBytes: Int?
    var guildCount: Int?
    var playerCount: Int?
    /// Why the data file could not be read, if it could not.
    var dataFileProblem: String?
    var exportSchedules: [ScheduleLine]

    var isHealthy: Bool {
        dataFileProblem == nil && exportSchedules.allSatisfy { line in
            !(line.status.lastRun?.result.isFailure ?? false) && line.status.stopReason?.kind != .autoDisabled
        }
    }

    static func gather(work: ScheduledWorkContext, startedAt: Date, now: Date) async -> HealthReport {
        var report = HealthReport(
            generatedAt: now, uptime: max(0, now.timeIntervalSince(startedAt)), residentMemoryBytes: ProcessMemory.residentBytes(),
            exportSchedules: [])
        do {
            let file = try await work.snapshots.snapshot()
            report.dataFileBytes = file.byteCount
            report.guildCount = file.guildCount
            report.playerCount = file.playerCount
        } catch {
            report.dataFileProblem = error.description
        }
        let lastExports = await work.stateStore.current().lastExports
        report.exportSchedules = work.engine.statuses()
            .filter { ExportScope(scheduleKey: $0.key) != nil }
            .map { ScheduleLine(key: $0.key, status: $0, lastExport: lastExports[$0.key.rawValue]) }
        return report
    }
}

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
        if let lastExport = line.lastExport {
            text += ", last export \(lastExport.verificationText)"
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

/// One run of the health monitor: gather the report and post it through the same temporary
/// webhook path as exports, with the same failure rules.
struct HealthReportRunner: Sendable {
    let work: ScheduledWorkContext
    /// When the service started, for uptime.
    let startedAt: Date

    var job: ScheduleJob {
        let runner = self
        return { context in try await runner.run(context) }
    }

    func run(_ context: RunContext) async throws -> RunOutcome {
        let channelText = context.info.channelID
        guard let channelID = DiscordModels.Snowflake(channelText) else {
            return .stopSchedule(reason: ScheduledRunError.invalidChannelID(channelText).description)
        }
        let report = await HealthReport.gather(work: work, startedAt: startedAt, now: context.startedAt)
        let message = HealthReportComposer.message(report, nextRunAt: context.nextRunAt)
        do {
            _ = try await work.delivery.deliver([message], to: channelID)
        } catch let error as DiscordHTTPError {
            if let reason = ScheduleStoppingFailure.reason(for: error, channelID: channelText) {
                return .stopSchedule(reason: reason)
            }
            throw ScheduledRunError.discord(error)
        }
        work.logger.info("health report delivered", metadata: ["channel": "\(channelText)", "run": "\(context.runNumber)"])
        return .success
    }
}

/// The process's resident memory, for the health report.
enum ProcessMemory {
    /// Resident set size in bytes from `/proc/self/status` (Linux); nil where that is not available.
    static func residentBytes() -> Int? {
        guard let bytes = try? DurableFile.contents(of: "/proc/self/status") else { return nil }
        return residentBytes(fromProcStatus: String(decoding: bytes, as: UTF8.self))
    }

    /// Reads the `VmRSS:  123456 kB` line.
    static func residentBytes(fromProcStatus text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let fields = line.dropFirst("VmRSS:".count).split(whereSeparator: \.isWhitespace)
            guard let value = fields.first.flatMap({ Int($0) }) else { return nil }
            let unit = fields.dropFirst().first?.lowercased() ?? "kb"
            switch unit {
            case "kb": return value * 1024
            case "mb": return value * 1024 * 1024
            default: return value
            }
        }
        return nil
    }
}
