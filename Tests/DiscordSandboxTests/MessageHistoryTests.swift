import DiscordSandbox
import Foundation
import NIOHTTP1
import Testing

@Suite("Channel message history and lost answers", .timeLimit(.minutes(1)))
struct MessageHistoryTests {
    /// Posts `count` bot messages "m1", "m2", ... and returns their ids, oldest first.
    private func post(_ count: Int, in harness: SandboxHarness) async throws -> [String] {
        var ids: [String] = []
        for index in 1...count {
            let posted = try await harness.send(.POST, "/channels/\(harness.channel.id)/messages", json: ["content": .string("m\(index)")])
            ids.append(try #require(posted.json?["id"]?.stringValue))
        }
        return ids
    }

    private func contents(_ response: RawResponse) -> [String] {
        response.json?.arrayValue?.compactMap { $0["content"]?.stringValue } ?? []
    }

    @Test("GET /channels/{id}/messages lists newest first, with limit, before and after")
    func listing() async throws {
        try await SandboxHarness.with { harness in
            let ids = try await post(5, in: harness)
            let path = "/channels/\(harness.channel.id)/messages"

            let all = try await harness.send(.GET, path)
            #expect(all.status == 200)
            #expect(contents(all) == ["m5", "m4", "m3", "m2", "m1"])
            #expect(all.header("X-RateLimit-Bucket") != nil)

            #expect(contents(try await harness.send(.GET, path + "?limit=2")) == ["m5", "m4"])
            #expect(contents(try await harness.send(.GET, path + "?before=\(ids[3])&limit=2")) == ["m3", "m2"])
            // `after` takes the messages closest after the id, still listed newest first.
            #expect(contents(try await harness.send(.GET, path + "?after=\(ids[0])&limit=2")) == ["m3", "m2"])
            #expect(contents(try await harness.send(.GET, path + "?after=\(ids[4])")).isEmpty)
        }
    }

    @Test("a limit outside 1...100 or an id that is not a snowflake is a 50035")
    func invalidQuery() async throws {
        try await SandboxHarness.with { harness in
            let path = "/channels/\(harness.channel.id)/messages"
            let tooMany = try await harness.send(.GET, path + "?limit=101")
            #expect(tooMany.status == 400)
            #expect(tooMany.code == 50035)
            #expect(tooMany.fieldErrorCode("limit") == "NUMBER_TYPE_MAX")
            #expect(try await harness.send(.GET, path + "?limit=0").fieldErrorCode("limit") == "NUMBER_TYPE_MIN")
            #expect(try await harness.send(.GET, path + "?before=abc").fieldErrorCode("before") == "NUMBER_TYPE_COERCE")
        }
    }

    @Test("without Read Message History the list is empty; without View Channel it is 50001")
    func permissions() async throws {
        try await SandboxHarness.with { harness in
            _ = try await post(1, in: harness)
            let path = "/channels/\(harness.channel.id)/messages"
            try await harness.sandbox.setBotPermissions([.viewChannel, .sendMessages], inChannel: harness.channel.id)
            let blind = try await harness.send(.GET, path)
            #expect(blind.status == 200)
            #expect(blind.json?.arrayValue?.isEmpty == true)
            try await harness.sandbox.setBotPermissions([.sendMessages], inChannel: harness.channel.id)
            #expect(try await harness.send(.GET, path).code == 50001)
        }
    }

    @Test("dropAfterHandling stores the webhook message but loses the answer; the history shows it landed")
    func dropAfterHandling() async throws {
        try await SandboxHarness.with { harness in
            let webhook = try await harness.createWebhook()
            let id = try #require(webhook["id"]?.stringValue)
            let token = try #require(webhook["token"]?.stringValue)
            await harness.sandbox.injectFault(try SandboxFault("POST /webhooks/{webhook_id}/{webhook_token}", effect: .dropAfterHandling))

            let fileBytes = Array(repeating: UInt8(0x41), count: 1234)
            var multipart = MultipartBuilder()
            multipart.addJSON(name: "payload_json", #"{"content": "Export ready", "attachments": [{"id": 0, "filename": "export.json"}]}"#)
            multipart.addFile(name: "files[0]", filename: "export.json", bytes: fileBytes)
            await #expect(throws: (any Error).self) {
                _ = try await harness.send(
                    .POST, "/webhooks/\(id)/\(token)?wait=true", body: multipart.finished(), contentType: multipart.contentType,
                    botAuth: false)
            }

            #expect(await harness.sandbox.messages(inChannel: harness.channel.id).count == 1)
            let recorded = try await harness.sandbox.recordedRequests(matching: "POST /webhooks/*/*")
            #expect(recorded.map(\.status) == [200])
            #expect(recorded.map(\.answerDropped) == [true])

            let history = try await harness.send(.GET, "/channels/\(harness.channel.id)/messages?limit=10")
            let message = try #require(history.json?[0])
            #expect(message["webhook_id"]?.stringValue == id)
            #expect(message["content"]?.stringValue == "Export ready")
            #expect(message["attachments"]?[0]?["filename"]?.stringValue == "export.json")
            #expect(message["attachments"]?[0]?["size"]?.intValue == fileBytes.count)
            #expect(await harness.sandbox.activeFaults().isEmpty, "the fault was used up")
        }
    }
}
