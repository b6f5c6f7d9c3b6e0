@testable import CastBot
import DiscordSandbox
import Testing

@Suite("Retention button and modal", .timeLimit(.minutes(1)))
struct RetentionModalTests {
    static func submit(_ keepLast: String) -> SandboxInteractionKind {
        .modalSubmit(customID: "playerdata_export_retention_modal", fields: [.textInput("keep_last", value: keepLast)])
    }

    /// A server schedule posting to the exports channel, as set before.
    static func remembered(_ bot: BotHarness, keepLast: Int? = nil) {
        bot.schedules.remember(
            ExportScheduleRequest(
                scope: .guild(TestWorld.guildID), guildID: TestWorld.guildID, channelID: bot.world.exports.id,
                setByUserID: bot.world.admin.id, intervalMinutes: 60, keepLast: keepLast))
    }

    static let withManageMessages: SandboxPermissions = [
        .viewChannel, .sendMessages, .attachFiles, .manageWebhooks, .readMessageHistory, .manageMessages,
    ]

    @Test("View Live offers Retention…, which opens a small modal pre-filled with the setting")
    func opens() async throws {
        try await BotHarness.with { bot in
            Self.remembered(bot, keepLast: 7)
            let live = try await bot.send(.button(customID: "playerdata_export_status"), as: bot.world.admin)
            #expect(live.customIDs.contains("playerdata_export_retention"))
            let modal = try await bot.send(.button(customID: "playerdata_export_retention"), as: bot.world.admin)
            #expect(modal.callbackType == 9)
            #expect(modal.json?["data"]?["custom_id"]?.stringValue == "playerdata_export_retention_modal")
            #expect(modal.customIDs == ["playerdata_export_retention_modal", "keep_last"])
            #expect(modal.text.contains("Manage Messages"))
            let input = SandboxJSONSearch.components(ofType: 4, in: try #require(modal.json?["data"])).first
            #expect(input?["value"]?.stringValue == "7")
        }
    }

    @Test("a limit without Manage Messages is refused naming the permission, and nothing is stored")
    func missingManageMessages() async throws {
        try await BotHarness.with { bot in
            Self.remembered(bot)
            let refused = try await bot.send(Self.submit("5"), as: bot.world.admin)
            #expect(refused.callbackType == 4)
            #expect(refused.isEphemeral)
            #expect(refused.content.contains("**Manage Messages**"))
            #expect(await bot.schedules.lastSettings(for: .guild(TestWorld.guildID))?.keepLast == nil)
        }
    }

    @Test("with Manage Messages the limit is stored with the schedule; 0 turns it off again")
    func stored() async throws {
        try await BotHarness.with { bot in
            Self.remembered(bot)
            try await bot.sandbox.setBotPermissions(Self.withManageMessages, inChannel: bot.world.exports.id)
            let set = try await bot.send(Self.submit("5"), as: bot.world.admin)
            #expect(set.content.contains("only the newest 5 Current Server exports stay in"), "\(set.content)")
            #expect(await bot.schedules.lastSettings(for: .guild(TestWorld.guildID))?.keepLast == 5)
            let one = try await bot.send(Self.submit("1"), as: bot.world.admin)
            #expect(one.content.contains("only the newest Current Server export stays in"), "\(one.content)")
            let off = try await bot.send(Self.submit("0"), as: bot.world.admin)
            #expect(off.content.contains("Retention off"))
            #expect(await bot.schedules.lastSettings(for: .guild(TestWorld.guildID))?.keepLast == nil)
        }
    }

    @Test("numbers outside 0-100 are refused saying what is allowed", arguments: ["101", "-1", "abc", "2.5"])
    func badNumbers(_ text: String) async throws {
        try await BotHarness.with { bot in
            Self.remembered(bot)
            try await bot.sandbox.setBotPermissions(Self.withManageMessages, inChannel: bot.world.exports.id)
            let refused = try await bot.send(Self.submit(text), as: bot.world.admin)
            #expect(refused.content.contains("from 1 to 100"))
            #expect(await bot.schedules.lastSettings(for: .guild(TestWorld.guildID))?.keepLast == nil)
        }
    }

    @Test("without a schedule, or from another channel, retention is refused saying where to set it")
    func wrongPlace() async throws {
        try await BotHarness.with { bot in
            let none = try await bot.send(Self.submit("5"), as: bot.world.admin)
            #expect(none.content.contains("no export schedule yet"))
            Self.remembered(bot)
            let elsewhere = try await bot.send(Self.submit("5"), as: bot.world.admin, in: bot.world.restricted)
            #expect(elsewhere.content.contains("<#\(bot.world.exports.id)>"))
            #expect(await bot.schedules.lastSettings(for: .guild(TestWorld.guildID))?.keepLast == nil)
        }
    }

    @Test("members without Manage Server cannot change retention")
    func notAManager() async throws {
        try await BotHarness.with { bot in
            Self.remembered(bot)
            try await bot.sandbox.setBotPermissions(Self.withManageMessages, inChannel: bot.world.exports.id)
            _ = try await bot.send(Self.submit("5"), as: bot.world.member)
            #expect(await bot.schedules.lastSettings(for: .guild(TestWorld.guildID))?.keepLast == nil)
        }
    }
}
