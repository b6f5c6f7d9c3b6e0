import DiscordModels
import DiscordREST
import Clocks
import DiscordSandbox
import Foundation
import Testing

/// `getMessage`, `deleteMessage`, paging `getChannelMessages` and downloads of signed attachment
/// URLs, with the real client against DiscordSandbox.
@Suite("Message endpoints against DiscordSandbox", .timeLimit(.minutes(1)))
struct MessageEndpointTests {
    typealias Setup = SandboxClientTests.Setup
    static let channel = SandboxClientTests.channelA

    @Test("a posted file comes back through getMessage with a signed URL that downloads byte for byte")
    func getAndDownload() async throws {
        try await Setup.with { setup in
            let client = setup.test.client
            let bytes = Array("{\"a\":1}".utf8)
            let posted = try await client.createMessage(
                channelID: Self.channel, payload: MessagePayload(content: "export"),
                files: [DiscordFile(filename: "export.json", contentType: "application/json", data: Data(bytes))])
            let fetched = try await client.getMessage(channelID: Self.channel, messageID: posted.id)
            let attachment = try #require(fetched.attachments?.first)
            let url = try #require(attachment.url)
            #expect(url.contains("?ex=") && url.contains("&is=") && url.contains("&hm="))
            #expect(Array(try await client.download(from: url, maxBytes: 1_000)) == bytes)
            await #expect(throws: DiscordHTTPError.self) {
                _ = try await client.download(from: url, maxBytes: 3)
            }
        }
    }

    @Test("deleteMessage removes it; a second delete and getMessage answer 10008")
    func delete() async throws {
        try await Setup.with { setup in
            let client = setup.test.client
            let posted = try await client.createMessage(channelID: Self.channel, payload: MessagePayload(content: "bye"))
            try await client.deleteMessage(channelID: Self.channel, messageID: posted.id)
            do {
                _ = try await client.getMessage(channelID: Self.channel, messageID: posted.id)
                Issue.record("the message is still there")
            } catch let error as DiscordHTTPError {
                #expect(error.code == .unknownMessage)
                #expect(error.status == 404)
            }
            let requests = try await setup.requests("DELETE /channels/*/messages/*")
            #expect(requests.map(\.status) == [204])
        }
    }

    @Test("paging with before reaches every one of 120 messages; two anchors at once are refused before sending")
    func paging() async throws {
        try await Setup.with { setup in
            let client = setup.test.client
            var posted: [Snowflake] = []
            for index in 1...120 {
                posted.append(try await client.createMessage(channelID: Self.channel, payload: MessagePayload(content: "m\(index)")).id)
                // Stay clear of the sandbox's default 50 per second bucket without waiting.
                // (The client counts a request until 1 s and 5 ms after its answer.)
                if index % 40 == 0 { await setup.test.clock.advance(by: .milliseconds(1_005)) }
            }
            var seen: [Snowflake] = []
            var before: Snowflake?
            while true {
                let page = try await client.getChannelMessages(channelID: Self.channel, limit: 100, before: before)
                guard let oldest = page.last else { break }
                seen += page.map(\.id)
                before = oldest.id
            }
            #expect(seen == posted.reversed())
            await #expect(throws: DiscordHTTPError.self) {
                _ = try await client.getChannelMessages(channelID: Self.channel, before: posted[0], after: posted[1])
            }
            await #expect(throws: DiscordHTTPError.self) {
                _ = try await client.getChannelMessages(channelID: Self.channel, limit: 101)
            }
        }
    }
}
