import DiscordModels
import DiscordREST
import Foundation
import Testing

@Suite("Attachment downloads", .timeLimit(.minutes(1)))
struct DownloadTests {
    @Test(
        "only Discord's CDN (over HTTPS) or the configured API host may be downloaded from",
        arguments: [
            "https://evil.example.com/attachments/1/2/p.json",
            "http://cdn.discordapp.com/attachments/1/2/p.json",
            "https://cdn.discordapp.com.evil.example/p.json",
            "https://cdn.discordapp.com:8443/p.json",
            "file:///etc/passwd",
            "not a url",
            "http://127.0.0.1:1/p.json",
        ]
    )
    func refusedHosts(url: String) async throws {
        let test = TestClient(baseURL: "http://127.0.0.1:9/api/v10")
        let error = await #expect(throws: DiscordHTTPError.self) {
            _ = try await test.client.download(from: url, maxBytes: 1_000)
        }
        switch error?.kind {
        case .downloadHostNotAllowed, .invalidRequest: break
        default: Issue.record("expected a refused download, got \(String(describing: error))")
        }
    }

    @Test("a file from the configured API host downloads, without the bot token")
    func apiHostAllowed() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in
            ScriptedResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(#"{"guild": 1}"#.utf8))
        }
        let test = TestClient(server: server)
        let data = try await test.client.download(from: "http://127.0.0.1:\(server.port)/attachments/1/2/p.json", maxBytes: 100)
        #expect(data == Data(#"{"guild": 1}"#.utf8))
        #expect(server.requests.first?.header("authorization") == nil)
        try await server.stop()
    }

    @Test("a signed attachment URL is fetched with its query string intact; a refusal names only the host")
    func signedURL() async throws {
        let server = try await ScriptedHTTPServer.start { request, _ in
            request.uri.hasSuffix("?ex=6a1b2c3d&is=6a1a0000&hm=abc123&")
                ? ScriptedResponse(status: 200, headers: [:], body: Data("ok".utf8))
                : ScriptedResponse(status: 404, headers: ["Content-Type": "text/plain"], body: Data("This content is no longer available.".utf8))
        }
        let test = TestClient(server: server)
        let base = "http://127.0.0.1:\(server.port)/attachments/1/2/p.json"
        #expect(try await test.client.download(from: base + "?ex=6a1b2c3d&is=6a1a0000&hm=abc123&", maxBytes: 100) == Data("ok".utf8))
        let error = await #expect(throws: DiscordHTTPError.self) {
            _ = try await test.client.download(from: base + "?ex=6a1b2c3d&is=6a1a0000&hm=wrong&", maxBytes: 100)
        }
        #expect(error?.status == 404)
        #expect(!(error?.description.contains("hm=") ?? true), "the signature stays out of errors")
        try await server.stop()
    }

    @Test("a file larger than the cap is refused")
    func sizeCap() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in
            ScriptedResponse(status: 200, headers: [:], body: Data(repeating: 0x41, count: 5_000))
        }
        let test = TestClient(server: server)
        let error = await #expect(throws: DiscordHTTPError.self) {
            _ = try await test.client.download(from: "http://127.0.0.1:\(server.port)/big.json", maxBytes: 4_096)
        }
        #expect(error?.kind == .responseTooLarge(limit: 4_096))
        try await server.stop()
    }

    @Test("a redirect is not followed, not even to another loopback server: the target never sees a request")
    func redirectNotFollowed() async throws {
        let target = try await ScriptedHTTPServer.start { _, _ in
            ScriptedResponse(status: 200, headers: [:], body: Data("internal secrets".utf8))
        }
        let server = try await ScriptedHTTPServer.start { _, _ in
            ScriptedResponse(status: 302, headers: ["Location": "http://127.0.0.1:\(target.port)/admin/secrets"], body: Data())
        }
        let test = TestClient(server: server)
        let error = await #expect(throws: DiscordHTTPError.self) {
            _ = try await test.client.download(from: "http://127.0.0.1:\(server.port)/attachments/1/2/p.json", maxBytes: 100)
        }
        #expect(error?.status == 302)
        #expect(error?.description.contains("downloads follow no redirects") == true)
        #expect(server.requests.count == 1)
        #expect(target.requests.isEmpty, "the redirect's target was contacted")
        try await server.stop()
        try await target.stop()
    }

    @Test("a failed download reports the status")
    func notFound() async throws {
        let server = try await ScriptedHTTPServer.start { _, _ in .json(404, "{}") }
        let test = TestClient(server: server)
        let error = await #expect(throws: DiscordHTTPError.self) {
            _ = try await test.client.download(from: "http://127.0.0.1:\(server.port)/gone.json", maxBytes: 100)
        }
        #expect(error?.status == 404)
        try await server.stop()
    }
}
