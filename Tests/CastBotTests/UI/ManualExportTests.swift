import CastBotTestSupport
@testable import CastBot
import DiscordSandbox
import ExportFormat
import Foundation
import PlayerData
import Testing

@Suite("Manual exports: deferred, then a follow-up with the file", .timeLimit(.minutes(1)))
struct ManualExportTests {
    @Test("Export Server answers deferred (ephemeral) and follows up with this server's v1.0 export")
    func serverExport() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.button(customID: "playerdata_export"), as: bot.world.manager)
            #expect(delivery.accepted)
            #expect(delivery.callbackType == 5)
            #expect(delivery.flags == 64)
            await bot.settle()
            let message = try await bot.originalMessage(of: delivery)
            #expect(message.isEphemeral)
            #expect(message.content.contains("📤 **PlayerData Export**"))
            #expect(message.content.contains("**Guilds Included**: 1"))
            let file = try #require(message.attachments.first)
            #expect(file.filename == "playerdata-export-\(TestWorld.guildID)-2025-10-15T14-30-00-000Z.json")
            let expected = try ExportBuilder.serverExport(
                of: PlayerDataFile(bytes: bot.dataFileBytes()), guildID: TestWorld.guildID, date: bot.now, kind: .manual)
            #expect(file.bytes == expected.bytes)
            #expect(message.content.contains(expected.sha256))
        }
    }

    @Test("Export All is for owners: the whole file, byte for byte")
    func allExport() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.button(customID: "playerdata_export_all"), as: bot.world.owner)
            #expect(delivery.callbackType == 5)
            await bot.settle()
            let message = try await bot.originalMessage(of: delivery)
            let file = try #require(message.attachments.first)
            #expect(file.filename == "playerdata-FULL-export-2025-10-15T14-30-00-000Z.json")
            #expect(file.bytes == (try bot.dataFileBytes()))
            #expect(message.content.contains("**Guilds Included**: 31"))
        }
    }

    @Test("Export All is refused at once to an administrator who is not an owner")
    func allRefused() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.button(customID: "playerdata_export_all"), as: bot.world.admin)
            #expect(delivery.callbackType == 4)
            #expect(delivery.isEphemeral)
            #expect(delivery.content.contains("only for the bot's owners"))
        }
    }

    @Test("Export Server is refused to members without Manage Server and in DMs")
    func serverRefused() async throws {
        try await BotHarness.with { bot in
            let member = try await bot.send(.button(customID: "playerdata_export"), as: bot.world.member)
            #expect(member.callbackType == 4)
            #expect(member.content.contains("Manage Server"))
            let direct = try await bot.send(.button(customID: "playerdata_export"), as: bot.world.admin, in: bot.world.directMessage)
            #expect(direct.content.contains("only inside a server"))
        }
    }

    @Test("a server with no player data is told so, without a file")
    func noData() async throws {
        try await BotHarness.with(dataFile: Array(#"{"/* Server ID */": null}"#.utf8)) { bot in
            let delivery = try await bot.send(.button(customID: "playerdata_export"), as: bot.world.admin)
            #expect(delivery.callbackType == 4)
            #expect(delivery.content.contains("no player data"))
        }
    }

    @Test("an export over the upload limit goes gzipped, and gunzip gives the export back")
    func gzipped() async throws {
        let packager = ExportPackager(limits: ExportUploadLimits(fileLimit: 8_192, requestReserve: 1_024))
        try await BotHarness.with(packager: packager) { bot in
            let delivery = try await bot.send(.button(customID: "playerdata_export"), as: bot.world.admin)
            await bot.settle()
            let message = try await bot.originalMessage(of: delivery)
            let file = try #require(message.attachments.first)
            #expect(file.filename.hasSuffix(".json.gz"))
            let expected = try ExportBuilder.serverExport(
                of: PlayerDataFile(bytes: bot.dataFileBytes()), guildID: TestWorld.guildID, date: bot.now, kind: .manual)
            #expect(try Gzip.decompress(file.bytes) == expected.bytes)
            #expect(message.content.contains("gunzip"))
        }
    }

    @Test("a split export sends one part per message; the parts rebuild the export")
    func parts() async throws {
        let packager = ExportPackager(limits: ExportUploadLimits(fileLimit: 2_048, requestReserve: 1_024))
        try await BotHarness.with(packager: packager) { bot in
            let delivery = try await bot.send(.button(customID: "playerdata_export"), as: bot.world.admin)
            await bot.settle()
            let first = try await bot.originalMessage(of: delivery)
            let count = try #require(first.attachments.first?.filename.split(separator: "f").last.flatMap { Int($0) })
            #expect(count > 1)
            let interactionID = try #require(delivery.interaction?.id)
            let arrived = await eventually {
                (await bot.sandbox.interactionLog(id: interactionID))?.followupMessageIDs.count == count - 1
            }
            #expect(arrived)
            var rebuilt = first.attachments.first?.bytes ?? []
            for id in (await bot.sandbox.interactionLog(id: interactionID))?.followupMessageIDs ?? [] {
                let part = try #require(await bot.sandbox.message(id: id))
                #expect(part.isEphemeral)
                #expect(part.content.contains("part"))
                rebuilt += part.attachments.first?.bytes ?? []
            }
            let expected = try ExportBuilder.serverExport(
                of: PlayerDataFile(bytes: bot.dataFileBytes()), guildID: TestWorld.guildID, date: bot.now, kind: .manual)
            #expect(try Gzip.decompress(rebuilt) == expected.bytes)
        }
    }
}
