/// What a save did.
public enum SaveOutcome: Sendable, Equatable {
    case saved(SaveReport)
    /// The guard refused it; `playerData.json` is untouched.
    case rejected(SaveRejection)
}

public struct SaveReport: Sendable, Equatable {
    public let path: String
    public let byteCount: Int
    public let guildCount: Int
    public let playerCount: Int
    /// Where the previous file was kept, or nil if there was none.
    public let backupPath: String?
    /// Guard objections that `force` overrode.
    public let overriddenReasons: [String]
}

public struct SaveRejection: Sendable, Equatable, CustomStringConvertible {
    public let reasons: [String]
    /// Where the refused content was written instead.
    public let rejectedPath: String
    public let currentByteCount: Int
    public let proposedByteCount: Int

    public var description: String {
        "save refused by the data-loss guard: \(reasons.joined(separator: "; ")); the data file is unchanged and the refused content is in \(rejectedPath) (force the save to override)"
    }
}
