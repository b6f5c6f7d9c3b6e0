import DiscordSandbox
import NIOHTTP1
import Testing

@Suite("Upload size limits", .timeLimit(.minutes(1)))
struct UploadLimitTests {
    private static let limit = 10 * 1_048_576

    private func execute(_ harness: SandboxHarness, fileSize: Int) async throws -> RawResponse {
        let webhook = try await harness.createWebhook()
        let id = try #require(webhook["id"]?.stringValue)
        let token = try #require(webhook["token"]?.stringValue)
        var multipart = MultipartBuilder()
        multipart.addJSON(name: "payload_json", #"{"attachments": [{"id": 0}]}"#)
        multipart.addFile(
            name: "files[0]", filename: "big.json", bytes: [UInt8](repeating: 0x20, count: fileSize),
            contentType: "application/octet-stream")
        return try await harness.send(
            .POST, "/webhooks/\(id)/\(token)?wait=true", body: multipart.finished(), contentType: multipart.contentType,
            botAuth: false)
    }

    @Test("a file of 10 MiB + 1 byte is refused with 413 / 40005")
    func oneByteOver() async throws {
        try await SandboxHarness.with { harness in
            let response = try await execute(harness, fileSize: Self.limit + 1)
            #expect(response.status == 413)
            #expect(response.code == 40005)
            #expect(response.json?["message"]?.stringValue == "Request entity too large")
            #expect(await harness.sandbox.messages(inChannel: harness.channel.id).isEmpty)
        }
    }

    @Test("a file of exactly 10 MiB is accepted and stored whole")
    func exactlyAtLimit() async throws {
        try await SandboxHarness.with { harness in
            let response = try await execute(harness, fileSize: Self.limit)
            #expect(response.status == 200)
            #expect(response.json?["attachments"]?[0]?["size"]?.intValue == Self.limit)
            let stored = await harness.sandbox.messages(inChannel: harness.channel.id)
            #expect(stored.first?.attachments.first?.bytes.count == Self.limit)
        }
    }
}
