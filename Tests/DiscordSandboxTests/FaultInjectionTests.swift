import AsyncHTTPClient
import Clocks
import DiscordSandbox
import NIOHTTP1
import Testing

@Suite("Fault injection", .timeLimit(.minutes(1)))
struct FaultInjectionTests {
    @Test("a counted fault answers its status and code, then normal behaviour resumes")
    func countedFault() async throws {
        try await SandboxHarness.with { harness in
            await harness.sandbox.injectFault(
                try .error("POST /channels/*/webhooks", status: 502, code: 0, message: "502: Bad Gateway", count: 2))
            let path = "/channels/\(harness.channel.id)/webhooks"
            for _ in 1...2 {
                let failed = try await harness.send(.POST, path, json: ["name": "x"])
                #expect(failed.status == 502)
                #expect(failed.code == 0)
                #expect(failed.json?["message"]?.stringValue == "502: Bad Gateway")
            }
            let normal = try await harness.send(.POST, path, json: ["name": "x"])
            #expect(normal.status == 200)
            #expect(await harness.sandbox.activeFaults().isEmpty)
            let statuses = try await harness.sandbox.recordedRequests(matching: "POST /channels/*/webhooks").map(\.status)
            #expect(statuses == [502, 502, 200])
        }
    }

    @Test("a Discord-coded fault (10003) only hits matching routes")
    func discordCodeFault() async throws {
        try await SandboxHarness.with { harness in
            await harness.sandbox.injectFault(
                try .error("POST /webhooks/{webhook_id}/{webhook_token}", status: 404, code: 10015, message: "Unknown Webhook"))
            let webhook = try await harness.createWebhook()
            let id = try #require(webhook["id"]?.stringValue)
            let token = try #require(webhook["token"]?.stringValue)
            let failed = try await harness.send(.POST, "/webhooks/\(id)/\(token)", json: ["content": "x"], botAuth: false)
            #expect(failed.code == 10015)
            let retried = try await harness.send(.POST, "/webhooks/\(id)/\(token)", json: ["content": "x"], botAuth: false)
            #expect(retried.status == 204)
        }
    }

    @Test("a 429 fault carries retry_after in body and headers")
    func rateLimitFault() async throws {
        try await SandboxHarness.with { harness in
            await harness.sandbox.injectFault(try .rateLimited("GET /channels/*", retryAfter: 2.5))
            let limited = try await harness.send(.GET, "/channels/\(harness.channel.id)")
            #expect(limited.status == 429)
            #expect(limited.json?["retry_after"]?.doubleValue == 2.5)
            #expect(limited.header("Retry-After") == "3")
            #expect(limited.header("X-RateLimit-Scope") == "user")
            let next = try await harness.send(.GET, "/channels/\(harness.channel.id)")
            #expect(next.status == 200)
        }
    }

    @Test("a dropped connection reaches the client as an error, and the next request works")
    func dropConnection() async throws {
        try await SandboxHarness.with { harness in
            await harness.sandbox.injectFault(try SandboxFault("GET /users/@me", effect: .dropConnection))
            await #expect(throws: (any Error).self) {
                _ = try await harness.send(.GET, "/users/@me")
            }
            let next = try await harness.send(.GET, "/users/@me")
            #expect(next.status == 200)
        }
    }

    @Test("a delay waits on the injected clock before answering normally")
    func delayOnClock() async throws {
        try await SandboxHarness.with { harness in
            await harness.sandbox.injectFault(try SandboxFault("GET /users/@me", effect: .delayOnly, delay: .seconds(30)))
            let pending = Task { try await harness.send(.GET, "/users/@me") }
            // Advance virtual time until the parked request completes; no real sleeping.
            var advanced: Duration = .zero
            while advanced < .seconds(1_000_000), !Task.isCancelled, await harness.sandbox.recordedRequests().first?.status == nil {
                await harness.clock.advance(by: .seconds(1))
                advanced += .seconds(1)
                await Task.yield()
            }
            let response = try await pending.value
            #expect(response.status == 200)
            #expect(advanced >= .seconds(30))
        }
    }

    @Test("stopping the sandbox ends a delay that the clock has not finished, without an answer", .timeLimit(.minutes(1)))
    func delayEndsAtStop() async throws {
        try await SandboxHarness.with { harness in
            await harness.sandbox.injectFault(try SandboxFault("GET /users/@me", effect: .delayOnly, delay: .seconds(30)))
            let pending = Task { try await harness.send(.GET, "/users/@me") }
            while !Task.isCancelled, await harness.sandbox.recordedRequests().isEmpty { await Task.yield() }
            // The clock never moves: only the stop can end the delay.
            await harness.sandbox.stop()
            await #expect(throws: (any Error).self) { _ = try await pending.value }
            #expect(await harness.sandbox.recordedRequests().first?.status == nil)
        }
    }

    @Test("a hang holds the request until the sandbox stops")
    func hangUntilStop() async throws {
        try await SandboxHarness.with { harness in
            await harness.sandbox.injectFault(try SandboxFault("GET /users/@me", effect: .hang))
            let pending = Task { try await harness.send(.GET, "/users/@me") }
            while !Task.isCancelled, await harness.sandbox.recordedRequests().isEmpty { await Task.yield() }
            #expect(await harness.sandbox.recordedRequests().first?.status == nil)
            await harness.sandbox.stop()
            await #expect(throws: (any Error).self) { _ = try await pending.value }
        }
    }
}
