import Foundation
import PlayerData

/// Compares an export with the same schedule's last one and words a warning when the data shrank
/// sharply (CastBot's September 2025 wipe: a whole file replaced by a few guilds). The thresholds
/// are the data file's own save guard: size below half, or more than 2 (or 20 % of the) guilds gone.
enum ExportDropCheck {
    static func warning(
        previous: LastExportRecord?, guildCount: Int, byteCount: Int, policy: SaveGuard = .default
    ) -> String? {
        guard let previous else { return nil }
        let reasons = policy.reasons(
            currentBytes: previous.byteCount, currentGuilds: previous.guildCount,
            proposedBytes: byteCount, proposedGuilds: guildCount)
        guard !reasons.isEmpty else { return nil }
        var changes: [String] = []
        if guildCount < previous.guildCount {
            changes.append("guilds fell from \(previous.guildCount) to \(guildCount)")
        }
        if byteCount < previous.byteCount {
            changes.append("size fell from \(ByteSizeText.describe(previous.byteCount)) to \(ByteSizeText.describe(byteCount))")
        }
        return "⚠️ **Sharp drop since the last export** (\(DiscordTimestamp.markup(previous.deliveredAt, .relative))): "
            + changes.joined(separator: " and ")
            + ". If this was not intended, the data may have been wiped: keep the earlier export (\(previous.filename)) to restore from."
    }
}
