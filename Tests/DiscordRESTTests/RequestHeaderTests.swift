import DiscordModels
import DiscordREST
import Foundation
import Testing

@Suite("Request headers and URLs", .timeLimit(.minutes(1)))
struct RequestHeaderTests {
    @Test("User-Agent, content type, URL-encoded audit-log reason, query and path")
    func headers() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(200, JSONText.webhook) }
        let test = TestClient(server: server)
        _ = try await test.client.createWebhook(channelID: Snowflake(1), name: "PlayerData Export Scheduler", auditLogReason: "Export für #backups")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.uri == "/api/v10/channels/1/webhooks")
        #expect(request.header("user-agent") == "DiscordBot (https://github.com/castbot/castbot-swift, 9.9.9)")
        #expect(request.header("content-type") == "application/json")
        #expect(request.header("x-audit-log-reason") == "Export%20f%C3%BCr%20%23backups")
        #expect(try JSONText.value(request.body) == JSONText.value(#"{"name": "PlayerData Export Scheduler"}"#))
        try await server.stop()
    }

    @Test("execute webhook sends wait=true and no Authorization")
    func webhookQuery() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(200, JSONText.message) }
        let test = TestClient(server: server)
        let message = try await test.client.executeWebhook(webhookID: Snowflake(7), token: "a/b?c", payload: MessagePayload(content: "x"))
        #expect(message.id == Snowflake(900))
        let request = try #require(server.requests.first)
        #expect(request.uri == "/api/v10/webhooks/7/a%2Fb%3Fc?wait=true")
        #expect(request.header("authorization") == nil)
        try await server.stop()
    }

    @Test("caller headers cannot replace Authorization or inject lines")
    func reservedHeaders() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(200, JSONText.channel) }
        let test = TestClient(server: server)
        let request = DiscordRequest(
            route: DiscordRoute(.get, "/channels/{channel.id}", .channel(Snowflake(1))),
            headers: ["Authorization": "Bot stolen", "X-Trace": "a\r\nX-Evil: 1"],
            auth: .none
        )
        _ = try await test.client.send(request)
        let received = try #require(server.requests.first)
        #expect(received.header("authorization") == nil)
        #expect(received.header("x-trace") == "aX-Evil: 1")
        #expect(received.header("x-evil") == nil)
        try await server.stop()
    }
}
