import DiscordModels
import Foundation

/// An export file's name read back: whose data it holds and how it travelled (gzipped, sealed,
/// split). The inverse of `ExportFilename` plus the packaging suffixes.
///
/// `playerdata-scheduled-<guild>-<ts>.json`, `playerdata-scheduled-ALL-<ts>.json`,
/// `playerdata-export-<guild>-<ts>.json` and `playerdata-FULL-export-<ts>.json`, each optionally
/// followed by `.gz`, `.enc` and `.partKofN` in that order.
struct ExportFileName: Sendable, Hashable, CustomStringConvertible {
    enum Scope: Sendable, Hashable {
        case all
        case guild(String)
    }

    let scope: Scope
    let scheduled: Bool
    /// The export itself (`….json`).
    let exportName: String
    let gzipped: Bool
    let encrypted: Bool
    /// Part number and count when the file is one of several parts.
    let part: (number: Int, count: Int)?
    /// The name of the file the parts join into (the whole name when there are no parts).
    let joinedName: String

    var description: String { joinedName + (part.map { " (part \($0.number) of \($0.count))" } ?? "") }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.joinedName == rhs.joinedName && lhs.part?.number == rhs.part?.number && lhs.part?.count == rhs.part?.count
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(joinedName)
        hasher.combine(part?.number)
    }

    init?(_ name: String) {
        var rest = Substring(name)
        var part: (Int, Int)?
        if let range = rest.range(of: ".part", options: .backwards) {
            let suffix = rest[range.upperBound...]
            let pieces = suffix.split(separator: "of", omittingEmptySubsequences: false)
            guard pieces.count == 2, let number = Int(pieces[0]), let count = Int(pieces[1]), (1...count).contains(number) else {
                return nil
            }
            part = (number, count)
            rest = rest[..<range.lowerBound]
        }
        let joined = String(rest)
        let encrypted = rest.hasSuffix(".enc")
        if encrypted { rest = rest.dropLast(4) }
        let gzipped = rest.hasSuffix(".gz")
        if gzipped { rest = rest.dropLast(3) }
        guard rest.hasSuffix(".json") else { return nil }
        let exportName = String(rest)
        rest = rest.dropLast(5)
        // The timestamp is the last 24 characters: 2025-10-15T14-30-00-000Z.
        guard rest.count > 25, rest[rest.index(rest.endIndex, offsetBy: -25)] == "-" else { return nil }
        let stem = rest.dropLast(25)
        let scope: Scope
        let scheduled: Bool
        switch stem {
        case "playerdata-scheduled-ALL": (scope, scheduled) = (.all, true)
        case "playerdata-FULL-export": (scope, scheduled) = (.all, false)
        default:
            if stem.hasPrefix("playerdata-scheduled-") {
                (scope, scheduled) = (.guild(String(stem.dropFirst("playerdata-scheduled-".count))), true)
            } else if stem.hasPrefix("playerdata-export-") {
                (scope, scheduled) = (.guild(String(stem.dropFirst("playerdata-export-".count))), false)
            } else {
                return nil
            }
        }
        if case .guild(let id) = scope, Snowflake(typed: id) == nil { return nil }
        self.scope = scope
        self.scheduled = scheduled
        self.exportName = exportName
        self.gzipped = gzipped
        self.encrypted = encrypted
        self.part = part
        self.joinedName = joined
    }
}

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
