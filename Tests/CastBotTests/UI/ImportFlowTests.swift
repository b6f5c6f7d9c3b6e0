import CastBot
import Clocks
import DiscordSandbox
import ExportEncryption
import ExportFormat
import Foundation
import PlayerData
import Testing
import CastBotTestSupport

@Suite("Import: upload, plan, confirm or cancel", .timeLimit(.minutes(1)))
struct ImportFlowTests {
    /// Uploads `bytes` as a modal file and submits the import modal as `user`.
    static func submit(_ bot: BotHarness, _ bytes: [UInt8], as user: SandboxUser, filename: String = Fixtures.serverExport)
        async throws -> SandboxInteractionDelivery
    {
        let upload = try await bot.sandbox.uploadInteractionAttachment(filename: filename, bytes: bytes, channelID: bot.world.exports.id)
        return try await bot.send(
            .modalSubmit(customID: "playerdata_import_modal", fields: [.fileUpload("import_file", attachments: [upload])]), as: user)
    }

    static func token(of plan: SandboxInteractionDelivery, prefix: String) throws -> String {
        let id = try #require(plan.customIDs.first { $0.hasPrefix(prefix) })
        return String(id.dropFirst(prefix.count))
    }

    @Test("the Import button opens a modal with a Label-wrapped File Upload named import_file")
    func modal() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.button(customID: "playerdata_import"), as: bot.world.admin)
            #expect(delivery.accepted)
            #expect(delivery.callbackType == 9)
            #expect(delivery.json?["data"]?["custom_id"]?.stringValue == "playerdata_import_modal")
            let label = try #require(delivery.json?["data"]?["components"]?.arrayValue?.first { $0["type"]?.intValue == 18 })
            #expect(label["component"]?["type"]?.intValue == 19)
            #expect(label["component"]?["custom_id"]?.stringValue == "import_file")
        }
    }

    @Test("end to end: the fixture export is planned, confirmed, applied, and the replaced data backed up")
    func confirm() async throws {
        try await BotHarness.with { bot in
            let before = try bot.dataFileBytes()
            let plan = try await Self.submit(bot, try Fixtures.bytes(Fixtures.serverExport), as: bot.world.admin)
            #expect(plan.accepted)
            #expect(plan.callbackType == 4)
            #expect(plan.flags == 64 | 32768)
            #expect(plan.text.contains("Replace the server's data"))
            #expect(plan.text.contains("**Players**: 1 → 119"))
            #expect(try bot.dataFileBytes() == before)
            let token = try Self.token(of: plan, prefix: "playerdata_import_confirm:")
            #expect(plan.customIDs.contains("playerdata_import_cancel:\(token)"))

            let planMessage = try await bot.originalMessage(of: plan)
            let done = try await bot.send(.button(customID: "playerdata_import_confirm:\(token)", messageID: planMessage.id), as: bot.world.admin)
            #expect(done.accepted)
            #expect(done.callbackType == 7)
            #expect(done.text.contains("Import Complete"))

            let after = try PlayerDataFile(bytes: bot.dataFileBytes())
            #expect(after.playerCount(of: TestWorld.guildID) == 119)
            #expect(after.guildCount == 31)
            #expect(try bot.folder.read("playerData.json.backup") == before)
            let backups = bot.folder.files(in: "backups")
            #expect(backups.count == 1)
            // The backup is an importable export of what was replaced: importing it would restore 1 player.
            let restore = try await bot.store.planImport(bot.folder.read("backups/\(try #require(backups.first))"))
            #expect(restore.guildID == TestWorld.guildID)
            #expect(restore.playersBefore == 119)
            #expect(restore.playersAfter == 1)

            let again = try await bot.send(.button(customID: "playerdata_import_confirm:\(token)"), as: bot.world.admin)
            #expect(again.content.contains("no longer pending"))
        }
    }

    @Test("an encrypted export uploaded to the bot is refused with the command line way to import it; nothing changes")
    func encrypted() async throws {
        try await BotHarness.with { bot in
            let before = try bot.dataFileBytes()
            let sealer = try ExportSealer(recipients: [ExportSecretKey.generate().publicKey])
            let plan = try ExportPackager(sealer: sealer).plan(filename: "x.json", bytes: Fixtures.bytes(Fixtures.serverExport))
            let upload = try #require(plan.uploads.first)
            let reply = try await Self.submit(bot, upload.bytes, as: bot.world.admin, filename: upload.filename)
            #expect(reply.callbackType == 4)
            #expect(reply.content.contains("🔒 This export is encrypted"))
            #expect(reply.content.contains("castbot import --data DATA --key KEYFILE --file FILE"))
            #expect(try bot.dataFileBytes() == before)
        }
    }

    @Test("Cancel changes nothing")
    func cancel() async throws {
        try await BotHarness.with { bot in
            let before = try bot.dataFileBytes()
            let plan = try await Self.submit(bot, try Fixtures.bytes(Fixtures.serverExport), as: bot.world.admin)
            let token = try Self.token(of: plan, prefix: "playerdata_import_cancel:")
            let cancelled = try await bot.send(.button(customID: "playerdata_import_cancel:\(token)"), as: bot.world.admin)
            #expect(cancelled.callbackType == 7)
            #expect(cancelled.text.contains("Nothing was changed"))
            #expect(try bot.dataFileBytes() == before)
            #expect(!bot.folder.exists("playerData.json.backup"))
            #expect(bot.folder.files(in: "backups").isEmpty)
            let confirm = try await bot.send(.button(customID: "playerdata_import_confirm:\(token)"), as: bot.world.admin)
            #expect(confirm.content.contains("no longer pending"))
            #expect(try bot.dataFileBytes() == before)
        }
    }

    @Test("a plan expires after 15 minutes on the bot's clock; confirming then changes nothing")
    func expiry() async throws {
        try await BotHarness.with { bot in
            let before = try bot.dataFileBytes()
            let plan = try await Self.submit(bot, try Fixtures.bytes(Fixtures.serverExport), as: bot.world.admin)
            let token = try Self.token(of: plan, prefix: "playerdata_import_confirm:")
            await bot.botClock.advance(by: .seconds(15 * 60 + 1))
            let confirm = try await bot.send(.button(customID: "playerdata_import_confirm:\(token)"), as: bot.world.admin)
            #expect(confirm.content.contains("expired"))
            #expect(try bot.dataFileBytes() == before)
        }
    }

    @Test("only the uploader may confirm")
    func otherUser() async throws {
        try await BotHarness.with { bot in
            let before = try bot.dataFileBytes()
            let plan = try await Self.submit(bot, try Fixtures.bytes(Fixtures.serverExport), as: bot.world.admin)
            let token = try Self.token(of: plan, prefix: "playerdata_import_confirm:")
            let confirm = try await bot.send(.button(customID: "playerdata_import_confirm:\(token)"), as: bot.world.manager)
            #expect(confirm.content.contains("Only the person who asked for this import"))
            #expect(try bot.dataFileBytes() == before)
        }
    }

    @Test("a non-owner cannot import another server's export; an owner can")
    func otherGuild() async throws {
        try await BotHarness.with { bot in
            let foreign = try Array(
                String(decoding: Fixtures.bytes(Fixtures.serverExport), as: UTF8.self)
                    .replacingOccurrences(of: "\"guildId\": \"\(TestWorld.guildID)\"", with: "\"guildId\": \"1200000000000000999\"").utf8)
            let refused = try await Self.submit(bot, foreign, as: bot.world.admin)
            #expect(refused.callbackType == 4)
            #expect(refused.content.contains("belongs to another server (`1200000000000000999`)"))

            let owner = try await Self.submit(bot, foreign, as: bot.world.owner)
            #expect(owner.text.contains("Add the server's data"))
            #expect(owner.text.contains("`1200000000000000999`"))
        }
    }

    @Test("a file that is not an export is refused with the reason; nothing changes")
    func invalidFile() async throws {
        try await BotHarness.with { bot in
            let before = try bot.dataFileBytes()
            let delivery = try await Self.submit(bot, Array("{\"hello\": [1, 2".utf8), as: bot.world.admin, filename: "broken.json")
            #expect(delivery.callbackType == 4)
            #expect(delivery.content.contains("can't be imported"))
            #expect(try bot.dataFileBytes() == before)
        }
    }

    @Test("a member without Manage Server cannot import")
    func memberRefused() async throws {
        try await BotHarness.with { bot in
            let opened = try await bot.send(.button(customID: "playerdata_import"), as: bot.world.member)
            #expect(opened.content.contains("Manage Server"))
            let submitted = try await Self.submit(bot, try Fixtures.bytes(Fixtures.serverExport), as: bot.world.member)
            #expect(submitted.content.contains("Manage Server"))
        }
    }
}
