import DiscordSandbox
import Testing

@Suite("/menu: the Player Data section", .timeLimit(.minutes(1)))
struct MenuTests {
    @Test("an admin gets an ephemeral Components V2 container with the player data buttons and the schedule status")
    func adminMenu() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.slashCommand(name: "menu"), as: bot.world.admin)
            #expect(delivery.status == 200)
            #expect(delivery.accepted)
            #expect(delivery.callbackType == 4)
            #expect(delivery.flags == 64 | 32768)
            let components = try #require(delivery.json?["data"]?["components"]?.arrayValue)
            #expect(components.first?["type"]?.intValue == 17)
            #expect(
                delivery.customIDs == [
                    "playerdata_export", "playerdata_import", "playerdata_export_schedule", "playerdata_export_status",
                    "health_monitor_schedule",
                ])
            #expect(delivery.text.contains("Player Data"))
            #expect(delivery.text.contains("No schedule active (fake, server)"))
        }
    }

    @Test("an owner also gets Export All and the every-server schedule status")
    func ownerMenu() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.slashCommand(name: "menu"), as: bot.world.owner)
            #expect(delivery.customIDs.contains("playerdata_export_all"))
            #expect(delivery.text.contains("**All servers**"))
        }
    }

    @Test("a member without Manage Server is told what is missing")
    func memberRefused() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.slashCommand(name: "menu"), as: bot.world.member)
            #expect(delivery.callbackType == 4)
            #expect(delivery.isEphemeral)
            #expect(delivery.content.contains("Manage Server"))
            #expect(delivery.customIDs.isEmpty)
        }
    }

    @Test("a member with only Manage Server gets the menu")
    func managerMenu() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.slashCommand(name: "menu"), as: bot.world.manager)
            #expect(delivery.customIDs.contains("playerdata_export"))
            #expect(!delivery.customIDs.contains("playerdata_export_all"))
        }
    }

    @Test("in a DM the menu explains it works only inside a server")
    func directMessage() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.slashCommand(name: "menu"), as: bot.world.admin, in: bot.world.directMessage)
            #expect(delivery.callbackType == 4)
            #expect(delivery.isEphemeral)
            #expect(delivery.content.contains("only inside a server"))
        }
    }

    @Test("a button the bot no longer knows gets a notice, not a failure")
    func unknownButton() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.send(.button(customID: "safari_schedule_round"), as: bot.world.admin)
            #expect(delivery.accepted)
            #expect(delivery.callbackType == 4)
            #expect(delivery.content.contains("/menu"))
        }
    }
}
