import Clocks
import DiscordSandbox
import NIOHTTP1
import Testing

@Suite("Rate limits", .timeLimit(.minutes(1)))
struct RateLimitTests {
    @Test("every bot response carries the rate-limit headers")
    func headersPresent() async throws {
        try await SandboxHarness.with { harness in
            let response = try await harness.send(.GET, "/channels/\(harness.channel.id)")
            #expect(response.status == 200)
            #expect(response.header("X-RateLimit-Limit") == "50")
            #expect(response.header("X-RateLimit-Remaining") == "49")
            #expect(response.header("X-RateLimit-Reset-After") == "1.000")
            #expect(Double(response.header("X-RateLimit-Reset") ?? "") != nil)
            let bucket = try #require(response.header("X-RateLimit-Bucket"))
            #expect(bucket.count == 32)
            let again = try await harness.send(.GET, "/channels/\(harness.channel.id)")
            #expect(again.header("X-RateLimit-Bucket") == bucket)
            #expect(again.header("X-RateLimit-Remaining") == "48")
        }
    }

    @Test("an exhausted bucket answers 429; another channel has its own count; the window resets on the clock")
    func bucketExhaustion() async throws {
        try await SandboxHarness.with { harness in
            await harness.sandbox.addRateLimit(try SandboxRateLimitRule("POST /channels/*/messages", limit: 2, per: .seconds(5)))
            let other = try await harness.sandbox.addChannel(guildID: harness.guild.id, name: "other")
            let path = "/channels/\(harness.channel.id)/messages"
            let first = try await harness.send(.POST, path, json: ["content": "1"])
            let second = try await harness.send(.POST, path, json: ["content": "2"])
            #expect(first.header("X-RateLimit-Remaining") == "1")
            #expect(second.header("X-RateLimit-Remaining") == "0")

            let limited = try await harness.send(.POST, path, json: ["content": "3"])
            #expect(limited.status == 429)
            #expect(limited.json?["message"]?.stringValue == "You are being rate limited.")
            #expect(limited.json?["retry_after"]?.doubleValue == 5.0)
            #expect(limited.json?["global"]?.boolValue == false)
            #expect(limited.header("Retry-After") == "5")
            #expect(limited.header("X-RateLimit-Scope") == "user")
            #expect(limited.header("X-RateLimit-Remaining") == "0")
            #expect(limited.header("X-RateLimit-Bucket") == first.header("X-RateLimit-Bucket"))
            #expect(await harness.sandbox.messages(inChannel: harness.channel.id).count == 2)

            let elsewhere = try await harness.send(.POST, "/channels/\(other.id)/messages", json: ["content": "x"])
            #expect(elsewhere.status == 200)
            #expect(elsewhere.header("X-RateLimit-Remaining") == "1")

            await harness.clock.advance(by: .seconds(2))
            let stillLimited = try await harness.send(.POST, path, json: ["content": "3"])
            #expect(stillLimited.json?["retry_after"]?.doubleValue == 3.0)
            await harness.clock.advance(by: .seconds(3))
            let afterReset = try await harness.send(.POST, path, json: ["content": "3"])
            #expect(afterReset.status == 200)
        }
    }

    @Test("the global limit answers 429 with global true and X-RateLimit-Global")
    func globalLimit() async throws {
        try await SandboxHarness.with { harness in
            await harness.sandbox.setGlobalRateLimit(requestsPerSecond: 3)
            for _ in 1...3 {
                let ok = try await harness.send(.GET, "/users/@me")
                #expect(ok.status == 200)
            }
            let limited = try await harness.send(.GET, "/channels/\(harness.channel.id)")
            #expect(limited.status == 429)
            #expect(limited.json?["global"]?.boolValue == true)
            #expect(limited.header("X-RateLimit-Global") == "true")
            #expect(limited.header("X-RateLimit-Scope") == "global")
            // As Discord: whole seconds (rounded up) in the header, the precise wait in the body.
            #expect(limited.header("Retry-After") == "1")
            let retryAfter = try #require(limited.json?["retry_after"]?.doubleValue)
            #expect(retryAfter > 0 && retryAfter <= 1)
            #expect(limited.json?["message"]?.stringValue == "You are being rate limited.")
            // The request log keeps the scope, for counting global 429s.
            let recorded = await harness.sandbox.recordedRequests()
            #expect(recorded.map(\.rateLimitScope) == [nil, nil, nil, "global"])
            #expect(recorded.allSatisfy { $0.receivedAt != nil })
            await harness.clock.advance(by: .seconds(1))
            let afterSecond = try await harness.send(.GET, "/users/@me")
            #expect(afterSecond.status == 200)
        }
    }

    @Test("webhook executions by token count against the address's global limit, not the bot's, as on Discord")
    func webhookExecutionsOutsideBotGlobalLimit() async throws {
        try await SandboxHarness.with { harness in
            let webhook = try await harness.createWebhook()
            let id = try #require(webhook["id"]?.stringValue)
            let token = try #require(webhook["token"]?.stringValue)
            await harness.sandbox.setGlobalRateLimit(requestsPerSecond: 2)
            await harness.clock.advance(by: .seconds(1))  // a fresh second, without the webhook's creation
            func execute() async throws -> RawResponse {
                try await harness.send(.POST, "/webhooks/\(id)/\(token)", json: ["content": "export"], botAuth: false)
            }
            #expect(try await execute().status == 204)
            #expect(try await execute().status == 204)
            let limited = try await execute()
            #expect(limited.status == 429)
            #expect(limited.json?["global"]?.boolValue == true)

            for _ in 1...2 {
                #expect(try await harness.send(.GET, "/users/@me").status == 200, "the executions left the bot's second untouched")
            }
            #expect(try await harness.send(.GET, "/users/@me").status == 429)
        }
    }
}
