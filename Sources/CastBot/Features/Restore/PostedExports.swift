import ExportFormat
import PlayerData
import DiscordModels
import Foundation

/// One export as it sits in a channel: the message that states its facts (and carries part 1,
/// or the whole file) and, for a split export, the messages carrying the other parts, in order.
package struct PostedExport: Sendable {
    package struct File: Sendable {
        package let message: Message
        package let attachment: Attachment
        package let name: ExportFileName
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
package struct ExportMessageRecognizer: Sendable {
    /// Which messages this bot posted; no other message is taken for an export.
    let provenance: ExportProvenance

    package init(applicationID: Snowflake) {
        provenance = ExportProvenance(applicationID: applicationID)
    }

    /// The first export file a message carries, whoever posted it.
    static func exportFile(named message: Message) -> PostedExport.File? {
        for attachment in message.attachments ?? [] {
            if let name = ExportFileName(attachment.filename) {
                return PostedExport.File(message: message, attachment: attachment, name: name)
            }
        }
        return nil
    }

    /// The export file a message this bot posted carries, if it is one.
    package func exportFile(in message: Message) -> PostedExport.File? {
        guard provenance.postedByThisBot(message) else { return nil }
        return Self.exportFile(named: message)
    }

    /// A message that carries an export file but was not posted by this bot, and why not.
    func lookAlike(_ message: Message) -> String? {
        guard Self.exportFile(named: message) != nil else { return nil }
        return provenance.refusal(of: message)
    }
}
