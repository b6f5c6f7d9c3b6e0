import CastBotTestSupport
import DiscordModels
import DiscordREST
import DiscordSandbox
import ExportEncryption
import ExportFormat
import Foundation
import Logging
import PlayerData
import Testing

@testable import CastBot

/// Scheduled exports posted through the real delivery path into DiscordSandbox, then restored from
/// the channel alone into a fresh, missing data folder, as `castbot restore` does.
@Suite("Restore from the export channel end to end", .serialized, .timeLimit(.minutes(3)))
struct RestoreEndToEndTests {
    static let sandboxConfiguration: SandboxConfiguration = {
        var configuration = SandboxConfiguration()
        configuration.maxRequestBodySize = 10_485_760
        // The chat before a restore is posted faster than Discord would allow.
        configuration.globalRequestsPerSecond = nil
        return configuration
    }()

    /// A client that reads the channel as `castbot restore` does (its own client on the real clock:
    /// the restore's few requests meet no rate limit).
    static func restoreClient(_ world: SandboxWorld) async throws -> HTTPDiscordClient {
        var settings = HTTPDiscordClientConfiguration()
        settings.baseURL = try await world.sandbox.waitUntilRunning().absoluteString
        return HTTPDiscordClient(token: DiscordToken(world.sandbox.configuration.botToken), configuration: settings, logger: .quiet("restore"))
    }

    /// Chat after the export: `count` plain messages from the bot, newer than every export.
    static func chat(_ world: SandboxWorld, count: Int) async throws {
        var settings = HTTPDiscordClientConfiguration()
        settings.baseURL = try await world.sandbox.waitUntilRunning().absoluteString
        settings.globalRequestsPerSecond = 100_000
        await world.sandbox.addRateLimit(try SandboxRateLimitRule("POST /channels/*/messages", limit: 100_000, per: .seconds(1)))
        let client = HTTPDiscordClient(token: DiscordToken(world.sandbox.configuration.botToken), configuration: settings, logger: .quiet("chat"))
        let channel = try #require(Snowflake(world.channelID))
        for index in 0..<count {
            _ = try await client.createMessage(channelID: channel, payload: MessagePayload(content: "chat message \(index)"))
        }
    }

    /// Runs `schedule` until its first export is delivered through the real path, then stops the
    /// scheduled side (its data folder stays until the test removes it).
    static func exportOnce(_ world: SandboxWorld, data: [UInt8], schedule: ExportScheduleRequest) async throws -> ScheduledHarness {
        let harness = try await world.harness(dataFile: data)
        try await harness.features.exports.apply(schedule)
        await harness.advance(by: .seconds(5))
        #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)
        await harness.stop()
        return harness
    }

    /// A fresh place for the data: a folder that does not exist yet.
    static func freshStore() throws -> (PlayerDataStore, TemporaryDirectory) {
        let root = try TemporaryDirectory()
        return (PlayerDataStore(directory: root.path + "/new-machine/data"), root)
    }

    static func restore(_ world: SandboxWorld, into store: PlayerDataStore) async throws -> ChannelRestore {
        ChannelRestore(
            discord: try await restoreClient(world), store: store,
            applicationID: try #require(Snowflake(world.sandbox.configuration.applicationID)))
    }

    @Test("An all-servers export restores byte for byte into a missing folder, found behind 150 newer chat messages")
    func allServers() async throws {
        try await SandboxWorld.with(Self.sandboxConfiguration) { world in
            let fixture = try Fixtures.bytes(Fixtures.wholeFile)
            let harness = try await Self.exportOnce(world, data: fixture, schedule: ScheduleRequests.all(every: 60))
            try await Self.chat(world, count: 150)
            harness.directory.remove()

            let (store, root) = try Self.freshStore()
            defer { root.remove() }
            let restore = try await Self.restore(world, into: store)
            let preparation = try await restore.prepare(channelID: try #require(Snowflake(world.channelID)))
            #expect(preparation.scannedMessages == 151)
            #expect(preparation.plan.action == .replaceFile)
            #expect(preparation.sha256 == SHA256Hex.digest(fixture))
            #expect(preparation.summary.contains("guilds added: 31"))
            #expect(!FileManager.default.fileExists(atPath: store.directory), "a drill creates nothing")

            let result = try await restore.apply(preparation, date: Date(), allowShrink: false)
            #expect(result.save.guildCount == 31)
            #expect(try DurableFile.contents(of: store.dataPath) == fixture)
        }
    }

    @Test("A later export forged through a webhook named like ours, stating its own SHA-256, is not restored")
    func forgedWebhookExportIgnored() async throws {
        try await SandboxWorld.with(Self.sandboxConfiguration) { world in
            let fixture = try Fixtures.bytes(Fixtures.wholeFile)
            let harness = try await Self.exportOnce(world, data: fixture, schedule: ScheduleRequests.all(every: 60))
            harness.directory.remove()
            // Someone with Manage Webhooks makes a webhook in channel settings, named like ours (no
            // application owns it), and posts a newer "all servers export" with a matching checksum.
            let forged = Array(#"{"974318870057848842":{"players":{}}}"#.utf8)
            let webhook = try await world.sandbox.addWebhook(
                channelID: world.channelID, name: TemporaryWebhookDelivery.webhookName, applicationID: nil)
            let client = try await Self.restoreClient(world)
            let later = ExportFileName.all(date: Date().addingTimeInterval(86_400), kind: .scheduled)
            let posted = try await client.executeWebhook(
                webhookID: try #require(Snowflake(webhook.id)), token: webhook.token,
                payload: MessagePayload(content: "📤 **Scheduled PlayerData Export**\n\(ExportChecksumText.line(SHA256Hex.digest(forged)))"),
                files: [DiscordFile(filename: later, contentType: "application/json", data: Data(forged))])
            #expect(posted.applicationID == nil, "Discord sets no application id on a user's webhook")

            let (store, root) = try Self.freshStore()
            defer { root.remove() }
            let preparation = try await Self.restore(world, into: store).prepare(channelID: try #require(Snowflake(world.channelID)))
            #expect(preparation.sha256 == SHA256Hex.digest(fixture), "the export this bot posted, not the forged one")
            #expect(preparation.exportName != later)
            #expect(preparation.skippedLookAlikes.count == 1)
            #expect(preparation.summary.contains("Skipped 1 look-alike export(s) not posted by this bot"))
            #expect(preparation.summary.contains("message \(posted.id): posted by a webhook this application does not own"))
            // Named explicitly, the forged message is refused as no export of this bot.
            await #expect(throws: RestoreError.self) {
                _ = try await Self.restore(world, into: store).prepare(channelID: try #require(Snowflake(world.channelID)), messageID: posted.id)
            }
        }
    }

    @Test("With a secret key given, a plain export is refused, never restored as plaintext")
    func keyRefusesPlainExport() async throws {
        try await SandboxWorld.with(Self.sandboxConfiguration) { world in
            let fixture = try Fixtures.bytes(Fixtures.wholeFile)
            let harness = try await Self.exportOnce(world, data: fixture, schedule: ScheduleRequests.all(every: 60))
            harness.directory.remove()
            let (store, root) = try Self.freshStore()
            defer { root.remove() }
            let restore = ChannelRestore(
                discord: try await Self.restoreClient(world), store: store,
                applicationID: try #require(Snowflake(world.sandbox.configuration.applicationID)), keys: [ExportSecretKey.generate()])
            await #expect {
                _ = try await restore.prepare(channelID: try #require(Snowflake(world.channelID)))
            } throws: { error in
                "\(error)".contains("is not encrypted, but a secret key was given")
            }
            #expect(!FileManager.default.fileExists(atPath: store.directory))
        }
    }

    @Test("A server export restores its guild only; the other guilds stay as they are")
    func serverExport() async throws {
        try await SandboxWorld.with(Self.sandboxConfiguration) { world in
            let fixture = try Fixtures.bytes(Fixtures.wholeFile)
            let original = try PlayerDataFile(bytes: fixture)
            let guild = Fixtures.guildID
            let other = try #require(original.guildIDs.first { $0 != guild })
            let harness = try await Self.exportOnce(world, data: fixture, schedule: ScheduleRequests.server(every: 60, guildID: guild))
            try await Self.chat(world, count: 3)

            // Both guilds lose their players after the export.
            let store = PlayerDataStore(directory: harness.directory.path)
            var damaged = try await store.load()
            for id in [guild, other] {
                let plan = try await store.planImport(Self.emptyGuildExport(id), targetGuild: id)
                _ = try await store.apply(plan, date: Date(), force: true)
                damaged = try await store.load()
            }
            #expect(damaged.playerCount(of: guild) == 0)

            let restore = try await Self.restore(world, into: store)
            let preparation = try await restore.prepare(channelID: try #require(Snowflake(world.channelID)))
            #expect(preparation.plan.action == .replaceGuild)
            #expect(preparation.plan.guildChanges.changed.map(\.guildID) == [guild])
            _ = try await restore.apply(preparation, date: Date(), allowShrink: false)
            let restored = try await store.load()
            #expect(restored.guild(guild).map(Array.init) == original.guild(guild).map(Array.init))
            #expect(restored.guild(other).map(Array.init) == damaged.guild(other).map(Array.init))
            #expect(restored.playerCount(of: other) == 0)
            harness.directory.remove()
        }
    }

    @Test("A 15 MB guild sent gzipped restores into a missing folder with the guild's exact bytes")
    func gzippedGuild() async throws {
        try await SandboxWorld.with(Self.sandboxConfiguration) { world in
            let guild = ScheduledHarness.guildID
            let data = Self.compressibleDataFile(guildID: guild, players: 110_000)
            #expect(data.count > 15_000_000)
            let harness = try await Self.exportOnce(world, data: data, schedule: ScheduleRequests.server(every: 1440, guildID: guild))
            let posted = await world.messages()
            #expect(posted.count == 1)
            #expect(posted.first?.attachments.first?.filename.hasSuffix(".json.gz") == true)
            harness.directory.remove()

            let (store, root) = try Self.freshStore()
            defer { root.remove() }
            let restore = try await Self.restore(world, into: store)
            let preparation = try await restore.prepare(channelID: try #require(Snowflake(world.channelID)), guildID: guild)
            #expect(preparation.summary.contains("gunzipped"))
            _ = try await restore.apply(preparation, date: Date(), allowShrink: false)
            let restored = try await store.load()
            #expect(restored.guild(guild).map(Array.init) == (try PlayerDataFile(bytes: data)).guild(guild).map(Array.init))
        }
    }

    @Test("A file split into gzip parts is joined in order and restored byte for byte")
    func splitParts() async throws {
        try await SandboxWorld.with(Self.sandboxConfiguration) { world in
            let data = LargeExportTests.largeDataFile(guildID: ScheduledHarness.guildID)
            let harness = try await Self.exportOnce(world, data: data, schedule: ScheduleRequests.all(every: 1440))
            let posted = await world.messages()
            #expect(posted.count >= 2, "split into parts")
            try await Self.chat(world, count: 5)
            harness.directory.remove()

            let (store, root) = try Self.freshStore()
            defer { root.remove() }
            let restore = try await Self.restore(world, into: store)
            let preparation = try await restore.prepare(channelID: try #require(Snowflake(world.channelID)))
            #expect(preparation.summary.contains("\(posted.count) parts"))
            _ = try await restore.apply(preparation, date: Date(), allowShrink: false)
            #expect(try DurableFile.contents(of: store.dataPath) == data)
        }
    }

    @Test("Naming another guild than the export's refuses, and nothing is written")
    func otherGuildRefused() async throws {
        try await SandboxWorld.with(Self.sandboxConfiguration) { world in
            let fixture = try Fixtures.bytes(Fixtures.wholeFile)
            let harness = try await Self.exportOnce(world, data: fixture, schedule: ScheduleRequests.server(every: 60, guildID: Fixtures.guildID))
            harness.directory.remove()
            let exportMessage = try #require(await world.messages().first)

            let (store, root) = try Self.freshStore()
            defer { root.remove() }
            let restore = try await Self.restore(world, into: store)
            let channel = try #require(Snowflake(world.channelID))
            await #expect(throws: RestoreError.self) {
                _ = try await restore.prepare(channelID: channel, messageID: Snowflake(exportMessage.id), guildID: "1300000000000000001")
            }
            do {
                _ = try await restore.prepare(channelID: channel, guildID: "1300000000000000001")
                Issue.record("no export of that guild is in the channel")
            } catch {
                #expect(String(describing: error).contains("no export posted by this bot holding guild 1300000000000000001"))
                #expect(String(describing: error).contains("looked through 1 message(s)"))
            }
            #expect(!FileManager.default.fileExists(atPath: store.directory))
        }
    }

    @Test("A flipped byte in the attachment Discord stores is refused naming the checksum; a drill writes nothing")
    func flippedByte() async throws {
        try await SandboxWorld.with(Self.sandboxConfiguration) { world in
            let fixture = try Fixtures.bytes(Fixtures.wholeFile)
            let harness = try await Self.exportOnce(world, data: fixture, schedule: ScheduleRequests.all(every: 60))
            harness.directory.remove()
            let attachment = try #require(await world.messages().first?.attachments.first)
            try await world.sandbox.corruptAttachment(id: attachment.id, atOffset: 1_000)

            let folder = try TemporaryDirectory()
            defer { folder.remove() }
            try folder.write(Array("{}".utf8), to: "playerData.json")
            let restore = try await Self.restore(world, into: PlayerDataStore(directory: folder.path))
            do {
                _ = try await restore.prepare(channelID: try #require(Snowflake(world.channelID)))
                Issue.record("a damaged copy must be refused")
            } catch {
                #expect(String(describing: error).contains("checksum mismatch"))
                #expect(String(describing: error).contains(SHA256Hex.digest(fixture)))
            }
            #expect(try folder.contents() == ["playerData.json"])
            #expect(try folder.read("playerData.json") == Array("{}".utf8))
        }
    }

    @Test("Without Read Message History (Discord then lists nothing) the refusal names that permission; with it the restore works")
    func missingReadHistory() async throws {
        try await SandboxWorld.with(Self.sandboxConfiguration) { world in
            let harness = try await Self.exportOnce(world, data: try Fixtures.bytes(Fixtures.wholeFile), schedule: ScheduleRequests.all(every: 60))
            harness.directory.remove()
            try await world.sandbox.setBotPermissions([.viewChannel, .sendMessages], inChannel: world.channelID)

            let (store, root) = try Self.freshStore()
            defer { root.remove() }
            let restore = try await Self.restore(world, into: store)
            let channel = try #require(Snowflake(world.channelID))
            do {
                _ = try await restore.prepare(channelID: channel)
                Issue.record("the history cannot be read")
            } catch {
                #expect(String(describing: error).contains("lacks Read Message History"))
            }
            try await world.sandbox.setBotPermissions([.viewChannel, .sendMessages, .readMessageHistory], inChannel: world.channelID)
            #expect(try await restore.prepare(channelID: channel).plan.action == .replaceFile)
        }
    }

    @Test("Encrypted exports restore with either recipient's key, byte for byte; without a key or with another key nothing is written",
          arguments: [false, true])
    func encrypted(hundredMegabytes: Bool) async throws {
        let alice = ExportSecretKey.generate()
        let bob = ExportSecretKey.generate()
        let carol = ExportSecretKey.generate()
        try await SandboxWorld.with(Self.sandboxConfiguration) { world in
            let data = hundredMegabytes
                ? EncryptedExportEndToEndTests.hundredMegabyteDataFile(guildID: ScheduledHarness.guildID) : try Fixtures.bytes(Fixtures.wholeFile)
            let harness = try await world.harness(
                dataFile: data, packager: ExportPackager(sealer: try ExportSealer(recipients: [alice.publicKey, bob.publicKey])))
            try await harness.features.exports.apply(ScheduleRequests.all(every: 1440))
            await harness.advance(by: .seconds(5))
            let end = await harness.event { $0.isRunEnd }
            #expect(end?.isRunSuccess == true, "\(String(describing: end))")
            await harness.stop()
            harness.directory.remove()
            let posted = await world.messages()
            let firstName = posted.first?.attachments.first?.filename ?? ""
            if hundredMegabytes {
                #expect(posted.count > 1 && firstName.contains(".json.gz.enc.part") && firstName.hasSuffix("of\(posted.count)"), "\(firstName)")
            } else {
                #expect(firstName.hasSuffix(".json.enc"), "\(firstName)")
            }

            let channel = try #require(Snowflake(world.channelID))
            let client = try await Self.restoreClient(world)
            let applicationID = try #require(Snowflake(world.sandbox.configuration.applicationID))
            for (keys, refusal) in [([], "is encrypted; restore it with the secret key file"), ([carol], "could not be decrypted")] {
                let (store, root) = try Self.freshStore()
                defer { root.remove() }
                let restore = ChannelRestore(discord: client, store: store, applicationID: applicationID, keys: keys)
                do {
                    _ = try await restore.prepare(channelID: channel)
                    Issue.record("refused without the right key")
                } catch {
                    #expect(String(describing: error).contains(refusal), "\(error)")
                }
                #expect(!FileManager.default.fileExists(atPath: store.directory))
            }
            for key in [alice, bob] {
                let (store, root) = try Self.freshStore()
                defer { root.remove() }
                let restore = ChannelRestore(discord: client, store: store, applicationID: applicationID, keys: [key])
                let preparation = try await restore.prepare(channelID: channel)
                #expect(preparation.summary.contains("decrypted with key id \(key.keyID)"))
                _ = try await restore.apply(preparation, date: Date(), allowShrink: false)
                #expect(try DurableFile.contents(of: store.dataPath) == data)
            }
        }
    }

    /// A v1.0 server export of `guildID` with no players.
    static func emptyGuildExport(_ guildID: String) -> [UInt8] {
        Array(
            """
            {
              "exportVersion": "1.0",
              "exportDate": "2025-10-15T14:30:00.000Z",
              "dataType": "playerData",
              "guildId": "\(guildID)",
              "guildName": "Emptied",
              "data": {
                "serverName": "Emptied",
                "players": {}
              }
            }
            """.utf8)
    }

    /// One guild of repetitive player records: large, but gzip shrinks it well under 10 MiB.
    static func compressibleDataFile(guildID: String, players: Int) -> [UInt8] {
        var text = "{\n  \"\(guildID)\": {\n    \"serverName\": \"Big Guild\",\n    \"players\": {\n"
        for index in 0..<players {
            text += "      \"\(391_415_444_084_490_240 + index)\": {\n        \"age\": \"\(18 + index % 40)\",\n"
            text += "        \"timezone\": \"UTC\(index % 24 - 12)\",\n        \"notes\": \"player number \(index) of a very big server\"\n"
            text += "      }\(index == players - 1 ? "" : ",")\n"
        }
        text += "    }\n  }\n}"
        return Array(text.utf8)
    }
}
