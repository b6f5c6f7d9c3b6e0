import CastBotTestSupport
import Clocks
import DiscordModels
import DiscordREST
import DiscordSandbox
import Foundation
import Testing

/// A POST that may have reached Discord is never sent again; what certainly did not reach it, and
/// what is safe to repeat, is.
@Suite("No POST sent twice", .timeLimit(.minutes(1)))
struct DeliveryTests {
    typealias Setup = SandboxClientTests.Setup
    static let channel = SandboxClientTests.channelA

    @Test("a webhook upload whose answer is lost is sent once, lands once, and reports an unknown outcome")
    func lostUploadAnswer() async throws {
        try await Setup.with { setup in
            let client = setup.test.client
            let webhook = try await client.createWebhook(channelID: Self.channel, name: "PlayerData Export Scheduler")
            let token = try #require(webhook.token)
            await setup.sandbox.injectFault(try SandboxFault("POST /webhooks/{webhook_id}/{webhook_token}", effect: .dropAfterHandling))

            let file = DiscordFile(filename: "export.json", contentType: "application/json", data: Data(count: 4_096))
            // Called directly: were it retried, its backoff on the test clock would end with the
            // test's time limit, as a failure.
            let thrown = await #expect(throws: DiscordHTTPError.self) {
                try await client.executeWebhook(
                    webhookID: webhook.id, token: token, payload: MessagePayload(content: "Export ready"), files: [file])
            }
            let error = try #require(thrown)
            #expect(error.isOutcomeUnknown)
            #expect(!error.isTransient, "repeating it could post the export twice")
            #expect(error.route == "POST /webhooks/\(webhook.id)/:token")
            #expect(error.description.contains("may have reached Discord and was not repeated"))
            for text in [String(describing: error), String(reflecting: error)] + setup.test.logs.all {
                #expect(!text.contains(token))
                #expect(!text.contains(TestClient.botToken))
            }
            #expect(try await setup.requests("POST /webhooks/*/*").count == 1, "sent exactly once")
            #expect(await setup.sandbox.messages(inChannel: Self.channel.rawValue).count == 1)
            #expect(setup.test.sleeps.started == 0, "no backoff: nothing is retried")

            // The caller can find out that it landed.
            let recent = try await client.getChannelMessages(channelID: Self.channel, limit: 10)
            let landed = try #require(recent.first { $0.webhookID == webhook.id })
            #expect(landed.content == "Export ready")
            #expect(landed.attachments?.map(\.filename) == ["export.json"])
            #expect(landed.attachments?.first?.size == 4_096)
        }
    }

    @Test("a GET whose answer is lost is sent again and succeeds")
    func lostGetAnswerRetried() async throws {
        try await Setup.with { setup in
            let client = setup.test.client
            _ = try await client.createMessage(channelID: Self.channel, payload: MessagePayload(content: "hello"))
            await setup.sandbox.injectFault(try SandboxFault("GET /channels/*/messages", effect: .dropAfterHandling))

            let call = Task { try await client.getChannelMessages(channelID: Self.channel) }
            await setup.test.sleeps.waitUntilStarted(1)
            await setup.test.clock.advance(by: .milliseconds(500))
            let messages = try await call.cancellingValue
            #expect(messages.map(\.content) == ["hello"])
            #expect(try await setup.requests("GET /channels/*/messages").count == 2)
            #expect(
                setup.test.metrics.value(
                    "discord_request_retries_total", [("reason", "transport"), ("route", "/channels/{channel.id}/messages")]) == 1)
        }
    }

    @Test("a POST answered with a 5xx is not sent again: the outcome is unknown, with Discord's status")
    func serverErrorOnPost() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in
            .json(502, #"{"message": "Bad Gateway", "code": 0}"#)
        }
        let test = TestClient(server: server)
        let thrown = await #expect(throws: DiscordHTTPError.self) {
            try await test.client.createMessage(channelID: Snowflake(1), payload: MessagePayload(content: "x"))
        }
        let error = try #require(thrown)
        #expect(error.kind == .outcomeUnknown("Discord answered 502: Bad Gateway (code 0)"))
        #expect(error.status == 502)
        #expect(
            error.description
                == "Outcome of POST /channels/1/messages unknown: Discord answered 502: Bad Gateway (code 0); "
                + "the request may have reached Discord and was not repeated")
        #expect(server.requests.count == 1)
        #expect(test.sleeps.started == 0)
        try await server.stop()
    }

    @Test("a POST refused at connect never left, so it is sent again and lands once")
    func refusedPostRetried() async throws {
        let port = try ClosedPort()
        let test = TestClient(baseURL: port.baseURL)
        let call = Task {
            try await test.client.createMessage(channelID: Snowflake(1), payload: MessagePayload(content: "export"))
        }
        // The first attempt was refused; Discord comes up while the client backs off.
        await test.sleeps.waitUntilStarted(1)
        let server = try await ScriptedHTTPServer.start(listeningSocket: try port.startListening()) { _, _ in
            .json(200, JSONText.message)
        }
        await test.clock.advance(by: .milliseconds(250))
        let message = try await call.cancellingValue
        #expect(message.id == Snowflake(900))
        #expect(server.requests.count == 1)
        #expect(test.sleeps.started == 1)
        #expect(test.clock.elapsed == .milliseconds(250))
        let route = ("route", "/channels/{channel.id}/messages")
        #expect(test.metrics.value("discord_request_retries_total", [("reason", "connect"), route]) == 1)
        #expect(test.metrics.value("discord_requests_total", [("method", "POST"), route, ("status", "error")]) == 1)
        #expect(test.metrics.value("discord_requests_total", [("method", "POST"), route, ("status", "200")]) == 1)
        try await server.stop()
    }

    @Test("a POST refused at every attempt fails as a transport error, not an unknown outcome")
    func refusedPostFails() async throws {
        let closed = try ClosedPort()
        let test = TestClient(baseURL: closed.baseURL) { $0.maxConnectRetries = 1 }
        let call = Task {
            try await test.client.createMessage(channelID: Snowflake(1), payload: MessagePayload(content: "export"))
        }
        await test.sleeps.waitUntilStarted(1)
        await test.clock.advance(by: .milliseconds(250))
        let thrown = await #expect(throws: DiscordHTTPError.self) { try await call.cancellingValue }
        let error = try #require(thrown)
        guard case .transport = error.kind else {
            Issue.record("expected a transport error, got \(error)")
            return
        }
        #expect(!error.isOutcomeUnknown)
        #expect(error.isTransient)
        withExtendedLifetime(closed) {}
    }
}
