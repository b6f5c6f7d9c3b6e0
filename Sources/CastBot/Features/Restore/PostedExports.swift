import DiscordModels
import Foundation

/// One export as it sits in a channel: the message that states its facts (and carries part 1,
/// or the whole file) and, for a split export, the messages carrying the other parts, in order.
struct PostedExport: Sendable {
    struct File: Sendable {
        let message: Message
        let attachment: Attachment
        let name: ExportFileName
    }

    let first: File
    /// Every file of the export in part order (just `first` when it is not split).
    let files: [File]
    /// The SHA-256 the message states for the whole export (uncompressed JSON); nil when the
    /// message states none (an encrypted export keeps its checksum inside the ciphertext).
    let statedSHA256: String?

    var name: ExportFileName { first.name }
    var postedAt: Date? { first.message.id.createdAt }
}

/// Tells this service's export messages from everything else in a channel.
struct ExportMessageRecognizer: Sendable {
    /// The application whose webhooks posted the exports, when known: messages of other
    /// applications' webhooks are never taken for ours.
    let applicationID: Snowflake?

    /// The export file a message of ours carries, if it is one.
    func exportFile(in message: Message) -> PostedExport.File? {
        guard isOurs(message) else { return nil }
        for attachment in message.attachments ?? [] {
            if let name = ExportFileName(attachment.filename) {
                return PostedExport.File(message: message, attachment: attachment, name: name)
            }
        }
        return nil
    }

    /// Scheduled exports come from our temporary webhook (named so); manual ones are interaction
    /// replies, posted as the application itself. A message another application posted is never ours.
    private func isOurs(_ message: Message) -> Bool {
        if let applicationID {
            if let messageApplication = message.applicationID, messageApplication != applicationID { return false }
            if message.author?.id == applicationID || message.webhookID == applicationID { return true }
        }
        return message.webhookID != nil && message.author?.username == TemporaryWebhookDelivery.webhookName
    }

    /// The checksum an export message states (`**SHA-256**: \`…\``, or on a part message
    /// `**SHA-256** of the rebuilt …: \`…\``).
    static func statedSHA256(in content: String?) -> String? {
        guard let content, let marker = content.range(of: "**SHA-256**") else { return nil }
        let after = content[marker.upperBound...]
        guard let open = after.firstIndex(of: "`") else { return nil }
        let digits = after[after.index(after: open)...].prefix { $0 != "`" }
        guard digits.count == 64, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        return digits.lowercased()
    }
}
