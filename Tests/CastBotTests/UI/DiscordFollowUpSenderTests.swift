@testable import CastBot
import Clocks
import DiscordModels
import DiscordREST
import CastBotTestSupport
import Foundation
import Testing

@Suite("DiscordFollowUpSender: the router's follow-ups over the REST client", .timeLimit(.minutes(1)))
struct DiscordFollowUpSenderTests {
    static func followUp(_ target: FollowUpMessage.Target, files: [ReplyFile] = []) -> FollowUpMessage {
        FollowUpMessage(
            target: target, applicationID: Snowflake(1_100_000_000_000_000_001), interactionID: Snowflake(1_300_000_000_000_000_001),
            interactionToken: "secret-interaction-token", payload: MessagePayload(content: "done", flags: .ephemeral), files: files)
    }

    @Test("a late reply edits @original; files go as multipart with payload_json")
    func editsOriginal() async throws {
        let client = ScriptedFollowUpClient()
        let sender = DiscordFollowUpSender(client: client, clock: TestClock())
        try await sender.send(Self.followUp(.originalResponse, files: [ReplyFile(filename: "a.json", bytes: Array("{}".utf8))]))
        let request = try #require(client.requests.first)
        #expect(request.route.description == "PATCH /webhooks/1100000000000000001/:token/messages/@original")
        #expect(request.auth == .none)
        guard case .multipart(let payload, let files) = request.body else {
            Issue.record("expected a multipart body, got \(request.body)")
            return
        }
        #expect(files.map(\.filename) == ["a.json"])
        let json = try #require(payload.flatMap { String(data: $0, encoding: .utf8) })
        #expect(json.contains("\"content\":\"done\""))
    }

    @Test("an extra message is posted to the interaction webhook")
    func newMessage() async throws {
        let client = ScriptedFollowUpClient()
        try await DiscordFollowUpSender(client: client, clock: TestClock()).send(Self.followUp(.newMessage))
        #expect(client.requests.first?.route.description == "POST /webhooks/1100000000000000001/:token")
    }

    @Test("Unknown Webhook is retried once after the retry delay on the injected clock")
    func retriesOnce() async throws {
        let client = ScriptedFollowUpClient()
        client.failNext(.status(404, code: .unknownWebhook, message: "Unknown Webhook", route: "PATCH"))
        let clock = TestClock<Duration>()
        let sleeps = SleepWatcher()
        let sender = DiscordFollowUpSender(
            client: client, clock: WatchedTestClock(base: clock, watcher: sleeps), retryDelay: .seconds(1))
        let sending = Task { try await sender.send(Self.followUp(.originalResponse)) }
        // Advancing before the sender has begun its sleep would move "now" past a deadline it has
        // not set yet, and the retry would wait forever: wait for the sleep itself.
        await sleeps.waitUntilStarted(1)
        await clock.advance(by: .milliseconds(999))
        #expect(client.requests.count == 1, "no retry before the delay")
        await clock.advance(by: .milliseconds(1))
        try await sending.cancellingValue
        #expect(client.requests.count == 2)
    }

    @Test("an edit that overtakes the deferred answer (Unknown Message) is retried 1, 2 and 3 s later, then surfaces")
    func retriesUnknownMessageWithGrowingDelays() async throws {
        let client = ScriptedFollowUpClient()
        for _ in 0..<4 {
            client.failNext(.status(404, code: .unknownMessage, message: "Unknown Message", route: "PATCH /webhooks/1/:token"))
        }
        let clock = TestClock<Duration>()
        let sleeps = SleepWatcher()
        let sender = DiscordFollowUpSender(
            client: client, clock: WatchedTestClock(base: clock, watcher: sleeps), retryDelay: .seconds(1))
        let sending = Task { try await sender.send(Self.followUp(.originalResponse)) }
        for retry in 1...3 {
            await sleeps.waitUntilStarted(retry)
            #expect(client.requests.count == retry, "no attempt before its delay")
            await clock.advance(by: .seconds(retry))
        }
        let failure = await #expect(throws: DiscordHTTPError.self) { try await sending.cancellingValue }
        #expect(failure?.code == .unknownMessage)
        #expect(client.requests.count == 4)
        #expect(clock.elapsed == .seconds(6))
    }

    @Test("other errors are not retried, and the token never shows in them")
    func otherErrors() async throws {
        let client = ScriptedFollowUpClient()
        client.failNext(.status(403, code: .missingPermissions, message: "Missing Permissions", route: "PATCH /webhooks/1/:token"))
        do {
            try await DiscordFollowUpSender(client: client, clock: TestClock()).send(Self.followUp(.originalResponse))
            Issue.record("expected the error to surface")
        } catch {
            #expect(!"\(error)".contains("secret-interaction-token"))
        }
        #expect(client.requests.count == 1)
    }
}
