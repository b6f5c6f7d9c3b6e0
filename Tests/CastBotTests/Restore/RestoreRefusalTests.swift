import CastBotTestSupport
import DiscordModels
import DiscordREST
import ExportFormat
import Foundation
import PlayerData
import Testing

@testable import CastBot

/// What a restore refuses, each with nothing written: damaged or missing files, messages that are
/// not this bot's, and channels the bot cannot read. The channel is a small in-memory fake; the
/// messages are composed by the real export message composer and packager.
@Suite("Restore refusals and recognition", .timeLimit(.minutes(2)))
struct RestoreRefusalTests {
    static let date = Date(timeIntervalSince1970: 1_760_538_600)

    /// Posts `bytes` as a scheduled all-servers export the way delivery would, as one or more messages.
    @discardableResult
    static func postExport(_ bytes: [UInt8], to channel: ChannelHistoryFake, limits: ExportUploadLimits = ExportUploadLimits(),
                           applicationID: Snowflake? = ChannelHistoryFake.applicationID) throws -> [Message] {
        let plan = try ExportPackager(limits: limits).plan(filename: ExportFileName.all(date: date, kind: .scheduled), bytes: bytes)
        let facts = ExportMessageFacts(kind: .scheduled, typeLabel: "All Servers", guildCount: 31, playerCount: 1, exportedAt: date, nextRunAt: nil)
        return ExportMessageComposer.messages(for: plan, facts: facts).map { message in
            channel.post(
                content: message.payload.content ?? "", files: message.files.map { ($0.filename, Array($0.data)) },
                applicationID: applicationID)
        }
    }

    static func restore(_ channel: ChannelHistoryFake, _ folder: TemporaryDirectory) -> ChannelRestore {
        ChannelRestore(discord: channel, store: PlayerDataStore(directory: folder.path), applicationID: ChannelHistoryFake.applicationID)
    }

    /// The error's message, or a failure if the call succeeded.
    static func refusal(_ body: () async throws -> Void) async -> String {
        do {
            try await body()
            Issue.record("expected a refusal")
            return ""
        } catch {
            return String(describing: error)
        }
    }

    @Test("A flipped byte in the stored file is refused naming the checksum; the data folder is unchanged")
    func flippedByte() async throws {
        let channel = ChannelHistoryFake()
        let fixture = try Fixtures.bytes(Fixtures.wholeFile)
        let posted = try Self.postExport(fixture, to: channel)
        channel.corrupt(try #require(posted.first?.attachments?.first?.filename))
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Array("{}".utf8), to: "playerData.json")
        let message = await Self.refusal { _ = try await Self.restore(channel, folder).prepare(channelID: ChannelHistoryFake.channelID) }
        #expect(message.contains("checksum mismatch"))
        #expect(message.contains(SHA256Hex.digest(fixture)))
        #expect(try folder.contents() == ["playerData.json"])
        #expect(try folder.read("playerData.json") == Array("{}".utf8))
    }

    @Test("A split export with a part deleted is refused naming the part")
    func missingPart() async throws {
        let channel = ChannelHistoryFake()
        var generator = SystemRandomNumberGenerator()
        let blob = Data((0..<30_000).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
        let bytes = Array("{\"\(ScheduledHarness.guildID)\": {\"blob\": \"\(blob)\"}}".utf8)
        let posted = try Self.postExport(bytes, to: channel, limits: ExportUploadLimits(fileLimit: 8_192, requestReserve: 2_048))
        #expect(posted.count > 2)
        channel.delete(posted[1].id)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let message = await Self.refusal { _ = try await Self.restore(channel, folder).prepare(channelID: ChannelHistoryFake.channelID) }
        #expect(message.contains("part 2 of \(posted.count)"))
        #expect(message.contains("is missing"))
        #expect(try folder.contents().isEmpty)
    }

    @Test("An expired attachment link is fetched again through its message and the download succeeds")
    func expiredLink() async throws {
        let channel = ChannelHistoryFake()
        let fixture = try Fixtures.bytes(Fixtures.wholeFile)
        let posted = try Self.postExport(fixture, to: channel)
        channel.expireLinks()
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // The restore reads the message by id, so its first link is the original (expired) one.
        let messageID = try #require(posted.first?.id)
        let preparation = try await Self.restore(channel, folder).prepare(channelID: ChannelHistoryFake.channelID, messageID: messageID)
        #expect(preparation.sha256 == SHA256Hex.digest(fixture))
        #expect(channel.requests.filter { $0.hasPrefix("GET /channels/{channel.id}/messages/{message.id}") }.count >= 1)
    }

    @Test("Exports posted by another application's webhook, or by a person, are never taken for this bot's")
    func othersIgnored() async throws {
        let channel = ChannelHistoryFake()
        let fixture = try Fixtures.bytes(Fixtures.wholeFile)
        try Self.postExport(fixture, to: channel, applicationID: Snowflake(1_300_000_000_000_000_009))
        channel.post(content: "look what I found", files: [(ExportFileName.all(date: Self.date, kind: .scheduled), fixture)], webhookName: nil,
                     applicationID: nil)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let message = await Self.refusal { _ = try await Self.restore(channel, folder).prepare(channelID: ChannelHistoryFake.channelID) }
        #expect(message.contains("no export posted by this bot was found"))
        #expect(message.contains("looked through 2 message(s)"))
    }

    @Test("Missing access to the channel is explained with the permission the bot needs")
    func missingAccess() async throws {
        let channel = ChannelHistoryFake()
        channel.failHistory(with: .status(403, code: .missingAccess, message: "Missing Access", route: "GET /channels/1/messages"))
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let message = await Self.refusal { _ = try await Self.restore(channel, folder).prepare(channelID: ChannelHistoryFake.channelID) }
        #expect(message.contains("50001 Missing Access"))
        #expect(message.contains("View Channel"))
    }

    @Test("An empty history says the bot may lack Read Message History (Discord then lists nothing)")
    func emptyHistory() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let message = await Self.refusal { _ = try await Self.restore(ChannelHistoryFake(), folder).prepare(channelID: ChannelHistoryFake.channelID) }
        #expect(message.contains("Read Message History"))
    }

    @Test("--before picks the newest export posted before that time")
    func beforeTime() async throws {
        let channel = ChannelHistoryFake()
        let older = Array("{\"\(ScheduledHarness.guildID)\": {\"players\": {}}}".utf8)
        let newer = Array("{\"\(ScheduledHarness.guildID)\": {\"players\": {\"1\": {}}}}".utf8)
        let first = try #require(try Self.postExport(older, to: channel).first)
        let second = try #require(try Self.postExport(newer, to: channel).first)
        let between = try #require(first.id.createdAt).addingTimeInterval(0.005)
        #expect(between < (second.id.createdAt ?? .distantPast))
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let restore = Self.restore(channel, folder)
        #expect(try await restore.prepare(channelID: ChannelHistoryFake.channelID).sha256 == SHA256Hex.digest(newer))
        #expect(try await restore.prepare(channelID: ChannelHistoryFake.channelID, before: between).sha256 == SHA256Hex.digest(older))
    }

    @Test("A drastic shrink is flagged by the drill and refused on apply unless allowed; the data file stays until then")
    func shrinkGuard() async throws {
        let channel = ChannelHistoryFake()
        let tiny = Array("{\"\(ScheduledHarness.guildID)\": {\"players\": {}}}".utf8)
        try Self.postExport(tiny, to: channel)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let fixture = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(fixture, to: "playerData.json")
        let restore = Self.restore(channel, folder)
        let preparation = try await restore.prepare(channelID: ChannelHistoryFake.channelID)
        #expect(!preparation.guardObjections.isEmpty)
        #expect(preparation.summary.contains("Data-loss guard: would refuse"))
        let refused = await Self.refusal { _ = try await restore.apply(preparation, date: Self.date, allowShrink: false) }
        #expect(refused.contains("--allow-shrink"))
        #expect(try folder.read("playerData.json") == fixture)

        _ = try await restore.apply(preparation, date: Self.date, allowShrink: true)
        #expect(try folder.read("playerData.json") == tiny)
        #expect(try folder.read("playerData.json.backup") == fixture)
    }

    @Test("Export file names are read back: scope, gzip, encryption and parts")
    func fileNames() throws {
        let part = try #require(ExportFileName("playerdata-scheduled-ALL-2025-10-15T14-30-00-000Z.json.gz.part03of12"))
        #expect(part.scope == .all && part.scheduled && part.gzipped && !part.encrypted)
        #expect(part.part?.number == 3 && part.part?.count == 12)
        #expect(part.joinedName == "playerdata-scheduled-ALL-2025-10-15T14-30-00-000Z.json.gz")
        let guild = try #require(ExportFileName("playerdata-export-1200000000000000001-2025-10-15T14-30-00-000Z.json"))
        #expect(guild.scope == .guild("1200000000000000001") && !guild.scheduled && guild.part == nil)
        let sealed = try #require(ExportFileName("playerdata-FULL-export-2025-10-15T14-30-00-000Z.json.gz.enc"))
        #expect(sealed.encrypted && sealed.gzipped && sealed.scope == .all)
        for bad in ["notes.json", "playerdata-scheduled-abc-2025-10-15T14-30-00-000Z.json", "playerdata-scheduled-ALL.json",
                    "playerdata-scheduled-ALL-2025-10-15T14-30-00-000Z.json.part5of3"] {
            #expect(ExportFileName(bad) == nil, "\(bad)")
        }
    }
}
