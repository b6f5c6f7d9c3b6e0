import Crypto
import Foundation

/// One export file, ready to write or upload. Its file name is the export format's
/// (`ExportFormat`'s `ExportArtifact.filename`), made from the guild, date and kind.
package struct ExportArtifact: Sendable {
    /// When the export was made: its `exportDate` and the time in its name.
    package let date: Date
    package let kind: ExportKind
    package let bytes: [UInt8]
    /// 1 for a server export; the file's guild count for an all export.
    package let guildCount: Int
    package let playerCount: Int
    /// The guild exported, or nil for an all export.
    package let guildID: String?

    package init(date: Date, kind: ExportKind, bytes: [UInt8], guildCount: Int, playerCount: Int, guildID: String?) {
        self.date = date
        self.kind = kind
        self.bytes = bytes
        self.guildCount = guildCount
        self.playerCount = playerCount
        self.guildID = guildID
    }

    /// Lowercase hex SHA-256 of `bytes`. Computed on each access (a pass over the bytes), so
    /// callers that need it more than once keep the value.
    package var sha256: String {
        SHA256Hex.digest(bytes)
    }
}
