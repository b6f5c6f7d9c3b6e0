@testable import CastBot
import DiscordSandbox
import Testing

@Suite("Health monitor button and modal", .timeLimit(.minutes(1)))
struct HealthMonitorModalTests {
    static func submit(_ hours: String) -> SandboxInteractionKind {
        .modalSubmit(customID: "health_monitor_schedule_modal", fields: [.textInput("hours", value: hours)])
    }

    @Test("an owner gets the modal with the hours input and the status")
    func modal() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.button(customID: "health_monitor_schedule"), as: bot.world.owner)
            #expect(delivery.accepted)
            #expect(delivery.callbackType == 9)
            #expect(delivery.json?["data"]?["custom_id"]?.stringValue == "health_monitor_schedule_modal")
            #expect(delivery.customIDs == ["health_monitor_schedule_modal", "hours"])
            #expect(delivery.text.contains("Health monitor idle (fake)"))
        }
    }

    @Test("the report covers every server, so administrators who are not owners are refused")
    func notOwner() async throws {
        try await BotHarness.with { bot in
            let opened = try await bot.send(.button(customID: "health_monitor_schedule"), as: bot.world.admin)
            #expect(opened.callbackType == 4)
            #expect(opened.content.contains("only for the bot's owners"))
            let submitted = try await bot.send(Self.submit("6"), as: bot.world.admin)
            #expect(submitted.content.contains("only for the bot's owners"))
            #expect(bot.health.applied.isEmpty)
        }
    }

    @Test("hours go to the health monitor with the channel and the user; 0 stops it")
    func apply() async throws {
        try await BotHarness.with { bot in
            let started = try await bot.send(Self.submit("0.5"), as: bot.world.owner)
            #expect(started.content.contains("every 0.5 hours (fake)"))
            let stopped = try await bot.send(Self.submit("0"), as: bot.world.owner, in: bot.world.restricted)
            #expect(stopped.content.contains("stopped"))
            #expect(
                bot.health.applied == [
                    HealthMonitorSettings(
                        hours: 0.5, channelID: bot.world.exports.id, setByUserID: bot.world.owner.id, guildID: TestWorld.guildID),
                    HealthMonitorSettings(
                        hours: 0, channelID: bot.world.restricted.id, setByUserID: bot.world.owner.id, guildID: TestWorld.guildID),
                ])
        }
    }

    @Test("hours outside 0.016–168 or not a number are refused", arguments: ["abc", "200", "0.001", "-1", ""])
    func badHours(_ hours: String) async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(Self.submit(hours), as: bot.world.owner)
            #expect(delivery.content.contains("0.016"))
            #expect(bot.health.applied.isEmpty)
        }
    }

    @Test("the bot's missing channel permissions are named")
    func botPermissions() async throws {
        try await BotHarness.with { bot in
            try await bot.sandbox.setBotPermissions([.viewChannel], inChannel: bot.world.restricted.id)
            let delivery = try await bot.send(Self.submit("6"), as: bot.world.owner, in: bot.world.restricted)
            #expect(delivery.content.contains("**Send Messages**, **Manage Webhooks**"))
            #expect(bot.health.applied.isEmpty)
        }
    }
}
