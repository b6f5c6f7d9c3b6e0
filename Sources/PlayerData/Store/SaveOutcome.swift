/// What a save did.
package enum SaveOutcome: Sendable, Equatable {
    case saved(SaveReport)
    /// The guard refused it; `playerData.json` is untouched.
    case rejected(SaveRejection)
}

package struct SaveReport: Sendable, Equatable {
    package let path: String
    package let byteCount: Int
    package let guildCount: Int
    package let playerCount: Int
    /// Where the previous file was kept, or nil if there was none.
    package let backupPath: String?
    /// Guard objections that `force` overrode.
    package let overriddenReasons: [String]
}

package struct SaveRejection: Sendable, Equatable, CustomStringConvertible {
    package let reasons: [String]
    /// Where the refused content was written instead.
    package let rejectedPath: String
    package let currentByteCount: Int
    package let proposedByteCount: Int

    package var description: String {
        "save refused by the data-loss guard: \(reasons.joined(separator: "; ")); the data file is unchanged and the refused content is in \(rejectedPath) (force the save to override)"
    }
}
