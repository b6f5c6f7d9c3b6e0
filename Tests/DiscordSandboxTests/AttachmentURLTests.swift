import Clocks
import DiscordSandbox
import Foundation
import NIOHTTP1
import Testing

@Suite("Signed attachment URLs and stored-file damage", .timeLimit(.minutes(1)))
struct AttachmentURLTests {
    static let fileBytes = Array("{\"players\": 42}".utf8)

    /// Posts a bot message with one file and returns the answer's JSON.
    private func postFile(in harness: SandboxHarness) async throws -> SandboxJSON {
        var multipart = MultipartBuilder()
        multipart.addJSON(name: "payload_json", #"{"content": "export", "attachments": [{"id": 0, "filename": "export.json"}]}"#)
        multipart.addFile(name: "files[0]", filename: "export.json", bytes: Self.fileBytes)
        let posted = try await harness.send(
            .POST, "/channels/\(harness.channel.id)/messages", body: multipart.finished(), contentType: multipart.contentType)
        return try #require(posted.json)
    }

    private func fetch(_ url: String) async throws -> RawResponse {
        try await RawClient.send(.GET, url: url)
    }

    @Test("URLs carry ex, is and hm like Discord's CDN and serve the bytes until they expire")
    func signedAndExpiring() async throws {
        try await SandboxHarness.with { harness in
            let message = try await postFile(in: harness)
            let url = try #require(message["attachments"]?[0]?["url"]?.stringValue)
            // Discord's links end with `&`, which reads as one more, empty item.
            let query = try #require(URLComponents(string: url)?.queryItems).filter { !$0.name.isEmpty }
            #expect(query.map(\.name) == ["ex", "is", "hm"])
            #expect(url.hasSuffix("&"))
            let values = Dictionary(uniqueKeysWithValues: query.map { ($0.name, $0.value ?? "") })
            let expires = try #require(values["ex"].flatMap { Int($0, radix: 16) })
            let issued = try #require(values["is"].flatMap { Int($0, radix: 16) })
            #expect(expires - issued == 24 * 3600)
            #expect(values["hm"]?.count == 64)

            let served = try await fetch(url)
            #expect(served.status == 200)
            #expect(served.body == Self.fileBytes)

            await harness.clock.advance(by: .seconds(24 * 3600))
            let expired = try await fetch(url)
            #expect(expired.status == 404)
            #expect(expired.text == "This content is no longer available.")

            // Fetching the message again hands out a fresh URL that works.
            let id = try #require(message["id"]?.stringValue)
            let refetched = try await harness.send(.GET, "/channels/\(harness.channel.id)/messages/\(id)")
            let fresh = try #require(refetched.json?["attachments"]?[0]?["url"]?.stringValue)
            #expect(fresh != url)
            #expect(try await fetch(fresh).body == Self.fileBytes)
        }
    }

    @Test("an unsigned, altered or foreign signature is refused the way the CDN refuses it")
    func badSignatures() async throws {
        try await SandboxHarness.with { harness in
            let message = try await postFile(in: harness)
            let url = try #require(message["attachments"]?[0]?["url"]?.stringValue)
            let bare = String(url.prefix { $0 != "?" })
            let lastDigit = url.dropLast().last == "0" ? "1" : "0"
            let altered = String(url.dropLast(2)) + lastDigit + "&"
            let later = url.replacingOccurrences(of: "ex=", with: "ex=f")
            for candidate in [bare, altered, later] {
                let refused = try await fetch(candidate)
                #expect(refused.status == 404, "\(candidate)")
                #expect(refused.text == "This content is no longer available.")
            }
        }
    }

    @Test("the lifetime is configurable; deleting the message makes its files unavailable")
    func lifetimeAndDeletion() async throws {
        try await SandboxHarness.with(SandboxConfiguration(attachmentURLLifetime: .seconds(60))) { harness in
            let message = try await postFile(in: harness)
            let url = try #require(message["attachments"]?[0]?["url"]?.stringValue)
            await harness.clock.advance(by: .seconds(59))
            #expect(try await fetch(url).status == 200)
            await harness.clock.advance(by: .seconds(1))
            #expect(try await fetch(url).status == 404)

            let second = try await postFile(in: harness)
            let secondURL = try #require(second["attachments"]?[0]?["url"]?.stringValue)
            let id = try #require(second["id"]?.stringValue)
            #expect(try await harness.send(.DELETE, "/channels/\(harness.channel.id)/messages/\(id)").status == 204)
            #expect(try await fetch(secondURL).status == 404)
        }
    }

    @Test("webhook executions answer with signed URLs too")
    func webhookAnswer() async throws {
        try await SandboxHarness.with { harness in
            let webhook = try await harness.createWebhook()
            let id = try #require(webhook["id"]?.stringValue)
            let token = try #require(webhook["token"]?.stringValue)
            var multipart = MultipartBuilder()
            multipart.addJSON(name: "payload_json", #"{"attachments": [{"id": 0, "filename": "a.json"}]}"#)
            multipart.addFile(name: "files[0]", filename: "a.json", bytes: Self.fileBytes)
            let posted = try await harness.send(
                .POST, "/webhooks/\(id)/\(token)?wait=true", body: multipart.finished(), contentType: multipart.contentType,
                botAuth: false)
            let url = try #require(posted.json?["attachments"]?[0]?["url"]?.stringValue)
            #expect(url.contains("?ex=") && url.contains("&hm="))
            #expect(try await fetch(url).body == Self.fileBytes)
            #expect(posted.json?["application_id"]?.stringValue == harness.applicationID)
        }
    }

    @Test("a corrupted stored byte is served as stored: same size and URL, different bytes")
    func corruption() async throws {
        try await SandboxHarness.with { harness in
            let message = try await postFile(in: harness)
            let attachmentID = try #require(message["attachments"]?[0]?["id"]?.stringValue)
            let url = try #require(message["attachments"]?[0]?["url"]?.stringValue)
            try await harness.sandbox.corruptAttachment(id: attachmentID, atOffset: 3)
            let served = try await fetch(url)
            #expect(served.body.count == Self.fileBytes.count)
            #expect(served.body[3] == Self.fileBytes[3] ^ 0xFF)
            #expect(Array(served.body[..<3]) == Array(Self.fileBytes[..<3]))

            await #expect(throws: SandboxConfigurationError.self) {
                try await harness.sandbox.corruptAttachment(id: attachmentID, atOffset: 10_000)
            }
            let control = try await RawClient.send(
                .POST, url: harness.baseURL.absoluteString.replacingOccurrences(of: "/api/v10", with: "")
                    + "/sandbox/attachments/\(attachmentID)/corrupt", json: ["offset": 3])
            #expect(control.status == 200)
            #expect(try await fetch(url).body == Self.fileBytes, "flipping the same byte again restores it")
        }
    }
}
