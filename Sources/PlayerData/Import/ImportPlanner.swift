/// Works out what importing a file into a data file would produce.
enum ImportPlanner {
    static func plan(
        importBytes: [UInt8], base: PlayerDataFile?, targetGuild: String?, allowDifferentGuild: Bool, dataPath: String
    ) throws(PlayerDataError) -> ImportPlan {
        let context = Context(base: base, dataPath: dataPath)
        switch try ImportSource(bytes: importBytes) {
        case .serverExport(let export):
            let target = targetGuild ?? export.guildID
            guard GuildID.isSnowflake(target) else { throw .invalidGuildID(target) }
            guard target == export.guildID || allowDifferentGuild else {
                throw .guildMismatch(exportGuild: export.guildID, target: target)
            }
            return try context.guildPlan(
                target: target, sourceGuild: export.guildID,
                value: PlayerDataSplicer.Value(document: export.document, member: export.data))
        case .wholeFile(let whole):
            guard let target = targetGuild else { return context.filePlan(replacingWith: whole) }
            guard GuildID.isSnowflake(target) else { throw .invalidGuildID(target) }
            guard let entry = whole.entry(target) else {
                throw .invalidExport("it is a whole player data file, and it has no guild \(target)")
            }
            guard entry.member.value.kind == .object else {
                throw .guildDataNotAnObject(guildID: target, found: entry.member.value.kind.nameWithArticle)
            }
            return try context.guildPlan(
                target: target, sourceGuild: target, value: PlayerDataSplicer.Value(document: whole, member: entry.member))
        }
    }

    private struct Context {
        let base: PlayerDataFile?
        let dataPath: String

        func guildPlan(target: String, sourceGuild: String, value: PlayerDataSplicer.Value) throws(PlayerDataError) -> ImportPlan {
            let original: PlayerDataFile
            if let base { original = base } else { original = try PlayerDataFile(bytes: Array("{}".utf8)) }
            let existing = original.entry(target)
            let newBytes =
                existing.map { PlayerDataSplicer.replacing($0.member, in: original, with: value) }
                ?? PlayerDataSplicer.appending(key: target, value: value, to: original)
            let result = try PlayerDataFile(bytes: newBytes)
            return ImportPlan(
                action: existing == nil ? .addGuild : .replaceGuild,
                guildID: target,
                sourceGuildID: sourceGuild,
                guildName: result.serverName(of: target),
                playersBefore: existing?.member.playerCount ?? 0,
                playersAfter: result.playerCount(of: target) ?? 0,
                guildsBefore: base?.guildCount ?? 0,
                guildsAfter: result.guildCount,
                bytesBefore: base?.byteCount ?? 0,
                bytesAfter: result.byteCount,
                dataPath: dataPath,
                baseDigest: base.map { SHA256Hex.digest($0.bytes) },
                base: base,
                result: result
            )
        }

        func filePlan(replacingWith whole: PlayerDataFile) -> ImportPlan {
            ImportPlan(
                action: .replaceFile,
                guildID: nil,
                sourceGuildID: nil,
                guildName: nil,
                playersBefore: base?.playerCount ?? 0,
                playersAfter: whole.playerCount,
                guildsBefore: base?.guildCount ?? 0,
                guildsAfter: whole.guildCount,
                bytesBefore: base?.byteCount ?? 0,
                bytesAfter: whole.byteCount,
                dataPath: dataPath,
                baseDigest: base.map { SHA256Hex.digest($0.bytes) },
                base: base,
                result: whole
            )
        }
    }
}
