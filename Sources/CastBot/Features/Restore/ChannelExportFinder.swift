import ExportFormat
import PlayerData
import DiscordModels
import DiscordREST
import Foundation

/// Which export of a channel to restore.
struct ExportSelection: Sendable, Equatable {
    /// The export's first message (the one stating its facts); nil takes the newest export.
    var messageID: Snowflake?
    /// Only exports posted before this time.
    var before: Date?
    /// Only exports holding this guild: its server exports, and all-servers exports (from which
    /// only this guild is restored).
    var guildID: String?
    /// How many messages to read back before giving up.
    var searchLimit = 10_000
}

/// Finds this service's exports in a channel's history.
///
/// History is read newest first, 100 messages a page, paging back with `before`. Part messages
/// of a split export are posted right after its first message, so they are met first and kept
/// until their first message turns up; parts not met (a selection that starts between them)
/// are read forward from the first message with `after`.
struct ChannelExportFinder: Sendable {
    let discord: any DiscordClient
    let recognizer: ExportMessageRecognizer

    static let pageSize = 100
    /// Pages read forward from a first message to find its parts.
    static let partSearchPages = 5

    /// The export selected, how many messages were read to find it, and the messages on the way
    /// that carry an export file but were not posted by this bot (message id and why).
    func find(in channelID: Snowflake, _ selection: ExportSelection) async throws(RestoreError)
        -> (PostedExport, scanned: Int, lookAlikes: [String])
    {
        if let messageID = selection.messageID {
            let message = try await read(channelID) { try await discord.getMessage(channelID: channelID, messageID: messageID) }
            guard let file = recognizer.exportFile(in: message) else { throw .notAnExport(messageID: messageID.rawValue) }
            if let part = file.name.part, part.number > 1 {
                throw .laterPart(messageID: messageID.rawValue, name: file.name.description)
            }
            try check(file.name, against: selection.guildID)
            return (try await assemble(file, channelID: channelID, seen: [:]), 1, [])
        }

        var cursor = selection.before.map(Snowflake.init(earliestAt:))
        var scanned = 0
        var oldest: Date?
        var seenParts: [ExportFileName: PostedExport.File] = [:]
        var lookAlikes: [String] = []
        while scanned < selection.searchLimit {
            let limit = min(Self.pageSize, selection.searchLimit - scanned)
            let page = try await read(channelID) { try await discord.getChannelMessages(channelID: channelID, limit: limit, before: cursor) }
            if page.isEmpty && scanned == 0 && cursor == nil { throw await emptyHistory(channelID) }
            for message in page.sorted(by: { $0.id > $1.id }) {
                scanned += 1
                oldest = message.id.createdAt ?? oldest
                guard let file = recognizer.exportFile(in: message) else {
                    if let why = recognizer.lookAlike(message) { lookAlikes.append("message \(message.id): \(why)") }
                    continue
                }
                if let part = file.name.part, part.number > 1 {
                    seenParts[file.name] = file
                    continue
                }
                guard Self.holds(file.name, guild: selection.guildID) else { continue }
                return (try await assemble(file, channelID: channelID, seen: seenParts), scanned, lookAlikes)
            }
            guard page.count == limit, let last = page.map(\.id).min() else { break }
            cursor = last
        }
        throw .noExportFound(
            channelID: channelID.rawValue, scanned: scanned, oldest: oldest, guildID: selection.guildID, before: selection.before)
    }

    /// The export whose first file is `first`, with its other parts in order.
    func assemble(_ first: PostedExport.File, channelID: Snowflake, seen: [ExportFileName: PostedExport.File]) async throws(RestoreError)
        -> PostedExport
    {
        let stated = ExportMessageText.parse(first.message.content).sha256
        guard let count = first.name.part?.count, count > 1 else {
            return PostedExport(first: first, files: [first], statedSHA256: stated)
        }
        var parts: [Int: PostedExport.File] = [1: first]
        for (name, file) in seen where name.joinedName == first.name.joinedName && name.part?.count == count {
            if let number = name.part?.number { parts[number] = file }
        }
        var cursor = first.message.id
        var pages = 0
        while parts.count < count && pages < Self.partSearchPages {
            let page = try await read(channelID) {
                try await discord.getChannelMessages(channelID: channelID, limit: Self.pageSize, after: cursor)
            }
            pages += 1
            for message in page {
                guard let file = recognizer.exportFile(in: message), file.name.joinedName == first.name.joinedName,
                    let part = file.name.part, part.count == count
                else { continue }
                parts[part.number] = parts[part.number] ?? file
            }
            guard page.count == Self.pageSize, let newest = page.map(\.id).max() else { break }
            cursor = newest
        }
        var files: [PostedExport.File] = []
        for number in 1...count {
            guard let file = parts[number] else { throw .missingPart(name: first.name.joinedName, number: number, count: count) }
            files.append(file)
        }
        return PostedExport(first: first, files: files, statedSHA256: stated)
    }

    /// Why a channel listed no messages: Discord answers an empty list, not an error, when the bot
    /// lacks Read Message History; the channel itself still names its last message then.
    private func emptyHistory(_ channelID: Snowflake) async -> RestoreError {
        let channel = try? await discord.getChannel(channelID)
        if channel?.lastMessageID != nil { return .noReadHistory(channelID: channelID.rawValue) }
        return .emptyChannel(channelID: channelID.rawValue)
    }

    /// Refuses a server export of another guild than the one asked for.
    func check(_ name: ExportFileName, against guildID: String?) throws(RestoreError) {
        guard let guildID, case .guild(let exportGuild) = name.scope, exportGuild != guildID else { return }
        throw .otherGuild(exportGuild: exportGuild, requested: guildID)
    }

    static func holds(_ name: ExportFileName, guild: String?) -> Bool {
        guard let guild else { return true }
        switch name.scope {
        case .all: return true
        case .guild(let id): return id == guild
        }
    }

    /// Runs a history read, turning Discord's refusals into what the operator must fix.
    private func read<T>(_ channelID: Snowflake, _ body: () async throws -> T) async throws(RestoreError) -> T {
        do {
            return try await body()
        } catch let error as DiscordHTTPError {
            throw RestoreError.discord(error, channelID: channelID.rawValue)
        } catch {
            throw RestoreError.interrupted(String(describing: error))
        }
    }
}
