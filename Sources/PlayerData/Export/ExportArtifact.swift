import Crypto
public import Foundation

/// One export file, ready to write or upload. Its file name is the export format's
/// (`ExportFormat`'s `ExportArtifact.filename`), made from the guild, date and kind.
public struct ExportArtifact: Sendable {
    /// When the export was made: its `exportDate` and the time in its name.
    public let date: Date
    public let kind: ExportKind
    public let bytes: [UInt8]
    /// 1 for a server export; the file's guild count for an all export.
    public let guildCount: Int
    public let playerCount: Int
    /// The guild exported, or nil for an all export.
    public let guildID: String?

    public init(date: Date, kind: ExportKind, bytes: [UInt8], guildCount: Int, playerCount: Int, guildID: String?) {
        self.date = date
        self.kind = kind
        self.bytes = bytes
        self.guildCount = guildCount
        self.playerCount = playerCount
        self.guildID = guildID
    }

    /// Lowercase hex SHA-256 of `bytes`. Computed on each access (a pass over the bytes), so
    /// callers that need it more than once keep the value.
    public var sha256: String {
        SHA256Hex.digest(bytes)
    }
}
