import CastBotTestSupport
@testable import CastBot
import Clocks
import DiscordSandbox
import ExportFormat
import Foundation
import PlayerData
import Testing

@Suite("Schedule modal to export message, with the real scheduler on a test clock", .timeLimit(.minutes(1)))
struct ScheduledExportEndToEndTests {
    static func submit(_ interval: String, type: String = "server", policy: String = "clear") -> SandboxInteractionKind {
        .modalSubmit(
            customID: "playerdata_export_schedule_modal",
            fields: [
                .textInput("interval_minutes", value: interval), .stringSelect("export_type", values: [type]),
                .stringSelect("restart_policy", values: [policy]),
            ])
    }

    /// Webhook messages posted in the exports channel.
    static func exportMessages(_ bot: BotHarness) async -> [SandboxMessage] {
        await bot.sandbox.messages(inChannel: bot.world.exports.id).filter {
            if case .webhook = $0.author { return true }
            return false
        }
    }

    /// Moves the bot's clock in steps, letting the scheduler and the delivery act in between.
    static func advance(_ bot: BotHarness, by seconds: Int) async {
        for _ in 0..<seconds {
            await bot.botClock.advance(by: .seconds(1))
            for _ in 0..<20 { await Task.yield() }
        }
    }

    @Test("a valid submit is confirmed in the seed's words, and the export lands in the channel 5 seconds later")
    func scheduleToExport() async throws {
        try await BotHarness.with(scheduling: .real) { bot in
            let delivery = try await bot.send(Self.submit("2"), as: bot.world.admin)
            #expect(delivery.accepted)
            #expect(delivery.callbackType == 4)
            #expect(delivery.isEphemeral)
            let text = delivery.content
            #expect(text.contains("✅ **PlayerData Export Scheduled**"))
            #expect(text.contains("**Interval**: Every 2 minutes"))
            #expect(text.contains("**Export Type**: Current Server"))
            #expect(text.contains("**Channel**: <#\(bot.world.exports.id)>"))
            #expect(text.contains("**Estimated Size**: ~"))
            #expect(text.contains("**First export**: In 5 seconds"))
            #expect(text.contains("Schedule clears on bot restart"))

            await Self.advance(bot, by: 4)
            #expect(await Self.exportMessages(bot).isEmpty)

            await Self.advance(bot, by: 1)
            let arrived = await eventually { await !Self.exportMessages(bot).isEmpty }
            #expect(arrived)
            let message = try #require(await Self.exportMessages(bot).first)
            #expect(message.content.contains("Scheduled PlayerData Export"))
            #expect(message.customIDs.contains("playerdata_export_status"))
            #expect(message.customIDs.contains("playerdata_export_schedule"))
            let file = try #require(message.attachments.first)
            #expect(file.filename.hasPrefix("playerdata-scheduled-\(TestWorld.guildID)-"))
            #expect(file.bytes.starts(with: Array("{\n  \"exportVersion\": \"1.0\"".utf8)))

            let live = try await bot.send(.button(customID: "playerdata_export_status", messageID: message.id), as: bot.world.admin)
            #expect(live.text.contains("Active"))
            #expect(live.text.contains("<#\(bot.world.exports.id)>"))

            let stopped = try await bot.send(Self.submit("0"), as: bot.world.admin)
            #expect(stopped.content.contains("Stopped"))
            let after = try await bot.send(.slashCommand(name: "menu"), as: bot.world.admin)
            #expect(after.text.contains("Stopped"))
        }
    }

    @Test("Adjust Schedule on the export message opens the modal pre-filled with the settings in use")
    func adjustPrefilled() async throws {
        try await BotHarness.with(scheduling: .real) { bot in
            _ = try await bot.send(Self.submit("90m", policy: "resume"), as: bot.world.admin)
            let modal = try await bot.send(.button(customID: "playerdata_export_schedule"), as: bot.world.admin)
            let components = try #require(modal.json?["data"]?["components"]?.arrayValue)
            #expect(components[0]["component"]?["value"]?.stringValue == "90")
            let policy = components[2]["component"]?["options"]?.arrayValue?.first { $0["default"]?.boolValue == true }
            #expect(policy?["value"]?.stringValue == "resume")
            #expect(components[4]["content"]?.stringValue?.contains("Active") == true)
        }
    }

    @Test("the health monitor modal starts the real health monitor")
    func healthMonitor() async throws {
        try await BotHarness.with(scheduling: .real) { bot in
            let delivery = try await bot.send(
                .modalSubmit(customID: "health_monitor_schedule_modal", fields: [.textInput("hours", value: "6")]), as: bot.world.owner)
            #expect(delivery.content.contains("Health Monitor Scheduled"))
            #expect(delivery.content.contains("<#\(bot.world.exports.id)>"))
            let modal = try await bot.send(.button(customID: "health_monitor_schedule"), as: bot.world.owner)
            #expect(modal.json?["data"]?["components"]?[0]?["component"]?["value"]?.stringValue == "6")
        }
    }
}
