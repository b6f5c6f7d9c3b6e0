import DiscordModels
import DiscordREST
import ExportFormat
import Foundation

/// Puts an export's messages together for a webhook: the text (`ExportMessageText`), the
/// buttons on the first message, and one file per message.
enum ExportMessageComposer {
    static func messages(for plan: ExportAttachmentPlan, facts: ExportMessageFacts) -> [WebhookMessage] {
        guard let first = plan.uploads.first else { return [] }
        var messages = [
            WebhookMessage(
                payload: MessagePayload(
                    content: ExportMessageText.first(plan, facts), allowedMentions: AllowedMentions.none,
                    components: [ExportMessageButtons.row]),
                files: [first.discordFile])
        ]
        for upload in plan.uploads.dropFirst() {
            messages.append(
                WebhookMessage(
                    payload: MessagePayload(
                        content: ExportMessageText.part(upload, of: plan, kind: facts.kind), allowedMentions: AllowedMentions.none),
                    files: [upload.discordFile]))
        }
        return messages
    }
}

extension ExportAttachmentPlan.Upload {
    /// The file as the REST client uploads it.
    var discordFile: DiscordFile {
        DiscordFile(filename: filename, contentType: contentType, data: Data(bytes))
    }

    /// The file as an interaction reply carries it.
    var replyFile: ReplyFile {
        ReplyFile(filename: filename, contentType: contentType, bytes: bytes)
    }
}

extension ExportAttachmentPlan {
    /// The uploads as interaction reply files.
    var replyFiles: [ReplyFile] { uploads.map(\.replyFile) }
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
