import DiscordSandbox
import Testing

@Suite("Interactions endpoint: signatures checked before anything else", .timeLimit(.minutes(1)))
struct SignatureTests {
    @Test("a wrong key, a missing signature or a stale timestamp gets 401; nothing is done", arguments: [
        SandboxSignatureMode.wrongKey, .missing, .timestamp("1000000000"),
    ])
    func rejected(_ signing: SandboxSignatureMode) async throws {
        try await BotHarness.with { bot in
            let before = try bot.dataFileBytes()
            let delivery = try await bot.send(
                .modalSubmit(customID: "playerdata_export_schedule_modal", fields: [.textInput("interval_minutes", value: "60")]),
                as: bot.world.admin, signing: signing)
            #expect(delivery.status == 401)
            #expect(bot.schedules.applied.isEmpty)
            #expect(try bot.dataFileBytes() == before)
        }
    }

    @Test("a correctly signed PING gets PONG")
    func ping() async throws {
        try await BotHarness.with { bot in
            let delivery = try await bot.sandbox.sendInteraction(.ping, to: bot.botURL)
            #expect(delivery.status == 200)
            #expect(delivery.callbackType == 1)
            #expect(delivery.accepted)
        }
    }
}
