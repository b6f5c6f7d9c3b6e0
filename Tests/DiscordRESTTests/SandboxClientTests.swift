import CastBotTestSupport
import Clocks
import DiscordModels
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import Testing

/// The real client against DiscordSandbox on loopback: Discord's rate-limit headers, 429s, error
/// bodies and upload limit as the sandbox serves them, with both sides on one virtual clock.
@Suite("The client against DiscordSandbox", .timeLimit(.minutes(1)))
struct SandboxClientTests {
    static let channelA = Snowflake(1_200_000_000_000_000_002)
    static let channelB = Snowflake(1_200_000_000_000_000_004)

    /// A started sandbox with the demo world and a second channel, and a client pointed at it.
    struct Setup {
        let sandbox: DiscordSandbox
        let test: TestClient

        static func with(_ body: (Setup) async throws -> Void) async throws {
            let clock = TestClock<Duration>()
            let quiet = Logger(label: "castbot-rest-tests", factory: { _ in SwiftLogNoOpLogHandler() })
            let sandbox = DiscordSandbox(
                configuration: SandboxConfiguration(botToken: TestClient.botToken), clock: clock, logger: quiet)
            let baseURL = try await sandbox.start()
            do {
                let world = try await sandbox.seedDemoWorld()
                _ = try await sandbox.addChannel(id: channelB.rawValue, guildID: world.guild.id, name: "exports-b")
                try await body(Setup(sandbox: sandbox, test: TestClient(baseURL: baseURL.absoluteString, clock: clock)))
            } catch {
                await sandbox.stop()
                throw error
            }
            await sandbox.stop()
        }

        func requests(_ route: String) async throws -> [SandboxRecordedRequest] {
            try await sandbox.recordedRequests(matching: route)
        }
    }

    @Test("a 429 with retry_after 1.5 is retried no sooner than 1.5 s later")
    func retryAfter() async throws {
        try await Setup.with { setup in
            await setup.sandbox.injectFault(try .rateLimited("GET /channels/*", retryAfter: 1.5))
            let call = Task { try await setup.test.client.getChannel(Self.channelA) }

            await setup.test.sleeps.waitUntilStarted(1)
            await setup.test.clock.advance(by: .milliseconds(1_499))
            #expect(try await setup.requests("GET /channels/*").count == 1, "no retry before 1.5 s")

            await setup.test.clock.advance(by: .milliseconds(1))
            let channel = try await call.value
            #expect(channel.id == Self.channelA)
            #expect(try await setup.requests("GET /channels/*").map(\.status) == [429, 200])
        }
    }

    @Test("two channels never share a bucket; Remaining 0 holds a channel until the reset")
    func bucketsPerChannel() async throws {
        try await Setup.with { setup in
            await setup.sandbox.addRateLimit(try SandboxRateLimitRule("GET /channels/*", limit: 1, per: .seconds(5)))
            let client = setup.test.client
            _ = try await client.getChannel(Self.channelA)
            _ = try await client.getChannel(Self.channelB)
            #expect(setup.test.sleeps.started == 0, "channel B has its own bucket")

            let second = Task { try await client.getChannel(Self.channelA) }
            await setup.test.sleeps.waitUntilStarted(1)
            #expect(try await setup.requests("GET /channels/\(Self.channelA)").count == 1, "held until the reset")

            await setup.test.clock.advance(by: .seconds(5))
            _ = try await second.value
            let statuses = try await setup.requests("GET /channels/*").map(\.status)
            #expect(statuses == [200, 200, 200], "the client waited instead of drawing a 429")
        }
    }

    @Test("a 5xx is retried three times, then a typed error; a 403 is not retried")
    func retries() async throws {
        try await Setup.with { setup in
            let route = "GET /channels/\(Self.channelA)"
            await setup.sandbox.injectFault(try .error(route, status: 500, code: 0, message: "500: Internal Server Error", count: nil))
            let call = Task { try await setup.test.client.getChannel(Self.channelA) }
            for retry in 1...3 {
                await setup.test.sleeps.waitUntilStarted(retry)
                await setup.test.clock.advance(by: .seconds(60))
            }
            let failure = await #expect(throws: DiscordHTTPError.self) { try await call.value }
            #expect(failure?.status == 500)
            #expect(try await setup.requests(route).count == 4)

            await setup.sandbox.clearFaults()
            let otherRoute = "GET /channels/\(Self.channelB)"
            await setup.sandbox.injectFault(try .error(otherRoute, status: 403, code: 50013, message: "Missing Permissions"))
            let refusal = await #expect(throws: DiscordHTTPError.self) { try await setup.test.client.getChannel(Self.channelB) }
            #expect(refusal?.status == 403)
            #expect(refusal?.code?.rawValue == 50013)
            #expect(refusal?.message == "Missing Permissions")
            #expect(try await setup.requests(otherRoute).count == 1)
        }
    }

    @Test("a file of 10 MiB + 1 byte is refused with 413 / 40005; 10 MiB exactly is delivered")
    func uploadLimit() async throws {
        try await Setup.with { setup in
            let client = setup.test.client
            let webhook = try await client.createWebhook(channelID: Self.channelA, name: "PlayerData Export Scheduler")
            let token = try #require(webhook.token)
            func upload(_ size: Int) async throws -> Message {
                try await client.executeWebhook(
                    webhookID: webhook.id, token: token, payload: MessagePayload(content: "export"),
                    files: [DiscordFile(filename: "export.json", contentType: "application/json", data: Data(count: size))])
            }

            let refusal = await #expect(throws: DiscordHTTPError.self) { try await upload(10_485_761) }
            #expect(refusal?.status == 413)
            #expect(refusal?.code?.rawValue == 40005)
            #expect(await setup.sandbox.messages(inChannel: Self.channelA.rawValue).isEmpty)

            let message = try await upload(10_485_760)
            #expect(message.attachments?.first?.size == 10_485_760)
        }
    }

    @Test("no request the sandbox received, no error and no log line carries the bot token outside Authorization")
    func tokenStaysInAuthorization() async throws {
        try await Setup.with { setup in
            let client = setup.test.client
            _ = try await client.getChannel(Self.channelA)
            let webhook = try await client.createWebhook(channelID: Self.channelA, name: "PlayerData Export Scheduler")
            _ = try await client.executeWebhook(
                webhookID: webhook.id, token: try #require(webhook.token), payload: MessagePayload(content: "export"))
            await setup.sandbox.injectFault(try .error("GET /channels/*", status: 403, code: 50001, message: "Missing Access"))
            let error = await #expect(throws: DiscordHTTPError.self) { try await client.getChannel(Self.channelB) }

            let received = await setup.sandbox.recordedRequests()
            #expect(received.count == 4)
            for request in received {
                #expect(!request.exposesOutsideAuthorization(TestClient.botToken), "\(request.method) \(request.path)")
            }
            let webhookCalls = received.filter { $0.path.contains("/webhooks/\(webhook.id)/") }
            #expect(webhookCalls.count == 1)
            #expect(webhookCalls.allSatisfy { $0.authorization == nil }, "webhook-token routes go without the bot token")
            for text in [String(describing: error)] + setup.test.logs.all {
                #expect(!text.contains(TestClient.botToken))
            }
        }
    }
}
