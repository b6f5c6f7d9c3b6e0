import CastBotTestSupport
import Clocks
import DiscordModels
import DiscordREST
import Foundation
import Synchronization
import Testing

@Suite("Retries and the invalid-request guard", .timeLimit(.minutes(1)))
struct RetryTests {
    @Test("a 5xx is retried three times with exponential backoff, then a typed error")
    func serverErrors() async throws {
        let box = Mutex<RequestTimes?>(nil)
        let server = try await ScriptedHTTPServer.start { _, _ in
            box.withLock { $0?.note() }
            return .json(502, #"{"message": "Bad Gateway", "code": 0}"#)
        }
        let test = TestClient(server: server)
        let times = RequestTimes(clock: test.clock)
        box.withLock { $0 = times }
        let call = Task { try await test.client.getChannel(Snowflake(1)) }
        // Jitter is pinned to its maximum: the delays are 0.5 s, 1 s and 2 s.
        for (index, delay) in [Duration.milliseconds(500), .seconds(1), .seconds(2)].enumerated() {
            await test.sleeps.waitUntilStarted(index + 1)
            await test.clock.advance(by: delay)
        }
        let result = await call.result
        let error = try #require(result.failure as? DiscordHTTPError)
        #expect(error.kind == .httpStatus)
        #expect(error.status == 502)
        #expect(server.requests.count == 4)
        #expect(times.all == [.zero, .milliseconds(500), .milliseconds(1_500), .milliseconds(3_500)])
        #expect(test.metrics.value("discord_request_retries_total", [("reason", "status_502"), ("route", "/channels/{channel.id}")]) == 3)
        try await server.stop()
    }

    @Test("a 5xx followed by success returns the success")
    func recoversAfterServerError() async throws {
        let server = try await ScriptedHTTPServer.start { _, index in
            index == 0 ? .json(503, "{}") : .json(200, JSONText.channel)
        }
        let test = TestClient(server: server)
        let call = Task { try await test.client.getChannel(Snowflake(1)) }
        await test.sleeps.waitUntilStarted(1)
        await test.clock.advance(by: .seconds(1))
        #expect(try await call.value.id == Snowflake(1))
        try await server.stop()
    }

    @Test("a 403 is not retried and carries Discord's code and message")
    func forbiddenNotRetried() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in
            .json(403, #"{"message": "Missing Permissions", "code": 50013}"#)
        }
        let test = TestClient(server: server)
        let error = await #expect(throws: DiscordHTTPError.self) {
            _ = try await test.client.createWebhook(channelID: Snowflake(1), name: "PlayerData Export Scheduler")
        }
        #expect(error?.status == 403)
        #expect(error?.code == .missingPermissions)
        #expect(error?.isMissingAccessOrPermissions == true)
        #expect(error?.message == "Missing Permissions")
        #expect(error?.description == "Discord answered 403 to POST /channels/1/webhooks: Missing Permissions (code 50013)")
        #expect(server.requests.count == 1)
        #expect(await test.client.invalidRequestCount() == 1)
        try await server.stop()
    }

    @Test("other 4xx answers are not retried (10003 unknown channel)")
    func notFoundNotRetried() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(404, #"{"message": "Unknown Channel", "code": 10003}"#) }
        let test = TestClient(server: server)
        let error = await #expect(throws: DiscordHTTPError.self) {
            _ = try await test.client.getChannel(Snowflake(1))
        }
        #expect(error?.isUnknownChannel == true)
        #expect(server.requests.count == 1)
        #expect(await test.client.invalidRequestCount() == 0)
        try await server.stop()
    }

    @Test("near the invalid-request limit the client refuses to send, until the window moves on")
    func invalidRequestGuard() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(401, #"{"message": "401: Unauthorized", "code": 0}"#) }
        let test = TestClient(server: server) { $0.invalidRequestLimit = 3 }
        for _ in 0..<3 {
            await #expect(throws: DiscordHTTPError.self) { _ = try await test.client.getChannel(Snowflake(1)) }
        }
        let refused = await #expect(throws: DiscordHTTPError.self) {
            _ = try await test.client.getChannel(Snowflake(1))
        }
        #expect(refused?.kind == .invalidRequestLimitReached(count: 3, window: .seconds(600)))
        #expect(server.requests.count == 3, "the refused request must not reach Discord")

        await test.clock.advance(by: .seconds(600))
        await #expect(throws: DiscordHTTPError.self) { _ = try await test.client.getChannel(Snowflake(1)) }
        #expect(server.requests.count == 4)
        try await server.stop()
    }

    @Test("a 429 of a shared resource limit does not count as an invalid request")
    func sharedScopeNotCounted() async throws {
        let server = try await ScriptedHTTPServer.start { _, index in
            index == 0
                ? .json(429, #"{"message": "The resource is being rate limited.", "retry_after": 0.5, "global": false}"#, headers: ["X-RateLimit-Scope": "shared"])
                : .json(200, JSONText.channel)
        }
        let test = TestClient(server: server)
        let call = Task { try await test.client.getChannel(Snowflake(1)) }
        await test.sleeps.waitUntilStarted(1)
        await test.clock.advance(by: .milliseconds(500))
        _ = try await call.value
        #expect(await test.client.invalidRequestCount() == 0)
        try await server.stop()
    }

    @Test("a refused connection is retried twice within 0.75 s of backoff, then reported as a transport error")
    func refusedConnection() async throws {
        // Bound but never listening: refused, and no other test's server can take the port.
        let closed = try ClosedPort()
        let test = TestClient(baseURL: closed.baseURL)
        let call = Task { try await test.client.getChannel(Snowflake(1)) }
        // Jitter is pinned to its maximum: the delays are 0.25 s and 0.5 s.
        for (index, delay) in [Duration.milliseconds(250), .milliseconds(500)].enumerated() {
            await test.sleeps.waitUntilStarted(index + 1)
            await test.clock.advance(by: delay)
        }
        let thrown = await #expect(throws: DiscordHTTPError.self) { try await call.cancellingValue }
        let error = try #require(thrown)
        guard case .transport = error.kind else {
            Issue.record("expected a transport error, got \(error)")
            return
        }
        #expect(test.sleeps.started == 2, "no waiting beyond the two connect retries")
        #expect(test.clock.elapsed == .milliseconds(750))
        let route = ("route", "/channels/{channel.id}")
        #expect(test.metrics.value("discord_request_retries_total", [("reason", "connect"), route]) == 2)
        #expect(test.metrics.value("discord_requests_total", [("method", "GET"), route, ("status", "error")]) == 3)
        withExtendedLifetime(closed) {}
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
