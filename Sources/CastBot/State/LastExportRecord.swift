public import Foundation

/// What a schedule's last delivered export held, kept with the state so the next export can warn
/// when the data shrank sharply (CastBot's wipe incident) even across restarts.
public struct LastExportRecord: Hashable, Sendable, Codable {
    public var deliveredAt: Date
    public var guildCount: Int
    public var playerCount: Int
    /// Size of the export itself (uncompressed JSON).
    public var byteCount: Int
    /// SHA-256 of the export bytes, lowercase hex.
    public var sha256: String
    public var filename: String

    public init(deliveredAt: Date, guildCount: Int, playerCount: Int, byteCount: Int, sha256: String, filename: String) {
        self.deliveredAt = deliveredAt
        self.guildCount = guildCount
        self.playerCount = playerCount
        self.byteCount = byteCount
        self.sha256 = sha256
        self.filename = filename
    }
}
