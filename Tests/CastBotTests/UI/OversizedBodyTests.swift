import DiscordSandbox
import Testing

/// The bot answers an oversized body with 413 before reading all of it. A client that had armed
/// an idle read timeout (AsyncHTTPClient's `.shared` does) could fail a precondition on that early
/// answer and take the process down; the fuzz bench found it. The sandbox's delivery client and
/// the bot's REST client arm none.
@Suite("Interactions endpoint: oversized bodies", .timeLimit(.minutes(1)))
struct OversizedBodyTests {
    @Test("bodies far over the limit get 413, one after another, and the bot still answers")
    func earlyAnswers() async throws {
        try await BotHarness.with { bot in
            let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 8 << 20)
            for _ in 0..<20 {
                let delivery = try await bot.sandbox.sendInteraction(rawBody: huge, to: bot.botURL)
                #expect(delivery.status == 413)
            }
            let ping = try await bot.sandbox.sendInteraction(.ping, to: bot.botURL)
            #expect(ping.callbackType == 1)
        }
    }
}
