import DiscordModels
import DiscordREST
import Foundation
import Testing

/// The bot token goes only into the Authorization header of bot routes; webhook and interaction
/// tokens only into their URL paths. Neither ever appears in logs or errors.
@Suite("Tokens never leak", .timeLimit(.minutes(1)))
struct TokenSafetyTests {
    static let webhookToken = "d2ViaG9vay10b2tlbi1zZWNyZXQ"
    static let interactionToken = "aW50ZXJhY3Rpb24tdG9rZW4tc2VjcmV0"
    static var secrets: [String] { [TestClient.botToken, webhookToken, interactionToken] }

    @Test("requests, logs and errors carry tokens only where Discord needs them")
    func nothingLeaks() async throws {
        // Discord never echoes tokens, but if an error body did (message or field errors), the
        // request's own token and the bot token must not travel further.
        @Sendable func echo(_ routeToken: String) -> String {
            #"{"message": "bad \#(TestClient.botToken) \#(routeToken)", "code": 50035, "#
                + #""errors": {"content": {"_errors": [{"code": "X", "message": "\#(routeToken)"}]}}}"#
        }
        let server = try await ScriptedHTTPServer.start { request, _ in
            switch (request.method, request.path) {
            case ("GET", _): .json(200, JSONText.channel)
            case ("POST", let path) where path.hasPrefix("/api/v10/webhooks/7/"): .json(403, echo(Self.webhookToken))
            case ("POST", let path) where path.hasPrefix("/api/v10/webhooks/3/"): .json(400, echo(Self.interactionToken))
            case ("POST", let path) where path.hasPrefix("/api/v10/webhooks/8/"): .json(502, echo(Self.webhookToken))
            case ("DELETE", _): .noContent
            default: .json(500, "{}")
            }
        }
        let test = TestClient(server: server)
        var errors: [DiscordHTTPError] = []

        _ = try await test.client.getChannel(Snowflake(1))
        try await test.client.deleteWebhook(webhookID: Snowflake(7), token: Self.webhookToken)
        do {
            _ = try await test.client.executeWebhook(webhookID: Snowflake(7), token: Self.webhookToken, payload: MessagePayload(content: "x"))
        } catch let error as DiscordHTTPError {
            errors.append(error)
        }
        do {
            _ = try await test.client.createFollowupMessage(
                applicationID: Snowflake(3), interactionToken: Self.interactionToken, payload: MessagePayload(content: "x"))
        } catch let error as DiscordHTTPError {
            errors.append(error)
        }
        // A 5xx to a POST: the outcome is unknown, and its text quotes Discord's answer.
        do {
            _ = try await test.client.executeWebhook(webhookID: Snowflake(8), token: Self.webhookToken, payload: MessagePayload(content: "x"))
        } catch let error as DiscordHTTPError {
            #expect(error.isOutcomeUnknown)
            errors.append(error)
        }
        #expect(errors.count == 3)

        for request in server.requests {
            let isBotRoute = request.path == "/api/v10/channels/1"
            #expect(request.header("authorization") == (isBotRoute ? "Bot \(TestClient.botToken)" : nil))
            for (name, values) in request.headers where name != "authorization" {
                for secret in Self.secrets {
                    #expect(!values.joined().contains(secret), "header \(name) carries a token")
                }
            }
            #expect(!request.uri.contains(TestClient.botToken))
            #expect(!String(decoding: request.body, as: UTF8.self).contains(TestClient.botToken))
        }

        let texts = errors.flatMap { [String(describing: $0), String(reflecting: $0), $0.message ?? "", $0.body?.summary ?? ""] }
            + test.logs.all
        #expect(!test.logs.all.isEmpty)
        for text in texts {
            for secret in Self.secrets {
                #expect(!text.contains(secret), "leaked in: \(text)")
            }
        }
        #expect(errors[0].route == "POST /webhooks/7/:token")
        #expect(errors[1].route == "POST /webhooks/3/:token")
        try await server.stop()
    }

    @Test("transport errors on token routes do not show the token")
    func transportError() async throws {
        let closed = try ClosedPort()
        let test = TestClient(baseURL: closed.baseURL) { $0.maxConnectRetries = 0 }
        let error = await #expect(throws: DiscordHTTPError.self) {
            _ = try await test.client.executeWebhook(webhookID: Snowflake(7), token: Self.webhookToken, payload: MessagePayload(content: "x"))
        }
        for text in [String(describing: error)] + test.logs.all {
            #expect(!text.contains(Self.webhookToken))
            #expect(!text.contains(TestClient.botToken))
        }
        withExtendedLifetime(closed) {}
    }

    @Test("the token, requests and routes describe themselves without secrets")
    func descriptions() throws {
        let token = try #require(DiscordToken("Bot \(TestClient.botToken)"))
        var dumped = ""
        dump(token, to: &dumped)
        let route = DiscordRoute(.post, "/webhooks/{webhook.id}/{webhook.token}", .webhook(Snowflake(7)), .webhookToken(Self.webhookToken))
        let request = DiscordRequest(route: route, body: .json(Data("{}".utf8)), auth: .none)
        var dumpedRequest = ""
        dump(request, to: &dumpedRequest)
        for text in [String(describing: token), String(reflecting: token), dumped, String(describing: request), String(reflecting: request), dumpedRequest] {
            #expect(!text.contains(TestClient.botToken))
            #expect(!text.contains(Self.webhookToken))
        }
        #expect(String(describing: request) == "POST /webhooks/7/:token (JSON, 2 bytes, auth: none)")
    }

    @Test("tokens that cannot be sent in a header are rejected", arguments: ["", "Bot ", "abc def", "abc\r\nX-Evil: 1", "tok\u{7F}"])
    func invalidTokens(text: String) {
        #expect(DiscordToken(text) == nil)
    }

    @Test("without a bot token, bot routes fail clearly and send nothing")
    func noToken() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(200, JSONText.channel) }
        let client = HTTPDiscordClient(token: nil, configuration: { var c = HTTPDiscordClientConfiguration(); c.baseURL = server.baseURL; return c }())
        let error = await #expect(throws: DiscordHTTPError.self) { _ = try await client.getChannel(Snowflake(1)) }
        #expect(error?.kind == .invalidRequest("no bot token is configured"))
        #expect(server.requests.isEmpty)
        try await server.stop()
    }
}
