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
