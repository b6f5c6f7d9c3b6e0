import DiscordSandbox
import Foundation
import NIOHTTP1
import Testing

@Suite("Control HTTP API", .timeLimit(.minutes(1)))
struct ControlAPITests {
    private func control(_ harness: SandboxHarness) -> String {
        harness.baseURL.absoluteString.replacingOccurrences(of: "/api/v10", with: "/sandbox")
    }

    @Test("info, faults, messages and requests through /sandbox")
    func driveAndInspect() async throws {
        try await SandboxHarness.with { harness in
            let base = control(harness)
            let info = try await RawClient.send(.GET, url: base + "/info")
            #expect(info.json?["public_key"]?.stringValue == harness.sandbox.publicKeyHex)
            #expect(info.json?["api_base_url"]?.stringValue == harness.baseURL.absoluteString)

            let fault = try await RawClient.send(
                .POST, url: base + "/faults",
                json: ["route": "POST /channels/*/messages", "status": 500, "code": 0, "message": "boom", "count": 1])
            #expect(fault.status == 201)
            let failed = try await harness.send(.POST, "/channels/\(harness.channel.id)/messages", json: ["content": "a"])
            #expect(failed.status == 500)
            let posted = try await harness.send(.POST, "/channels/\(harness.channel.id)/messages", json: ["content": "b"])
            #expect(posted.status == 200)

            let messages = try await RawClient.send(.GET, url: base + "/messages?channel_id=\(harness.channel.id)")
            #expect(messages.json?.arrayValue?.compactMap { $0["content"]?.stringValue } == ["b"])

            let requests = try await RawClient.send(.GET, url: base + "/requests")
            let entries = try #require(requests.json?.arrayValue)
            #expect(entries.compactMap { $0["status"]?.intValue } == [500, 200])
            #expect(entries.allSatisfy { $0["had_bot_auth"]?.boolValue == true })
            #expect(!requests.text.contains(harness.token))

            let lostAnswer = try await RawClient.send(
                .POST, url: base + "/faults", json: ["route": "POST /channels/*/messages", "action": "drop_after_handling"])
            #expect(lostAnswer.status == 201)
            let listed = try await RawClient.send(.GET, url: base + "/faults")
            #expect(listed.json?.arrayValue?.compactMap { $0["action"]?.stringValue } == ["drop_after_handling"])
            await #expect(throws: (any Error).self) {
                _ = try await harness.send(.POST, "/channels/\(harness.channel.id)/messages", json: ["content": "c"])
            }
            #expect(await harness.sandbox.messages(inChannel: harness.channel.id).map(\.content) == ["b", "c"])
            let afterDrop = try await RawClient.send(.GET, url: base + "/requests")
            #expect(afterDrop.json?.arrayValue?.last?["answer_dropped"]?.boolValue == true)
            #expect(afterDrop.json?.arrayValue?.last?["status"]?.intValue == 200)

            let badFault = try await RawClient.send(.POST, url: base + "/faults", json: ["route": "BREW /coffee", "status": 418])
            #expect(badFault.status == 400)
            #expect(badFault.json?["error"]?.stringValue?.contains("method must be one of") == true)
        }
    }

    @Test("world setup through /sandbox")
    func worldSetup() async throws {
        try await SandboxHarness.with { harness in
            let base = control(harness)
            let channel = try await RawClient.send(
                .POST, url: base + "/channels", json: ["id": "777", "guild_id": .string(harness.guild.id), "bot_permissions": "1024"])
            #expect(channel.status == 201)
            let denied = try await harness.send(.POST, "/channels/777/messages", json: ["content": "x"])
            #expect(denied.code == 50013)
            let orphan = try await RawClient.send(.POST, url: base + "/channels", json: ["guild_id": "404"])
            #expect(orphan.status == 400)
        }
    }

    @Test("POST /sandbox/interactions delivers a signed interaction to a bot and reports the reply")
    func sendInteractionThroughControlAPI() async throws {
        try await SandboxHarness.with { harness in
            try await TinyBotServer.with(
                publicKeyHex: harness.sandbox.publicKeyHex, reply: { _ in ["type": 4, "data": ["content": "menu"]] }
            ) { bot in
                let response = try await RawClient.send(
                    .POST, url: control(harness) + "/interactions",
                    json: [
                        "to": .string(bot.url.absoluteString), "kind": "command", "name": "menu",
                        "channel_id": .string(harness.channel.id), "user_id": .string(harness.admin.id),
                    ])
                #expect(response.status == 200)
                #expect(response.json?["status"]?.intValue == 200)
                #expect(response.json?["accepted"]?.boolValue == true)
                #expect(bot.requests.first?.signatureValid == true)
                let id = try #require(response.json?["interaction_id"]?.stringValue)
                let log = try await RawClient.send(.GET, url: control(harness) + "/interactions/\(id)")
                #expect(log.json?["response_type"]?.intValue == 4)

                let badKind = try await RawClient.send(
                    .POST, url: control(harness) + "/interactions",
                    json: ["to": .string(bot.url.absoluteString), "kind": "dance"])
                #expect(badKind.status == 400)
            }
        }
    }
}
