import Scheduling

/// The seed's confirmation message after a schedule is set, and the notice after it is stopped.
enum ScheduleConfirmation {
    /// What the export will contain, for the "Export Type" and "Estimated Size" lines.
    struct Estimate: Sendable, Equatable {
        /// "This server (Name)" or "All servers (97 guilds)".
        let typeDescription: String
        let bytes: Int
    }

    static func started(_ change: ExportScheduleChange, estimate: Estimate) -> String {
        var lines = [
            "✅ **PlayerData Export Scheduled**",
            "",
            "**Interval**: \(IntervalText.every(change.intervalMinutes))",
            "**Export Type**: \(estimate.typeDescription)",
            "**Channel**: <#\(change.channelID)>",
            "**Estimated Size**: \(ByteCountText.estimate(estimate.bytes)) per export",
        ]
        if let dailyAt = change.dailyAt {
            lines.append("**Daily at**: \(dailyAt) UTC (later runs are anchored to this time)")
        }
        lines.append("**First export**: In 5 seconds")
        lines.append("")
        switch change.restartPolicy {
        case .clear:
            lines.append("⚠️ **Note**: Schedule clears on bot restart")
            lines.append("💡 **Tip**: Use /menu → Schedule Export to reschedule after restarts (your last settings are remembered)")
        case .resume:
            lines.append("🔁 **Note**: Schedule resumes after a bot restart; a run missed while the bot was down runs once at startup")
        }
        lines.append("")
        lines.append("📤 The first export will appear shortly to confirm the schedule is working!")
        return lines.joined(separator: "\n")
    }

    static func stopped(_ change: ExportScheduleChange) -> String {
        let what = change.target == .all ? "every server" : "this server"
        return [
            "⏹️ **PlayerData Export Schedule Stopped**",
            "",
            "No more scheduled exports of \(what). Your last settings are remembered: use /menu → Schedule Export to start again.",
        ].joined(separator: "\n")
    }
}
