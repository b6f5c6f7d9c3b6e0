import Clocks
import DiscordSandbox
import Foundation
import NIOHTTP1
import Testing

@Suite("Channel messages: paging, reading one, deleting", .timeLimit(.minutes(1)))
struct ChannelMessageRouteTests {
    private func post(_ count: Int, in harness: SandboxHarness) async throws -> [String] {
        var ids: [String] = []
        for index in 1...count {
            let posted = try await harness.send(
                .POST, "/channels/\(harness.channel.id)/messages", json: ["content": .string("m\(index)")])
            ids.append(try #require(posted.json?["id"]?.stringValue))
            // Stay within the 50-per-second bucket and global limit on the virtual clock.
            if index % 40 == 0 { await harness.clock.advance(by: .seconds(1)) }
        }
        return ids
    }

    private func ids(_ response: RawResponse) -> [String] {
        response.json?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }

    @Test("paging back with before walks all of 160 messages, newest first, 50 by default and 100 at most")
    func pagingAcrossPages() async throws {
        try await SandboxHarness.with { harness in
            let posted = try await post(160, in: harness)
            let path = "/channels/\(harness.channel.id)/messages"
            #expect(ids(try await harness.send(.GET, path)).count == 50)

            var seen: [String] = []
            var before: String?
            while true {
                let page = ids(try await harness.send(.GET, path + "?limit=100" + (before.map { "&before=\($0)" } ?? "")))
                if page.isEmpty { break }
                #expect(page.count <= 100)
                seen += page
                before = page.last
            }
            #expect(seen == posted.reversed())
            // The numbers in ids grow with time, like Discord's snowflakes.
            #expect(posted.map { UInt64($0) ?? 0 } == posted.map { UInt64($0) ?? 0 }.sorted())
            #expect(ids(try await harness.send(.GET, path + "?around=\(posted[80])&limit=4")) == [posted[81], posted[80], posted[79], posted[78]])
        }
    }

    @Test("GET one message: 200, 10008 for an unknown id, 50035 for a non-snowflake, 50001 without Read Message History")
    func getOne() async throws {
        try await SandboxHarness.with { harness in
            let id = try #require(try await post(1, in: harness).first)
            let path = "/channels/\(harness.channel.id)/messages/"
            let found = try await harness.send(.GET, path + id)
            #expect(found.status == 200)
            #expect(found.json?["content"]?.stringValue == "m1")

            let unknown = try await harness.send(.GET, path + "1300000000000000999")
            #expect(unknown.status == 404)
            #expect(unknown.code == 10008)
            #expect(unknown.json?["message"]?.stringValue == "Unknown Message")
            #expect(try await harness.send(.GET, path + "abc").fieldErrorCode("message_id") == "NUMBER_TYPE_COERCE")

            try await harness.sandbox.setBotPermissions([.viewChannel, .sendMessages], inChannel: harness.channel.id)
            let noHistory = try await harness.send(.GET, path + id)
            #expect(noHistory.status == 403)
            #expect(noHistory.code == 50001)
            // The list answers empty instead, while the channel still names its last message.
            let list = try await harness.send(.GET, "/channels/\(harness.channel.id)/messages")
            #expect(list.status == 200 && list.json?.arrayValue?.isEmpty == true)
            let channel = try await harness.send(.GET, "/channels/\(harness.channel.id)")
            #expect(channel.json?["last_message_id"]?.stringValue == id)

            try await harness.sandbox.setBotPermissions([.sendMessages], inChannel: harness.channel.id)
            #expect(try await harness.send(.GET, path + id).code == 50001)
        }
    }

    @Test("DELETE: the bot's own always; a person's or a webhook's only with Manage Messages (else 50013)")
    func deleting() async throws {
        try await SandboxHarness.with { harness in
            let channelID = harness.channel.id
            let path = "/channels/\(channelID)/messages/"
            let own = try #require(try await post(1, in: harness).first)
            let human = try await harness.sandbox.postUserMessage(channelID: channelID, userID: harness.admin.id, content: "hi")
            let other = try await harness.sandbox.addWebhook(channelID: channelID, name: "Other", applicationID: nil)
            let hooked = try await harness.send(
                .POST, "/webhooks/\(other.id)/\(other.token)?wait=true", json: ["content": "from a webhook"], botAuth: false)
            let webhookMessage = try #require(hooked.json?["id"]?.stringValue)

            let deleted = try await harness.send(.DELETE, path + own)
            #expect(deleted.status == 204)
            #expect(try await harness.send(.GET, path + own).code == 10008)
            #expect(try await harness.send(.DELETE, path + own).code == 10008)

            for id in [human.id, webhookMessage] {
                let refused = try await harness.send(.DELETE, path + id)
                #expect(refused.status == 403)
                #expect(refused.code == 50013)
            }
            #expect(await harness.sandbox.messages(inChannel: channelID).count == 2, "nothing was deleted")

            try await harness.sandbox.setBotPermissions(.typicalBot.union(.manageMessages), inChannel: channelID)
            #expect(try await harness.send(.DELETE, path + human.id).status == 204)
            #expect(try await harness.send(.DELETE, path + webhookMessage).status == 204)
            #expect(await harness.sandbox.messages(inChannel: channelID).isEmpty)

            try await harness.sandbox.setBotPermissions([.sendMessages], inChannel: channelID)
            #expect(try await harness.send(.DELETE, path + own).code == 50001)
        }
    }

    @Test("DELETE of a message is limited in its own bucket, apart from GET")
    func deleteBucket() async throws {
        try await SandboxHarness.with { harness in
            let ids = try await post(2, in: harness)
            let path = "/channels/\(harness.channel.id)/messages/"
            let read = try await harness.send(.GET, path + ids[0])
            let delete = try await harness.send(.DELETE, path + ids[1])
            let readBucket = try #require(read.header("X-RateLimit-Bucket"))
            let deleteBucket = try #require(delete.header("X-RateLimit-Bucket"))
            #expect(readBucket != deleteBucket)
        }
    }

    @Test("a person's message renders with the person as author and no webhook or application id")
    func humanAuthor() async throws {
        try await SandboxHarness.with { harness in
            let message = try await harness.sandbox.postUserMessage(
                channelID: harness.channel.id, userID: harness.admin.id, content: "hello")
            let fetched = try await harness.send(.GET, "/channels/\(harness.channel.id)/messages/\(message.id)")
            #expect(fetched.json?["author"]?["id"]?.stringValue == harness.admin.id)
            #expect(fetched.json?["author"]?["bot"]?.boolValue == false)
            #expect(fetched.json?["webhook_id"] == nil)
            #expect(fetched.json?["application_id"] == nil)
        }
    }
}
