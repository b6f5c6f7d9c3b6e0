import DiscordModels
import DiscordREST
import Foundation

/// What an export message states besides the files.
struct ExportMessageFacts: Sendable, Hashable {
    var typeLabel: String
    var guildCount: Int
    var playerCount: Int
    var exportedAt: Date
    var nextRunAt: Date?
    /// The ⚠️ line when the data shrank sharply since the last export.
    var dropWarning: String?
}

/// Writes the seed's export message, plus players, SHA-256 and the warnings, and one further
/// message per part when the export is split.
enum ExportMessageComposer {
    static let title = "📤 **Scheduled PlayerData Export**"

    static func messages(for plan: ExportAttachmentPlan, facts: ExportMessageFacts) -> [WebhookMessage] {
        guard let first = plan.uploads.first else { return [] }
        var messages = [
            WebhookMessage(
                payload: MessagePayload(
                    content: firstContent(plan, facts, attached: first), allowedMentions: AllowedMentions.none,
                    components: [ExportMessageButtons.row]),
                files: [first.discordFile])
        ]
        for upload in plan.uploads.dropFirst() {
            messages.append(
                WebhookMessage(
                    payload: MessagePayload(content: partContent(plan, upload), allowedMentions: AllowedMentions.none),
                    files: [upload.discordFile]))
        }
        return messages
    }

    private static func firstContent(_ plan: ExportAttachmentPlan, _ facts: ExportMessageFacts, attached: ExportAttachmentPlan.Upload) -> String {
        var lines = [
            title,
            "",
            "**Export Time**: \(DiscordTimestamp.markup(facts.exportedAt, .shortDateTime))",
            "**Export Type**: \(facts.typeLabel)",
            "**Guilds Included**: \(facts.guildCount)",
            "**Players**: \(facts.playerCount)",
            "**File Size**: \(plan.sizeText)",
        ]
        lines += plan.checksumLines
        lines.append("**Next Export**: \(facts.nextRunAt.map { DiscordTimestamp.markup($0, .relative) } ?? "none scheduled")")
        let warnings = [facts.dropWarning].compactMap { $0 } + plan.warnings
        if !warnings.isEmpty {
            lines.append("")
            lines += warnings
        }
        lines.append("")
        switch plan.encoding {
        case .plain:
            lines.append("💾 Attached: \(attached.filename)")
        case .gzip:
            lines.append("💾 Attached: \(attached.filename)")
        case .gzipParts(let count):
            lines.append("💾 Attached: \(attached.filename) (part 1 of \(count); the other parts follow in the next messages)")
        }
        if let restore = plan.restoreInstructions {
            lines.append("🔧 Restore \(plan.exportFilename): \(restore)")
        }
        return lines.joined(separator: "\n")
    }

    private static func partContent(_ plan: ExportAttachmentPlan, _ upload: ExportAttachmentPlan.Upload) -> String {
        let count = plan.uploads.count
        return [
            "📦 **Scheduled PlayerData Export**: part \(upload.partNumber ?? 0) of \(count)",
            "💾 Attached: \(upload.filename)",
            plan.partChecksumLine,
        ].joined(separator: "\n")
    }
}

/// The lines manual and scheduled export messages share.
extension ExportAttachmentPlan {
    /// "12.3 MB (gzipped: 1.2 MB, encrypted: 1.2 MB)": the export's own size, then what was sent.
    var sizeText: String {
        var steps: [String] = []
        if let compressedByteCount { steps.append("gzipped: \(ByteSizeText.describe(compressedByteCount))") }
        if let encryption { steps.append("encrypted: \(ByteSizeText.describe(encryption.sealedByteCount))") }
        let size = ByteSizeText.describe(exportByteCount)
        return steps.isEmpty ? size : "\(size) (\(steps.joined(separator: ", ")))"
    }

    /// The checksum line; for an encrypted export the line naming its keys, and the checksum of
    /// the encrypted file (what a delivery check compares), never the plaintext's.
    var checksumLines: [String] {
        guard let encryption else { return [ExportChecksumText.line(sha256)] }
        let keys = encryption.keyIDs.map { "`\($0)`" }.joined(separator: ", ")
        return [
            "**Encrypted**: 🔒 for key id\(encryption.keyIDs.count == 1 ? "" : "s") \(keys); only the matching secret key opens it",
            ExportChecksumText.line(encryption.sealedSHA256, of: "the encrypted \(encryption.sealedFilename)"),
        ]
    }

    var partChecksumLine: String {
        ExportChecksumText.line(publishedSHA256, of: "the rebuilt \(publishedFilename)")
    }
}

/// The buttons under an export message: the seed's "View Live" and "Adjust Schedule", and
/// "Restore…" (docs/OPERATIONS.md, "Backups and restore"). Webhooks owned by an application may send interactive components.
enum ExportMessageButtons {
    static let viewLiveID = "playerdata_export_status"
    static let adjustScheduleID = "playerdata_export_schedule"

    static var row: Component {
        .actionRow(
            ActionRow(components: [
                .button(Button(style: .secondary, label: "View Live", emoji: PartialEmoji(name: "📊"), customID: viewLiveID)),
                .button(Button(style: .primary, label: "Adjust Schedule", emoji: PartialEmoji(name: "⏰"), customID: adjustScheduleID)),
                restoreButton,
            ]))
    }

    static var restoreButton: Component {
        .button(Button(style: .secondary, label: "Restore…", emoji: PartialEmoji(name: "🛟"), customID: CustomID.restore))
    }
}
