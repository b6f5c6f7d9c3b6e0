@testable import CastBot
import DiscordSandbox
import Scheduling
import Testing

@Suite("Schedule modal submission: checks and confirmation", .timeLimit(.minutes(1)))
struct ScheduleSubmitTests {
    static func fields(_ interval: String, type: String = "server", policy: String = "clear", dailyAt: String? = nil, legacy: Bool = false)
        -> [SandboxModalField]
    {
        var fields: [SandboxModalField] = [
            .textInput("interval_minutes", value: interval, legacyActionRow: legacy),
            .stringSelect("export_type", values: [type]),
            .stringSelect("restart_policy", values: [policy]),
        ]
        if let dailyAt { fields.append(.textInput("daily_at", value: dailyAt, legacyActionRow: legacy)) }
        return fields
    }

    static func submit(_ fields: [SandboxModalField]) -> SandboxInteractionKind {
        .modalSubmit(customID: "playerdata_export_schedule_modal", fields: fields)
    }

    @Test("a valid submission goes to the scheduler; its confirmation is the ephemeral answer")
    func applied() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(Self.submit(Self.fields("1440")), as: bot.world.admin)
            #expect(delivery.accepted)
            #expect(delivery.callbackType == 4)
            #expect(delivery.isEphemeral)
            #expect(
                bot.schedules.applied == [
                    ExportScheduleRequest(
                        scope: .guild(TestWorld.guildID), guildID: TestWorld.guildID, channelID: bot.world.exports.id,
                        setByUserID: bot.world.admin.id, intervalMinutes: 1_440, dailyAt: nil, restartPolicy: .clear)
                ])
            #expect(delivery.content == "FAKE CONFIRMATION: guild \(TestWorld.guildID) every 1440 minutes")
        }
    }

    @Test("legacy ActionRow inputs, units, resume and a daily time are read")
    func legacyResumeDaily() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(Self.submit(Self.fields("6h", policy: "resume", dailyAt: "3:30", legacy: true)), as: bot.world.manager)
            #expect(delivery.callbackType == 4)
            let request = try #require(bot.schedules.applied.first)
            #expect(request.intervalMinutes == 360)
            #expect(request.restartPolicy == .resume)
            #expect(request.dailyAt == "03:30")
        }
    }

    @Test("an owner may schedule every server")
    func ownerAll() async throws {
        try await BotHarness.with { bot in
            _ = try await bot.send(Self.submit(Self.fields("1d", type: "all")), as: bot.world.owner)
            #expect(bot.schedules.applied.first?.scope == .all)
            #expect(bot.schedules.applied.first?.intervalMinutes == 1_440)
        }
    }

    @Test("0 stops the schedule, even where the bot lacks permissions")
    func stop() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(Self.submit(Self.fields("0")), as: bot.world.admin, in: bot.world.restricted)
            #expect(bot.schedules.applied.first?.intervalMinutes == 0)
            #expect(delivery.content.contains("every 0 minutes"))
        }
    }

    @Test(
        "bad intervals are refused with the allowed forms, and nothing is scheduled",
        arguments: ["abc", "-5", "10081", "1e3", "", "1.5"])
    func badInterval(_ interval: String) async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(Self.submit(Self.fields(interval)), as: bot.world.admin)
            #expect(delivery.accepted)
            #expect(delivery.callbackType == 4)
            #expect(delivery.isEphemeral)
            #expect(delivery.content.contains("Export every X minutes"))
            #expect(delivery.content.contains("90m, 6h, 1d, 1w"))
            #expect(bot.schedules.applied.isEmpty)
        }
    }

    @Test("a bad daily time and an unknown restart policy are both named")
    func badOtherFields() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(Self.submit(Self.fields("60", policy: "forever", dailyAt: "25:00")), as: bot.world.admin)
            #expect(delivery.content.contains("**Daily at**: \"25:00\""))
            #expect(delivery.content.contains("**After a restart**: \"forever\""))
            #expect(bot.schedules.applied.isEmpty)
        }
    }

    @Test("a member without Manage Server or Administrator is refused")
    func notAdmin() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(Self.submit(Self.fields("60")), as: bot.world.member)
            #expect(delivery.content.contains("**Manage Server** or **Administrator**"))
            #expect(bot.schedules.applied.isEmpty)
        }
    }

    @Test("all is refused to a non-owner, even an administrator")
    func allNeedsOwner() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(Self.submit(Self.fields("60", type: "all")), as: bot.world.admin)
            #expect(delivery.content.contains("only for the bot's owners"))
            #expect(delivery.content.contains("CASTBOT_OWNER_IDS"))
            #expect(bot.schedules.applied.isEmpty)
        }
    }

    @Test("missing bot permissions in the channel are named one by one")
    func missingBotPermissions() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(Self.submit(Self.fields("60")), as: bot.world.admin, in: bot.world.restricted)
            #expect(delivery.content.contains("**Attach Files**, **Manage Webhooks**"))
            #expect(!delivery.content.contains("**View Channel**"))
            #expect(!delivery.content.contains("**Send Messages**"))
            #expect(delivery.content.contains("<#\(bot.world.restricted.id)>"))
            #expect(bot.schedules.applied.isEmpty)
        }
    }

    @Test("every missing permission is named when the bot has none")
    func noBotPermissions() async throws {
        try await BotHarness.with { bot in
            try await bot.sandbox.setBotPermissions([], inChannel: bot.world.restricted.id)
            let delivery = try await bot.send(Self.submit(Self.fields("60")), as: bot.world.admin, in: bot.world.restricted)
            for name in ["View Channel", "Send Messages", "Attach Files", "Manage Webhooks"] {
                #expect(delivery.content.contains("**\(name)**"))
            }
        }
    }

    @Test("in a DM the submission is refused")
    func directMessage() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(Self.submit(Self.fields("60")), as: bot.world.admin, in: bot.world.directMessage)
            #expect(delivery.content.contains("only inside a server"))
            #expect(bot.schedules.applied.isEmpty)
        }
    }

    @Test("a scheduler error is shown, not swallowed")
    func schedulerError() async throws {
        try await BotHarness.with { bot in
            bot.schedules.failNext("the channel is gone")
            let delivery = try await bot.send(Self.submit(Self.fields("60")), as: bot.world.admin)
            #expect(delivery.content.contains("The schedule was not changed: the channel is gone"))
        }
    }
}
