import Foundation
import PlayerData

/// What an export message states besides the files.
package struct ExportMessageFacts: Sendable, Hashable {
    package var kind: ExportKind
    /// "All Servers", "Server 123…", with the server's name for a manual export.
    package var typeLabel: String
    package var guildCount: Int
    package var playerCount: Int
    package var exportedAt: Date
    /// When the schedule runs next; scheduled exports only.
    package var nextRunAt: Date?
    /// The ⚠️ line when the data shrank sharply since the last export; scheduled exports only.
    package var dropWarning: String?

    package init(
        kind: ExportKind, typeLabel: String, guildCount: Int, playerCount: Int, exportedAt: Date, nextRunAt: Date? = nil,
        dropWarning: String? = nil
    ) {
        self.kind = kind
        self.typeLabel = typeLabel
        self.guildCount = guildCount
        self.playerCount = playerCount
        self.exportedAt = exportedAt
        self.nextRunAt = nextRunAt
        self.dropWarning = dropWarning
    }
}

/// The text of export messages, written and read back in one place: the seed's export message
/// plus players, SHA-256 and the warnings, one further message per part of a split export; and
/// what restore reads back out of it (`parse`).
package enum ExportMessageText {
    /// The first message: the export's facts, its checksum, warnings, and part 1 (or the file).
    package static func first(_ plan: ExportAttachmentPlan, _ facts: ExportMessageFacts) -> String {
        var lines = [
            title(facts.kind),
            "",
            "**Export Time**: \(DiscordTimestamp.markup(facts.exportedAt, .shortDateTime))",
            "**Export Type**: \(facts.typeLabel)",
            "**Guilds Included**: \(facts.guildCount)",
            "**Players**: \(facts.playerCount)",
            "**File Size**: \(plan.sizeText)",
        ]
        lines += plan.checksumLines
        if facts.kind == .scheduled {
            lines.append("**Next Export**: \(facts.nextRunAt.map { DiscordTimestamp.markup($0, .relative) } ?? "none scheduled")")
        }
        let warnings = [facts.dropWarning].compactMap { $0 } + plan.warnings
        if !warnings.isEmpty {
            lines.append("")
            lines += warnings
        }
        lines.append("")
        let attached = plan.uploads.first?.filename ?? plan.exportFilename
        if case .gzipParts(let count) = plan.encoding {
            lines.append("💾 Attached: \(attached) (part 1 of \(count); the other parts follow in the next messages)")
        } else {
            lines.append("💾 Attached: \(attached)")
        }
        if let restore = plan.restoreInstructions {
            lines.append("🔧 Restore \(plan.exportFilename): \(restore)")
        }
        return lines.joined(separator: "\n")
    }

    /// A later part's message.
    package static func part(_ upload: ExportAttachmentPlan.Upload, of plan: ExportAttachmentPlan, kind: ExportKind) -> String {
        [
            "📦 \(kind == .scheduled ? "**Scheduled PlayerData Export**" : "**PlayerData Export**"): part \(upload.partNumber ?? 0) of \(plan.uploads.count)",
            "💾 Attached: \(upload.filename)",
            ExportChecksumText.line(plan.publishedSHA256, of: "the rebuilt \(plan.publishedFilename)"),
        ].joined(separator: "\n")
    }

    package static func title(_ kind: ExportKind) -> String {
        kind == .scheduled ? "📤 **Scheduled PlayerData Export**" : "📤 **PlayerData Export**"
    }

    /// What a message states, read back.
    package struct Parsed: Sendable, Equatable {
        package var typeLabel: String?
        package var guildCount: Int?
        package var playerCount: Int?
        /// The first checksum stated, lowercase (`ExportChecksumText.stated`).
        package var sha256: String?
        /// The file the message says it carries.
        package var attached: String?
        /// Part number and count, for a message carrying a part.
        package var part: ExportFileName.Part?
    }

    /// Reads a message's stated facts back; fields it does not state are nil.
    package static func parse(_ content: String?) -> Parsed {
        var parsed = Parsed(sha256: ExportChecksumText.stated(in: content))
        for line in (content ?? "").split(separator: "\n") {
            if let value = field(line, "**Export Type**: ") {
                parsed.typeLabel = String(value)
            } else if let value = field(line, "**Guilds Included**: ") {
                parsed.guildCount = Int(value)
            } else if let value = field(line, "**Players**: ") {
                parsed.playerCount = Int(value)
            } else if let value = field(line, "💾 Attached: ") {
                let name = value.prefix { $0 != " " }
                parsed.attached = String(name)
                parsed.part = ExportFileName(String(name))?.part
            }
        }
        return parsed
    }

    private static func field(_ line: Substring, _ label: String) -> Substring? {
        line.hasPrefix(label) ? line.dropFirst(label.count) : nil
    }
}

/// The lines manual and scheduled export messages share.
extension ExportAttachmentPlan {
    /// "12.3 MB (gzipped: 1.2 MB, encrypted: 1.2 MB)": the export's own size, then what was sent.
    package var sizeText: String {
        var steps: [String] = []
        if let compressedByteCount { steps.append("gzipped: \(ByteSizeText.describe(compressedByteCount))") }
        if let encryption { steps.append("encrypted: \(ByteSizeText.describe(encryption.sealedByteCount))") }
        let size = ByteSizeText.describe(exportByteCount)
        return steps.isEmpty ? size : "\(size) (\(steps.joined(separator: ", ")))"
    }

    /// The checksum line; for an encrypted export the line naming its keys, and the checksum of
    /// the encrypted file (what a delivery check compares), never the plaintext's.
    package var checksumLines: [String] {
        guard let encryption else { return [ExportChecksumText.line(sha256)] }
        let keys = encryption.keyIDs.map { "`\($0)`" }.joined(separator: ", ")
        return [
            "**Encrypted**: 🔒 for key id\(encryption.keyIDs.count == 1 ? "" : "s") \(keys); only the matching secret key opens it",
            ExportChecksumText.line(encryption.sealedSHA256, of: "the encrypted \(encryption.sealedFilename)"),
        ]
    }
}

/// How an export message states its checksum, written and read back in one place: the message
/// writer puts it in, restore reads it out to check the download.
package enum ExportChecksumText {
    static let marker = "**SHA-256**"

    /// `**SHA-256**: \`…\`` (the whole export's).
    package static func line(_ sha256: String) -> String {
        "\(marker): `\(sha256)`"
    }

    /// `**SHA-256** of the rebuilt ….json: \`…\`` (a part message, or the encrypted file's).
    package static func line(_ sha256: String, of what: String) -> String {
        "\(marker) of \(what): `\(sha256)`"
    }

    /// The first checksum a message states, lowercase; nil when it states none.
    package static func stated(in content: String?) -> String? {
        guard let content, let found = content.range(of: marker) else { return nil }
        let after = content[found.upperBound...]
        guard let open = after.firstIndex(of: "`") else { return nil }
        let digits = after[after.index(after: open)...].prefix { $0 != "`" }
        guard digits.count == 64, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        return digits.lowercased()
    }
}

/// Discord's timestamp markup, shown in each reader's own time zone.
package enum DiscordTimestamp {
    /// `f`: "15 October 2025 14:30"; `R`: "in 24 hours".
    package enum Style: String, Sendable {
        case shortDateTime = "f"
        case relative = "R"
    }

    /// `<t:1760538600:f>`; seconds are rounded down like the seed's `Math.floor(ms / 1000)`.
    package static func markup(_ date: Date, _ style: Style) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let unix = seconds.isFinite ? Int64(max(min(seconds, 8.64e12), -8.64e12)) : 0
        return "<t:\(unix):\(style.rawValue)>"
    }
}

/// Sizes as the seed's messages show them: `179.7 KB`, `14.3 MB` (1 KB = 1024 bytes).
package enum ByteSizeText {
    package static func describe(_ bytes: Int) -> String {
        let value = Double(max(0, bytes))
        if value < 1024 { return "\(max(0, bytes)) B" }
        if value < 1024 * 1024 { return oneDecimal(value / 1024) + " KB" }
        if value < 1024 * 1024 * 1024 { return oneDecimal(value / (1024 * 1024)) + " MB" }
        return oneDecimal(value / (1024 * 1024 * 1024)) + " GB"
    }

    /// Like JavaScript's `toFixed(1)`, independent of locale.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
