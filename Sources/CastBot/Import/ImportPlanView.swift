import DiscordModels
import Foundation
import PlayerData

/// The plan shown before an import (with Confirm / Cancel) and the result after it.
enum ImportPlanView {
    static func plan(_ plan: ImportPlan, filename: String, fileBytes: Int, token: String, expiresAt: Date) -> [Component] {
        var lines = [
            "## 📥 Import Plan",
            "**File**: `\(filename)` (\(ByteSizeText.describe(fileBytes)))",
            "**Action**: \(actionText(plan))",
        ]
        if let guildID = plan.guildID {
            lines.append("**Server**: \(plan.guildName ?? "Unknown") (`\(guildID)`)")
            if let source = plan.sourceGuildID, source != guildID {
                lines.append("**Exported from**: `\(source)`")
            }
        }
        lines += [
            "**Players**: \(plan.playersBefore) → \(plan.playersAfter)",
            "**Servers in the data file**: \(plan.guildsBefore) → \(plan.guildsAfter)",
            "**Data file size**: \(ByteSizeText.describe(plan.bytesBefore)) → \(ByteSizeText.describe(plan.bytesAfter))",
            "",
            "Nothing changes until you confirm. The data being replaced is backed up first.",
            "-# This plan expires <t:\(Int(expiresAt.timeIntervalSince1970)):R>.",
        ]
        return [
            .container(
                Container(
                    components: [
                        .textDisplay(TextDisplay(content: lines.joined(separator: "\n"))),
                        .actionRow(
                            ActionRow(components: [
                                PlayerDataMenu.button("Confirm Import", CustomID.importConfirmPrefix + token, .success, "✅"),
                                PlayerDataMenu.button("Cancel", CustomID.importCancelPrefix + token, .secondary, "✖️"),
                            ])),
                    ],
                    accentColor: 0xF39C12))
        ]
    }

    static func applied(_ result: ImportResult) -> [Component] {
        var lines = [
            "## ✅ Import Complete",
            "**Action**: \(actionText(result.plan))",
            "**Players**: \(result.plan.playersBefore) → \(result.plan.playersAfter)",
            "**Servers in the data file**: \(result.save.guildCount)",
        ]
        if let backup = result.backupPath {
            lines.append("**Replaced data saved to**: `\(relative(backup))`")
        }
        if let previous = result.save.backupPath {
            lines.append("**Previous data file kept as**: `\(relative(previous))`")
        }
        return [.container(Container(components: [.textDisplay(TextDisplay(content: lines.joined(separator: "\n")))], accentColor: 0x2ECC71))]
    }

    static func closed(_ text: String) -> [Component] {
        [.container(Container(components: [.textDisplay(TextDisplay(content: text))]))]
    }

    private static func actionText(_ plan: ImportPlan) -> String {
        switch plan.action {
        case .addGuild: "Add the server's data (it has none yet)"
        case .replaceGuild: "Replace the server's data"
        case .replaceFile: "Replace the whole data file"
        }
    }

    /// Paths shown to server admins stay inside the data folder.
    private static func relative(_ path: String) -> String {
        path.split(separator: "/").suffix(2).joined(separator: "/")
    }
}
