import CastBotTestSupport
import Clocks
import DiscordSandbox
import ExportFormat
import Foundation
import PlayerData
import Testing

@testable import CastBot

/// The Restore… button on a real scheduled export message: preview, Confirm, Cancel, and who may.
@Suite("Restore button on export messages", .timeLimit(.minutes(1)))
struct RestoreButtonTests {
    /// Schedules an export of `type` as `user` and returns its message once posted.
    static func exportMessage(_ bot: BotHarness, type: String = "server", as user: SandboxUser) async throws -> SandboxMessage {
        let scheduled = try await bot.send(ScheduledExportEndToEndTests.submit("60", type: type), as: user)
        #expect(scheduled.content.contains("PlayerData Export Scheduled"))
        await ScheduledExportEndToEndTests.advance(bot, by: 5)
        #expect(await eventually { await !ScheduledExportEndToEndTests.exportMessages(bot).isEmpty })
        let message = try #require(await ScheduledExportEndToEndTests.exportMessages(bot).first)
        #expect(message.customIDs.contains("playerdata_restore"))
        return message
    }

    /// Empties the test guild's players, as a wipe would.
    static func wipeGuild(_ bot: BotHarness) async throws {
        let plan = try await bot.store.planImport(RestoreEndToEndTests.emptyGuildExport(TestWorld.guildID))
        _ = try await bot.store.apply(plan, date: Date(), force: true)
        #expect(try PlayerDataFile(bytes: bot.dataFileBytes()).playerCount(of: TestWorld.guildID) == 0)
    }

    @Test("Restore… previews the export's plan; Confirm brings the guild's data back; the rest of the file is untouched")
    func previewAndConfirm() async throws {
        try await BotHarness.with(scheduling: .real) { bot in
            let original = try PlayerDataFile(bytes: bot.dataFileBytes())
            let message = try await Self.exportMessage(bot, as: bot.world.admin)
            try await Self.wipeGuild(bot)
            let wiped = try bot.dataFileBytes()

            let preview = try await bot.send(.button(customID: "playerdata_restore", messageID: message.id), as: bot.world.manager)
            #expect(preview.accepted)
            #expect(preview.isEphemeral)
            #expect(preview.text.contains("Restore Plan"))
            #expect(preview.text.contains("SHA-256**: ✅ matches"))
            #expect(preview.text.contains("**Players**: 0 → \(original.playerCount(of: TestWorld.guildID) ?? -1)"))
            #expect(try bot.dataFileBytes() == wiped, "a preview writes nothing")
            let token = try ImportFlowTests.token(of: preview, prefix: "playerdata_restore_confirm:")

            let planMessage = try await bot.originalMessage(of: preview)
            let done = try await bot.send(.button(customID: "playerdata_restore_confirm:\(token)", messageID: planMessage.id), as: bot.world.manager)
            #expect(done.text.contains("Restore Complete"))
            let restored = try PlayerDataFile(bytes: bot.dataFileBytes())
            #expect(restored.guild(TestWorld.guildID).map(Array.init) == original.guild(TestWorld.guildID).map(Array.init))
            #expect(restored.guildCount == original.guildCount)

            let again = try await bot.send(.button(customID: "playerdata_restore_confirm:\(token)", messageID: planMessage.id), as: bot.world.manager)
            #expect(again.text.contains("no longer pending"))
        }
    }

    @Test("A download slower than the reply deadline is answered \"thinking…\" at once, and the plan follows")
    func slowDownloadDeferred() async throws {
        // Small parts, so the export is split and the restore reads the channel for its parts.
        let packager = ExportPackager(limits: ExportUploadLimits(fileLimit: 16_384, requestReserve: 4_096))
        try await BotHarness.with(scheduling: .real, packager: packager) { bot in
            let message = try await Self.exportMessage(bot, type: "all", as: bot.world.owner)
            #expect(message.attachments.first?.filename.contains(".part") == true)
            // Reading the channel takes 10 s of the sandbox's time.
            await bot.sandbox.injectFault(try SandboxFault("GET /channels/*/messages", effect: .delayOnly, delay: .seconds(10)))

            let answer = Task { try await bot.send(.button(customID: "playerdata_restore", messageID: message.id), as: bot.world.owner) }
            // The handler is waiting on the channel read (the fault was taken) when the deadline passes.
            #expect(await eventually { await bot.sandbox.activeFaults().isEmpty })
            await bot.botClock.advance(by: InteractionRouter.defaultReplyDeadline)
            let delivery = try await answer.value
            #expect(delivery.callbackType == 5, "deferred: Discord shows \"thinking…\"")
            #expect(delivery.isEphemeral)

            await bot.sandboxClock.advance(by: .seconds(10))
            await bot.settle()
            let plan = try await bot.originalMessage(of: delivery)
            #expect(String(describing: plan.components).contains("Restore Plan"))
            #expect(plan.customIDs.contains { $0.hasPrefix("playerdata_restore_confirm:") })
        }
    }

    @Test("Cancel drops the plan and changes nothing")
    func cancel() async throws {
        try await BotHarness.with(scheduling: .real) { bot in
            let message = try await Self.exportMessage(bot, as: bot.world.admin)
            try await Self.wipeGuild(bot)
            let wiped = try bot.dataFileBytes()
            let preview = try await bot.send(.button(customID: "playerdata_restore", messageID: message.id), as: bot.world.admin)
            let token = try ImportFlowTests.token(of: preview, prefix: "playerdata_restore_cancel:")
            let cancelled = try await bot.send(.button(customID: "playerdata_restore_cancel:\(token)"), as: bot.world.admin)
            #expect(cancelled.text.contains("Restore cancelled"))
            #expect(try bot.dataFileBytes() == wiped)
        }
    }

    @Test("A member without Manage Server is refused, and nothing changes")
    func memberRefused() async throws {
        try await BotHarness.with(scheduling: .real) { bot in
            let message = try await Self.exportMessage(bot, as: bot.world.admin)
            let before = try bot.dataFileBytes()
            let refused = try await bot.send(.button(customID: "playerdata_restore", messageID: message.id), as: bot.world.member)
            #expect(refused.text.contains("Manage Server"))
            #expect(!refused.customIDs.contains { $0.hasPrefix("playerdata_restore_confirm:") })
            #expect(try bot.dataFileBytes() == before)
        }
    }

    @Test("An all-servers export restores for owners only: an admin who is not an owner is refused")
    func allServersOwnersOnly() async throws {
        try await BotHarness.with(scheduling: .real) { bot in
            let message = try await Self.exportMessage(bot, type: "all", as: bot.world.owner)
            let before = try bot.dataFileBytes()
            let refused = try await bot.send(.button(customID: "playerdata_restore", messageID: message.id), as: bot.world.admin)
            #expect(refused.text.contains("only for the bot's owners"))
            #expect(try bot.dataFileBytes() == before)

            let preview = try await bot.send(.button(customID: "playerdata_restore", messageID: message.id), as: bot.world.owner)
            #expect(preview.text.contains("Replace the whole data file"))
            #expect(preview.text.contains("Servers added / removed / changed / unchanged**: 0 / 0 / 0 / 31"))
        }
    }
}
