import DiscordModels
import DiscordREST
import ExportEncryption
import ExportFormat
import Foundation
import PlayerData

/// Restores player data from the exports this service posted in a Discord channel (docs/OPERATIONS.md, "Backups and restore"):
/// find the export, download it from Discord's CDN, join its parts, un-gzip, check the SHA-256
/// its message states, and plan the import. Applying goes through the import path (what is
/// replaced is backed up first, the save guard applies, the write is durable).
///
/// Used by `castbot restore` and by the Restore button on export messages.
package struct ChannelRestore: Sendable {
    let finder: ChannelExportFinder
    let retriever: ExportRetriever
    let store: PlayerDataStore

    /// - Parameters:
    ///   - applicationID: the bot's application: only messages it posted are taken for exports
    ///     (`ExportProvenance`). `castbot restore` learns it from Discord with the token when
    ///     `DISCORD_APPLICATION_ID` is not set.
    ///   - keys: secret keys for encrypted exports (`castbot restore --key`); the bot itself never has any.
    package init(discord: any DiscordClient, store: PlayerDataStore, applicationID: Snowflake, keys: [ExportSecretKey] = []) {
        self.init(discord: discord, store: store, applicationID: applicationID, keys: keys, limits: RestoreLimits())
    }

    init(discord: any DiscordClient, store: PlayerDataStore, applicationID: Snowflake, keys: [ExportSecretKey] = [], limits: RestoreLimits) {
        finder = ChannelExportFinder(discord: discord, recognizer: ExportMessageRecognizer(applicationID: applicationID))
        retriever = ExportRetriever(discord: discord, limits: limits, keys: keys)
        self.store = store
    }

    /// Finds the export selected in `channelID` and plans its restore; nothing is written.
    package func prepare(
        channelID: Snowflake, messageID: Snowflake? = nil, before: Date? = nil, guildID: String? = nil, searchLimit: Int = 10_000
    ) async throws(RestoreError) -> RestorePreparation {
        let selection = ExportSelection(messageID: messageID, before: before, guildID: guildID, searchLimit: searchLimit)
        let (export, scanned, lookAlikes) = try await finder.find(in: channelID, selection)
        return try await prepare(export, guildID: guildID, scanned: scanned, lookAlikes: lookAlikes)
    }

    /// Plans the restore of the export whose first message is `message` (the Restore button
    /// hands it over with the interaction).
    func prepare(message: Message, guildID: String?) async throws(RestoreError) -> RestorePreparation {
        guard let file = finder.recognizer.exportFile(in: message) else { throw .notAnExport(messageID: message.id.rawValue) }
        if let part = file.name.part, part.number > 1 {
            throw .laterPart(messageID: message.id.rawValue, name: file.name.description)
        }
        try finder.check(file.name, against: guildID)
        let export = try await finder.assemble(file, channelID: message.channelID, seen: [:])
        return try await prepare(export, guildID: guildID, scanned: 1)
    }

    private func prepare(
        _ export: PostedExport, guildID: String?, scanned: Int, lookAlikes: [String] = []
    ) async throws(RestoreError) -> RestorePreparation {
        let retrieved = try await retriever.retrieve(export)
        let target: String?
        switch export.name.scope {
        case .guild(let id): target = id
        case .all: target = guildID
        }
        do {
            let plan = try await store.planImport(retrieved.bytes, targetGuild: target)
            return RestorePreparation(
                retrieved: retrieved, plan: plan, scannedMessages: scanned, guardObjections: store.guardObjections(to: plan),
                skippedLookAlikes: lookAlikes)
        } catch {
            throw .invalidExport(name: export.name.exportName, error)
        }
    }

    /// Applies a prepared restore: creates the data folder if it is missing, backs up what is
    /// replaced, saves. `allowShrink` overrides the guard against a drastic shrink.
    package func apply(_ preparation: RestorePreparation, date: Date, allowShrink: Bool) async throws(RestoreError) -> ImportResult {
        let directory = store.directory
        do {
            try await BlockingIO.run { () throws(PlayerDataError) in try DurableFile.makeDirectories(directory) }
            return try await store.apply(preparation.plan, date: date, force: allowShrink)
        } catch .saveRejected(let rejection) {
            throw .shrinkRefused(reasons: rejection.reasons, rejectedPath: rejection.rejectedPath)
        } catch {
            throw .applyFailed(error)
        }
    }
}

/// A restore ready to apply: the export retrieved and checked, and what importing it changes.
package struct RestorePreparation: Sendable {
    let retrieved: RetrievedExport
    package let plan: ImportPlan
    package let scannedMessages: Int
    /// Why the data-loss guard would refuse this restore (a drastic shrink); empty when it would not.
    package let guardObjections: [String]
    /// Messages met on the way that carry an export file but were not posted by this bot
    /// (`ExportProvenance`): message id and why. Never restored.
    package let skippedLookAlikes: [String]

    package var exportName: String { retrieved.export.name.exportName }
    package var sha256: String { retrieved.sha256 }
    package var messageID: String { retrieved.export.first.message.id.rawValue }
    package var postedAt: Date? { retrieved.export.postedAt }
    package var exportByteCount: Int { retrieved.bytes.count }
    /// The restored file is byte for byte the export (an all-servers export restored whole).
    package var restoresFileExactly: Bool { plan.action == .replaceFile }
    var isAllServersExport: Bool { retrieved.export.name.scope == .all }

    /// What an operator reads before saying yes.
    package var summary: String {
        let export = retrieved.export
        var lines: [String] = []
        let posted = postedAt.map { " posted \(Timestamp.iso8601($0))" } ?? ""
        lines.append("Export: \(export.name.exportName)\(posted) (message \(messageID); \(scannedMessages) message(s) read)")
        let first = export.first.message
        let by = first.webhookID.map { "webhook \($0)" } ?? first.author.map { "user \($0.id)" } ?? "unknown"
        lines.append("Posted by: \(by), application \(first.applicationID?.rawValue ?? "none")")
        lines.append("Files: \(export.files.map(\.attachment.filename).joined(separator: ", "))")
        if !skippedLookAlikes.isEmpty {
            lines.append("Skipped \(skippedLookAlikes.count) look-alike export(s) not posted by this bot:")
            lines += skippedLookAlikes.prefix(10).map { "  \($0)" }
        }
        let files = export.files.count == 1 ? "1 file" : "\(export.files.count) parts"
        var travel = "\(files), \(retrieved.downloadedByteCount) bytes downloaded"
        if let decrypted = retrieved.decryptedWith { travel += ", \(decrypted)" }
        if export.name.gzipped { travel += ", gunzipped to \(retrieved.bytes.count) bytes" }
        lines.append("Downloaded: \(travel)")
        if retrieved.decryptedWith != nil {
            lines.append(
                "SHA-256: \(retrieved.sha256) (of the export; the encrypted file matched the message's checksum, and every "
                    + "chunk and the checksum sealed inside verified)")
        } else {
            lines.append("SHA-256: \(retrieved.sha256) (matches the message)")
        }
        lines.append(plan.description)
        lines += Self.describe(plan.guildChanges)
        if !guardObjections.isEmpty {
            lines.append("Data-loss guard: would refuse this restore (\(guardObjections.joined(separator: "; "))); --allow-shrink overrides it")
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ changes: GuildChanges) -> [String] {
        func list(_ label: String, _ items: [GuildChanges.Change]) -> [String] {
            guard !items.isEmpty else { return [] }
            let shown = items.prefix(20).map { "    \($0.guildID): players \($0.playersBefore) -> \($0.playersAfter), bytes \($0.bytesBefore) -> \($0.bytesAfter)" }
            let more = items.count > 20 ? ["    … and \(items.count - 20) more"] : []
            return ["  \(label): \(items.count)"] + shown + more
        }
        var lines = list("guilds added", changes.added) + list("guilds removed", changes.removed) + list("guilds changed", changes.changed)
        lines.append("  guilds unchanged: \(changes.unchangedCount)")
        return lines
    }
}

/// Why a restore stopped. The data file is unchanged in every case: the import path leaves it as
/// it was on any failure (a guard refusal writes only its `.REJECTED` copy, as every save does).
package enum RestoreError: Error, Sendable, CustomStringConvertible, LocalizedError {
    case discord(DiscordHTTPError, channelID: String)
    case emptyChannel(channelID: String)
    case noReadHistory(channelID: String)
    case noExportFound(channelID: String, scanned: Int, oldest: Date?, guildID: String?, before: Date?)
    case notAnExport(messageID: String)
    case laterPart(messageID: String, name: String)
    case missingPart(name: String, number: Int, count: Int)
    case otherGuild(exportGuild: String, requested: String)
    case attachmentUnavailable(name: String, reason: String)
    case tooLarge(name: String, limit: Int)
    /// The gzip is damaged, cut short, or expands implausibly far (`GunzipLimits`).
    case gunzipRefused(name: String, GunzipError)
    case noStatedChecksum(name: String)
    case checksumMismatch(name: String, stated: String, actual: String)
    case encrypted(name: String)
    /// `--key` was given but the export is not sealed: refused, never restored as plaintext.
    case notEncrypted(name: String)
    case undecryptable(name: String, ExportFileError)
    case invalidExport(name: String, PlayerDataError)
    case shrinkRefused(reasons: [String], rejectedPath: String)
    case applyFailed(PlayerDataError)
    case interrupted(String)

    package var description: String {
        switch self {
        case .discord(let error, let channel):
            return Self.describe(error, channel: channel)
        case .emptyChannel(let channel):
            return "channel \(channel) returned no messages: it is empty, or the bot lacks Read Message History there "
                + "(Discord then returns none). Grant the bot View Channel and Read Message History in that channel."
        case .noReadHistory(let channel):
            return "channel \(channel) has messages, but the bot lacks Read Message History there, so Discord lists none. "
                + "Grant the bot Read Message History in that channel and run the restore again."
        case .noExportFound(let channel, let scanned, let oldest, let guild, let before):
            var what = "no export posted by this bot"
            if let guild { what += " holding guild \(guild)" }
            if let before { what += " before \(Timestamp.iso8601(before))" }
            let back = oldest.map { ", back to \(Timestamp.iso8601($0))" } ?? ""
            return "\(what) was found in channel \(channel): looked through \(scanned) message(s)\(back). "
                + "Name the export's message with --message, or look further back with --search-limit."
        case .notAnExport(let message):
            return "message \(message) is not an export posted by this bot (no export file from its webhook)"
        case .laterPart(let message, let name):
            return "message \(message) carries \(name); name the export's first message (the one with part 1 and the SHA-256)"
        case .missingPart(let name, let number, let count):
            return "part \(number) of \(count) of \(name) is missing from the channel (deleted, or its delivery failed); "
                + "this export cannot be rebuilt. Restore an earlier export with --before or --message."
        case .otherGuild(let exportGuild, let requested):
            return "the export is guild \(exportGuild)'s, not \(requested); pick an export of guild \(requested) or an all-servers export"
        case .attachmentUnavailable(let name, let reason):
            return "\(name) could not be downloaded: \(reason)"
        case .tooLarge(let name, let limit):
            return "\(name) is larger than a restore accepts (\(ByteSizeText.describe(limit)))"
        case .gunzipRefused(let name, let error):
            return "\(name) was not un-gzipped, and nothing was restored: \(error)"
        case .noStatedChecksum(let name):
            return "the message of \(name) states no SHA-256, so the download cannot be checked; nothing was restored"
        case .checksumMismatch(let name, let stated, let actual):
            return "checksum mismatch for \(name): the message states SHA-256 \(stated), the downloaded file has \(actual). "
                + "The stored copy is damaged; nothing was restored."
        case .notEncrypted(let name):
            return "\(name) is not encrypted, but a secret key was given: with --key only encrypted exports are restored, "
                + "so a plain file in the channel cannot stand in for a sealed one. Run without --key to restore it."
        case .encrypted(let name):
            return "\(name) is encrypted; restore it with the secret key file: --key FILE (from castbot keygen)"
        case .undecryptable(let name, let error):
            return "\(name) could not be decrypted, and nothing was restored: \(error)"
        case .invalidExport(let name, let error):
            return "\(name) cannot be restored: \(error)"
        case .shrinkRefused(let reasons, let path):
            return "the data-loss guard refused the restore (\(reasons.joined(separator: "; "))); the result was written to \(path) "
                + "for inspection. If this shrink is intended, run again with --allow-shrink."
        case .applyFailed(let error):
            return "the restore could not be written, and the data file was left as it was: \(error)"
        case .interrupted(let reason):
            return "the restore was interrupted: \(reason)"
        }
    }

    package var errorDescription: String? { description }

    private static func describe(_ error: DiscordHTTPError, channel: String) -> String {
        switch error.code {
        case .unknownChannel?:
            return "channel \(channel) does not exist or the bot is not in its server (Discord 10003 Unknown Channel)"
        case .missingAccess?:
            return "the bot cannot see channel \(channel) (Discord 50001 Missing Access): it needs View Channel there"
        case .missingPermissions?:
            return "the bot lacks a permission in channel \(channel) (Discord 50013): it needs View Channel and Read Message History"
        case .unknownMessage?:
            return "that message does not exist in channel \(channel) (Discord 10008 Unknown Message)"
        default:
            if error.status == 401 { return "Discord refused the bot token (401): check DISCORD_TOKEN" }
            return "reading channel \(channel) failed: \(error)"
        }
    }
}
