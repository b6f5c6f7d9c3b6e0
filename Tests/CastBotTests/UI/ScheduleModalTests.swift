@testable import CastBot
import DiscordSandbox
import Scheduling
import Testing

@Suite("Schedule button and modal", .timeLimit(.minutes(1)))
struct ScheduleModalTests {
    @Test("the button opens the modal with every field, pre-filled with defaults")
    func opensModal() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.button(customID: "playerdata_export_schedule"), as: bot.world.admin)
            #expect(delivery.accepted)
            #expect(delivery.callbackType == 9)
            let data = try #require(delivery.json?["data"])
            #expect(data["custom_id"]?.stringValue == "playerdata_export_schedule_modal")
            #expect(data["title"]?.stringValue == "Schedule playerData Export")
            #expect(delivery.customIDs == ["playerdata_export_schedule_modal", "interval_minutes", "export_type", "restart_policy", "daily_at"])
            let components = try #require(data["components"]?.arrayValue)
            #expect(components.map { $0["type"]?.intValue } == [18, 18, 18, 18, 10])
            #expect(components[0]["label"]?.stringValue == "Export every X minutes (0=disable)")
            #expect(components[0]["component"]?["type"]?.intValue == 4)
            #expect(components[0]["component"]?["value"]?.stringValue == "1440")
            #expect(components[0]["component"]?["placeholder"]?.stringValue?.contains("90m, 6h, 1d or 1w") == true)
            let typeOptions = components[1]["component"]?["options"]?.arrayValue?.compactMap { $0["value"]?.stringValue }
            #expect(typeOptions == ["server"])
            let policies = components[2]["component"]?["options"]?.arrayValue?.compactMap { $0["value"]?.stringValue }
            #expect(policies == ["clear", "resume"])
            #expect(components[4]["content"]?.stringValue?.contains("No schedule active") == true)
        }
    }

    @Test("owners are offered all; the modal is pre-filled with the last settings")
    func prefilled() async throws {
        try await BotHarness.with { bot in
            bot.schedules.remember(
                ExportScheduleRequest(
                    scope: .all, guildID: TestWorld.guildID, channelID: bot.world.exports.id, setByUserID: bot.world.owner.id,
                    intervalMinutes: 360, dailyAt: "03:00", restartPolicy: .resume))
            let delivery = try await bot.send(.button(customID: "playerdata_export_schedule"), as: bot.world.owner)
            let components = try #require(delivery.json?["data"]?["components"]?.arrayValue)
            #expect(components[0]["component"]?["value"]?.stringValue == "360")
            let typeOptions = try #require(components[1]["component"]?["options"]?.arrayValue)
            #expect(typeOptions.compactMap { $0["value"]?.stringValue } == ["server", "all"])
            #expect(typeOptions.first { $0["default"]?.boolValue == true }?["value"]?.stringValue == "all")
            let policies = try #require(components[2]["component"]?["options"]?.arrayValue)
            #expect(policies.first { $0["default"]?.boolValue == true }?["value"]?.stringValue == "resume")
            #expect(components[3]["component"]?["value"]?.stringValue == "03:00")
        }
    }

    @Test("a member without Manage Server cannot open it")
    func memberRefused() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.button(customID: "playerdata_export_schedule"), as: bot.world.member)
            #expect(delivery.callbackType == 4)
            #expect(delivery.isEphemeral)
            #expect(delivery.content.contains("Manage Server"))
        }
    }

    @Test("View Live shows this server's live status with Adjust Schedule")
    func liveStatus() async throws {
        try await BotHarness.with { bot in
            bot.schedules.remember(
                ExportScheduleRequest(
                    scope: .guild(TestWorld.guildID), guildID: TestWorld.guildID, channelID: bot.world.exports.id,
                    setByUserID: bot.world.admin.id,
                    intervalMinutes: 60, dailyAt: nil, restartPolicy: .clear))
            let delivery = try await bot.send(.button(customID: "playerdata_export_status"), as: bot.world.admin)
            #expect(delivery.accepted)
            #expect(delivery.callbackType == 4)
            #expect(delivery.flags == 64 | 32768)
            #expect(delivery.text.contains("every 60 minutes to <#\(bot.world.exports.id)>"))
            #expect(delivery.customIDs.contains("playerdata_export_schedule"))
        }
    }

    @Test("View Live is refused to members without Manage Server and in DMs")
    func liveStatusRefused() async throws {
        try await BotHarness.with { bot in
            let member = try await bot.send(.button(customID: "playerdata_export_status"), as: bot.world.member)
            #expect(member.content.contains("Manage Server"))
            let direct = try await bot.send(.button(customID: "playerdata_export_status"), as: bot.world.admin, in: bot.world.directMessage)
            #expect(direct.content.contains("only inside a server"))
        }
    }
}
