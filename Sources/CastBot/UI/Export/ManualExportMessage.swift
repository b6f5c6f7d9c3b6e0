import Foundation
import PlayerData

/// The texts of a manual export's follow-ups, in the seed's export message format.
enum ManualExportMessage {
    static func text(_ artifact: ExportArtifact, scope: ExportScope, guildName: String?, plan: ExportAttachmentPlan, date: Date) -> String {
        var type = scope.typeLabel
        if let guildName { type += " (\(guildName))" }
        var size = ByteSizeText.describe(plan.exportByteCount)
        if let compressed = plan.compressedByteCount {
            size += " (gzipped: \(ByteSizeText.describe(compressed)))"
        }
        var lines = [
            "📤 **PlayerData Export**",
            "",
            "**Export Time**: \(DiscordTimestamp.markup(date, .shortDateTime))",
            "**Export Type**: \(type)",
            "**Guilds Included**: \(artifact.guildCount)",
            "**Players**: \(artifact.playerCount)",
            "**File Size**: \(size)",
            "**SHA-256**: `\(plan.sha256)`",
        ]
        if !plan.warnings.isEmpty {
            lines.append("")
            lines += plan.warnings
        }
        lines.append("")
        let first = plan.uploads.first?.filename ?? plan.exportFilename
        if case .gzipParts(let count) = plan.encoding {
            lines.append("💾 Attached: \(first) (part 1 of \(count); the other parts follow in the next messages)")
        } else {
            lines.append("💾 Attached: \(first)")
        }
        if let restore = plan.restoreInstructions {
            lines.append("🔧 Restore \(plan.exportFilename): \(restore)")
        }
        return lines.joined(separator: "\n")
    }

    static func part(_ upload: ExportAttachmentPlan.Upload, of plan: ExportAttachmentPlan) -> String {
        [
            "📦 **PlayerData Export**: part \(upload.partNumber ?? 0) of \(plan.uploads.count)",
            "💾 Attached: \(upload.filename)",
            "**SHA-256** of the rebuilt \(plan.exportFilename): `\(plan.sha256)`",
        ].joined(separator: "\n")
    }
}
