/// What an import would change, computed without touching anything. Apply it with
/// `PlayerDataStore.apply(_:date:force:)`; it refuses to apply if the data file changed since.
package struct ImportPlan: Sendable, CustomStringConvertible {
    package enum Action: String, Sendable, Equatable {
        case addGuild = "add guild"
        case replaceGuild = "replace guild"
        case replaceFile = "replace the whole file"
    }

    package let action: Action
    /// The guild written (nil when the whole file is replaced).
    package let guildID: String?
    /// The guild the imported data came from (differs from `guildID` only when the target was named explicitly).
    package let sourceGuildID: String?
    package let guildName: String?
    /// Players of the target guild (of the whole file for `.replaceFile`) before and after.
    package let playersBefore: Int
    package let playersAfter: Int
    package let guildsBefore: Int
    package let guildsAfter: Int
    package let bytesBefore: Int
    package let bytesAfter: Int
    package let dataPath: String

    /// SHA-256 of the data file the plan was made against; nil if there was none.
    let baseDigest: String?
    let base: PlayerDataFile?
    let result: PlayerDataFile

    package var description: String {
        var lines = ["Import plan for \(dataPath)"]
        switch action {
        case .replaceFile:
            lines.append("  action: \(action.rawValue)")
        case .addGuild, .replaceGuild:
            let name = guildName.map { " (\($0))" } ?? ""
            lines.append("  action: \(action.rawValue) \(guildID ?? "?")\(name)")
            if let sourceGuildID, sourceGuildID != guildID {
                lines.append("  source: data exported from guild \(sourceGuildID)")
            }
        }
        lines.append("  players: \(playersBefore) -> \(playersAfter)")
        lines.append("  guilds: \(guildsBefore) -> \(guildsAfter)")
        lines.append("  file size: \(bytesBefore) -> \(bytesAfter) bytes")
        return lines.joined(separator: "\n")
    }
}

/// What applying a plan did.
package struct ImportResult: Sendable {
    package let plan: ImportPlan
    /// Where the replaced data was saved first (a v1.0 export for a guild, the whole file for
    /// `.replaceFile`); nil when nothing was replaced.
    package let backupPath: String?
    package let save: SaveReport
}

/// Which guilds an import or restore adds, removes and changes, compared byte for byte.
package struct GuildChanges: Sendable, Equatable {
    package struct Change: Sendable, Equatable {
        package let guildID: String
        package let playersBefore: Int
        package let playersAfter: Int
        package let bytesBefore: Int
        package let bytesAfter: Int
    }

    package let added: [Change]
    package let removed: [Change]
    package let changed: [Change]
    package let unchangedCount: Int

    package var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
}

extension ImportPlan {
    /// The guilds this plan adds, removes and changes (a guild plan touches one guild; a whole-file
    /// plan can touch them all). Guild values are compared as bytes, so a guild counts as changed
    /// whenever its JSON differs in any way.
    package var guildChanges: GuildChanges {
        let before = base
        let touched: [String]
        switch action {
        case .replaceFile: touched = (before?.guildIDs ?? []) + result.guildIDs.filter { before?.entry($0) == nil }
        case .addGuild, .replaceGuild: touched = guildID.map { [$0] } ?? []
        }
        var added: [GuildChanges.Change] = []
        var removed: [GuildChanges.Change] = []
        var changed: [GuildChanges.Change] = []
        var unchanged = 0
        for id in touched {
            let old = before?.guild(id)
            let new = result.guild(id)
            let change = GuildChanges.Change(
                guildID: id, playersBefore: before?.playerCount(of: id) ?? 0, playersAfter: result.playerCount(of: id) ?? 0,
                bytesBefore: old?.count ?? 0, bytesAfter: new?.count ?? 0)
            switch (old, new) {
            case (nil, .some): added.append(change)
            case (.some, nil): removed.append(change)
            case (.some(let old), .some(let new)) where !old.elementsEqual(new): changed.append(change)
            default: unchanged += 1
            }
        }
        if action != .replaceFile { unchanged = max(0, result.guildCount - touched.count) }
        return GuildChanges(added: added, removed: removed, changed: changed, unchangedCount: unchanged)
    }

    /// SHA-256 of the data file the plan would write.
    package var resultSHA256: String { SHA256Hex.digest(result.bytes) }
}
