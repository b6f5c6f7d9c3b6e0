import CastBotTestSupport
import AsyncHTTPClient
import Clocks
import DiscordModels
import DiscordREST
import Foundation
import Synchronization
import Testing

/// The real client against a scripted loopback server, waiting in virtual time.
@Suite("Rate limits", .timeLimit(.minutes(1)))
struct RateLimitTests {
    static let rateLimited429 = ScriptedResponse.json(
        429,
        #"{"message": "You are being rate limited.", "retry_after": 1.5, "global": false}"#,
        headers: ["Retry-After": "2", "X-RateLimit-Scope": "user", "X-RateLimit-Bucket": "abcd1234"]
    )

    @Test("a 429 with retry_after 1.5 is retried no sooner than 1.5 s later")
    func retryAfter() async throws {
        let box = Mutex<RequestTimes?>(nil)
        let server = try await ScriptedHTTPServer.start { _, index in
            box.withLock { $0?.note() }
            return index == 0 ? Self.rateLimited429 : .json(200, JSONText.channel)
        }
        let test = TestClient(server: server)
        let times = RequestTimes(clock: test.clock)
        box.withLock { $0 = times }
        let call = Task { try await test.client.getChannel(Snowflake(1)) }

        await test.sleeps.waitUntilStarted(1)
        await test.clock.advance(by: .milliseconds(1_499))
        #expect(test.sleeps.active == 1, "the retry must still be waiting at 1.499 s")
        #expect(server.requests.count == 1)

        await test.clock.advance(by: .milliseconds(1))
        let channel = try await call.value
        #expect(channel.name == "backups")
        #expect(times.all == [.zero, .milliseconds(1_500)])
        #expect(test.metrics.value("discord_ratelimit_waits_total", [("reason", "bucket")]) == 1)
        #expect(test.metrics.value("discord_requests_total", [("method", "GET"), ("route", "/channels/{channel.id}"), ("status", "429")]) == 1)
        #expect(test.metrics.value("discord_requests_total", [("method", "GET"), ("route", "/channels/{channel.id}"), ("status", "200")]) == 1)
        try await server.stop()
    }

    @Test("without a body, the Retry-After header says how long to wait")
    func retryAfterHeader() async throws {
        let box = Mutex<RequestTimes?>(nil)
        let server = try await ScriptedHTTPServer.start { _, index in
            box.withLock { $0?.note() }
            return index == 0 ? ScriptedResponse(status: 429, headers: ["Retry-After": "3"], body: Data()) : .json(200, JSONText.channel)
        }
        let test = TestClient(server: server)
        let times = RequestTimes(clock: test.clock)
        box.withLock { $0 = times }
        let call = Task { try await test.client.getChannel(Snowflake(1)) }
        await test.sleeps.waitUntilStarted(1)
        await test.clock.advance(by: .seconds(3))
        _ = try await call.value
        #expect(times.all == [.zero, .seconds(3)])
        try await server.stop()
    }

    @Test("two channels never share a bucket; Remaining 0 holds a channel until the reset")
    func bucketsPerChannel() async throws {
        let box = Mutex<RequestTimes?>(nil)
        let server = try await ScriptedHTTPServer.start { request, _ in
            box.withLock { $0?.note() }
            let remaining = request.path.hasSuffix("/channels/1") ? "0" : "4"
            return .json(
                200, JSONText.channel,
                headers: [
                    "X-RateLimit-Bucket": "same-route-bucket", "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": remaining, "X-RateLimit-Reset-After": "2.5",
                ]
            )
        }
        let test = TestClient(server: server)
        let times = RequestTimes(clock: test.clock)
        box.withLock { $0 = times }

        _ = try await test.client.getChannel(Snowflake(1))
        // Same route and bucket hash, another channel: not held by channel 1's exhausted bucket.
        _ = try await test.client.getChannel(Snowflake(2))
        #expect(times.all == [.zero, .zero])

        #expect(test.sleeps.started == 0)
        let held = Task { try await test.client.getChannel(Snowflake(1)) }
        await test.sleeps.waitUntilStarted(1)
        await test.clock.advance(by: .milliseconds(2_400))
        #expect(test.sleeps.active == 1)
        #expect(server.requests.count == 2)
        await test.clock.advance(by: .milliseconds(100))
        _ = try await held.value
        #expect(times.all == [.zero, .zero, .milliseconds(2_500)])
        try await server.stop()
    }

    @Test("a global 429 holds every route, not only the one that hit it")
    func global429() async throws {
        let box = Mutex<RequestTimes?>(nil)
        let server = try await ScriptedHTTPServer.start { _, index in
            box.withLock { $0?.note() }
            if index == 0 {
                return .json(
                    429, #"{"message": "You are being rate limited.", "retry_after": 1, "global": true}"#,
                    headers: ["X-RateLimit-Global": "true", "X-RateLimit-Scope": "global"])
            }
            return .json(200, JSONText.channel)
        }
        let test = TestClient(server: server)
        let times = RequestTimes(clock: test.clock)
        box.withLock { $0 = times }
        let first = Task { try await test.client.getChannel(Snowflake(1)) }
        await test.sleeps.waitUntilStarted(1)
        // It queues behind the global hold with the retry (the queue sleeps once for both).
        let other = Task { try await test.client.createDM(recipientID: Snowflake(9)) }
        for _ in 0..<200 { await Task.yield() }
        #expect(server.requests.count == 1, "no route may be called during a global rate limit")
        await test.clock.advance(by: .seconds(1))
        _ = try await first.value
        _ = try await other.value
        #expect(times.all.count == 3)
        #expect(times.all.dropFirst().allSatisfy { $0 >= .seconds(1) })
        try await server.stop()
    }

    @Test("rate-limit waiting beyond the allowance is a typed error, without waiting")
    func waitAllowance() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in
            .json(429, #"{"message": "You are being rate limited.", "retry_after": 120, "global": false}"#)
        }
        let test = TestClient(server: server)
        let error = await #expect(throws: DiscordHTTPError.self) {
            _ = try await test.client.getChannel(Snowflake(1))
        }
        #expect(error?.kind == .rateLimitWaitTooLong(needed: .seconds(120), allowed: .seconds(60)))
        #expect(error?.route == "GET /channels/1")
        #expect(server.requests.count == 1)
        #expect(test.clock.elapsed == .zero)
        try await server.stop()
    }

    /// A request counts in the global window until a second after its answer, plus the window
    /// edge margin (`RateLimiter.windowEdgeMargin`).
    static let window = Duration.milliseconds(1_005)

    @Test("the client paces itself to the global requests-per-second limit")
    func globalPacing() async throws {
        let box = Mutex<RequestTimes?>(nil)
        let server = try await ScriptedHTTPServer.start { _, _ in
            box.withLock { $0?.note() }
            return .json(200, JSONText.channel)
        }
        let test = TestClient(server: server) { $0.globalRequestsPerSecond = 2 }
        let times = RequestTimes(clock: test.clock)
        box.withLock { $0 = times }
        _ = try await test.client.getChannel(Snowflake(1))
        _ = try await test.client.getChannel(Snowflake(2))
        let third = Task { try await test.client.getChannel(Snowflake(3)) }
        await test.sleeps.waitUntilStarted(1)
        #expect(server.requests.count == 2)
        await test.clock.advance(by: .seconds(1))
        for _ in 0..<200 { await Task.yield() }
        #expect(server.requests.count == 2, "a second after the answers is not enough: the margin is kept")
        await test.clock.advance(by: Self.window - .seconds(1))
        _ = try await third.value
        #expect(times.all == [.zero, .zero, Self.window])
        #expect(test.metrics.value("discord_ratelimit_waits_total", [("reason", "global_limiter")]) == 1)
        try await server.stop()
    }

    @Test("replicas sharing one bot token each pace themselves to their share of the global limit")
    func sharedGlobalLimit() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(200, JSONText.channel) }
        let test = TestClient(server: server) { $0.globalRequestsPerSecond = 4 }
        await test.client.shareBotLimits(among: 2)
        // Two of the bot's four requests a second are this process's ...
        _ = try await test.client.getChannel(Snowflake(1))
        _ = try await test.client.getChannel(Snowflake(2))
        let third = Task { try await test.client.getChannel(Snowflake(3)) }
        await test.sleeps.waitUntilStarted(1)
        #expect(server.requests.count == 2)
        await test.clock.advance(by: Self.window)
        _ = try await third.value
        #expect(server.requests.count == 3)
        // ... and all four again once it is the only one left: three more in this second (the
        // third request was the first), the next one a second later.
        await test.client.shareBotLimits(among: 1)
        for id in 4...6 { _ = try await test.client.getChannel(Snowflake(UInt64(id))) }
        #expect(server.requests.count == 6)
        #expect(test.sleeps.started == 1)
        let seventh = Task { try await test.client.getChannel(Snowflake(7)) }
        await test.sleeps.waitUntilStarted(2)
        await test.clock.advance(by: Self.window)
        _ = try await seventh.value
        #expect(server.requests.count == 7)
        try await server.stop()
    }

    @Test("webhook-token executions are paced in their own window, not the bot token's")
    func webhookTokenRoutesHaveTheirOwnWindow() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(200, JSONText.channel) }
        let test = TestClient(server: server) { $0.globalRequestsPerSecond = 2 }
        // Two bot requests fill the bot's window for this second ...
        _ = try await test.client.getChannel(Snowflake(1))
        _ = try await test.client.getChannel(Snowflake(2))
        // ... and two webhook executions still go at once: Discord counts them per address.
        let route = DiscordRoute(.get, "/webhooks/{webhook.id}/{webhook.token}", .webhook(Snowflake(7)), .webhookToken("wtok"))
        for _ in 0..<2 {
            _ = try await test.client.send(DiscordRequest(route: route, auth: .none))
        }
        #expect(server.requests.count == 4)
        #expect(test.sleeps.started == 0)
        // A third of either kind waits for its own window.
        let third = Task { try await test.client.send(DiscordRequest(route: route, auth: .none)) }
        await test.sleeps.waitUntilStarted(1)
        #expect(server.requests.count == 4)
        await test.clock.advance(by: Self.window)
        _ = try await third.value
        #expect(server.requests.count == 5)
        try await server.stop()
    }

    @Test("interaction routes are exempt from the global pacing")
    func interactionRoutesExempt() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(200, JSONText.message) }
        let test = TestClient(server: server) { $0.globalRequestsPerSecond = 1 }
        for _ in 0..<3 {
            _ = try await test.client.createFollowupMessage(
                applicationID: Snowflake(3), interactionToken: "itok", payload: MessagePayload(content: "x"))
        }
        #expect(server.requests.count == 3)
        #expect(test.sleeps.started == 0)
        try await server.stop()
    }
}
