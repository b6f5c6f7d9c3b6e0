import Foundation
import PlayerData

/// The text of a manual export's follow-up, in the seed's export message format.
enum ManualExportMessage {
    static func text(_ artifact: ExportArtifact, guildName: String?, packaged: PackagedExport, date: Date) -> String {
        let type = artifact.guildID == nil ? "All Servers" : "Current Server (\(guildName ?? "Unknown"))"
        var lines = [
            "📤 **PlayerData Export**",
            "",
            "**Export Time**: <t:\(Int(date.timeIntervalSince1970)):f>",
            "**Export Type**: \(type)",
            "**Guilds Included**: \(artifact.guildCount)",
            "**Players Included**: \(artifact.playerCount)",
            "**File Size**: \(ByteCountText.describe(artifact.bytes.count))",
            "**SHA-256**: `\(artifact.sha256)`",
        ]
        lines += packaged.notes
        lines.append("")
        lines.append("💾 Attached: " + packaged.files.map(\.filename).joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
