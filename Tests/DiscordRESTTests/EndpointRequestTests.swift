import DiscordModels
import DiscordREST
import Foundation
import Testing

/// Each typed endpoint builds the documented request (method, path, auth, query, body).
@Suite("Endpoints build Discord's documented requests", .timeLimit(.minutes(1)))
struct EndpointRequestTests {
    @Test("get channel: GET /channels/{id} with bot auth")
    func getChannel() async throws {
        let fake = FakeDiscordClient(answering: JSONText.channel)
        let channel = try await fake.getChannel(Snowflake(1))
        #expect(channel.name == "backups")
        let request = try #require(fake.requests.first)
        #expect(request.route.method == .get)
        #expect(request.route.path == "/channels/1")
        #expect(request.auth == .bot)
        #expect(request.body == .none)
    }

    @Test("list and create webhooks; the audit-log reason travels with the request")
    func webhooks() async throws {
        let fake = FakeDiscordClient { request in
            DiscordResponse(status: 200, body: Data((request.route.method == .get ? "[\(JSONText.webhook)]" : JSONText.webhook).utf8))
        }
        let listed = try await fake.listChannelWebhooks(channelID: Snowflake(1))
        #expect(listed.map(\.id) == [Snowflake(7)])
        let created = try await fake.createWebhook(channelID: Snowflake(1), name: "PlayerData Export Scheduler", auditLogReason: "Scheduled export")
        #expect(created.token == "d2ViaG9vay10b2tlbi1zZWNyZXQ")
        let create = try #require(fake.requests.last)
        #expect(create.route.description == "POST /channels/1/webhooks")
        #expect(create.auditLogReason == "Scheduled export")
        guard case .json(let body) = create.body else {
            Issue.record("expected a JSON body")
            return
        }
        #expect(try JSONText.value(body) == JSONText.value(#"{"name": "PlayerData Export Scheduler"}"#))
    }

    @Test("execute webhook with a file: token route without auth, wait=true, multipart payload")
    func executeWebhook() async throws {
        let fake = FakeDiscordClient(answering: JSONText.message)
        let file = DiscordFile(filename: "playerdata.json", contentType: "application/json", data: Data("{}\n".utf8))
        let payload = MessagePayload(
            content: "Export",
            components: [.actionRow(ActionRow(components: [.button(Button(style: .secondary, label: "View Live", customID: "playerdata_export_status"))]))]
        )
        let message = try await fake.executeWebhook(webhookID: Snowflake(7), token: "tok", payload: payload, files: [file])
        #expect(message.attachments?.first?.filename == "playerdata.json")
        let request = try #require(fake.requests.first)
        #expect(request.route.path == "/webhooks/7/tok")
        #expect(request.route.redactedPath == "/webhooks/7/:token")
        #expect(request.auth == .none)
        #expect(request.query == [.init("wait", "true"), .init("with_components", "true")])
        guard case .multipart(let payloadJSON, let files) = request.body, let payloadJSON else {
            Issue.record("expected multipart with payload_json")
            return
        }
        #expect(files == [file])
        let sent = try JSONText.value(payloadJSON)
        #expect(sent["attachments"] == .array([.object(["id": .integer(0), "filename": .string("playerdata.json")])]))
        #expect(sent["content"] == .string("Export"))
    }

    @Test("without files a message is JSON, and no with_components when there are no components")
    func executeWebhookJSON() async throws {
        let fake = FakeDiscordClient(answering: JSONText.message)
        _ = try await fake.executeWebhook(webhookID: Snowflake(7), token: "tok", payload: MessagePayload(content: "hi"))
        let request = try #require(fake.requests.first)
        #expect(request.query == [.init("wait", "true")])
        #expect(request.body == .json(Data(#"{"content":"hi"}"#.utf8)))
    }

    @Test("delete webhook by id (bot auth, reason) and by id + token (no auth)")
    func deleteWebhook() async throws {
        let fake = FakeDiscordClient { _ in DiscordResponse(status: 204) }
        try await fake.deleteWebhook(webhookID: Snowflake(7), auditLogReason: "cleanup")
        try await fake.deleteWebhook(webhookID: Snowflake(8), token: "tok")
        let (byID, byToken) = (fake.requests[0], fake.requests[1])
        #expect(byID.route.description == "DELETE /webhooks/7")
        #expect(byID.auth == .bot)
        #expect(byID.auditLogReason == "cleanup")
        #expect(byToken.route.path == "/webhooks/8/tok")
        #expect(byToken.auth == .none)
    }

    @Test("create DM: POST /users/@me/channels with recipient_id")
    func createDM() async throws {
        let fake = FakeDiscordClient(answering: #"{"id": "44", "type": 1}"#)
        let dm = try await fake.createDM(recipientID: Snowflake(5))
        #expect(dm.type == .dm)
        let request = try #require(fake.requests.first)
        #expect(request.route.description == "POST /users/@me/channels")
        #expect(request.body == .json(Data(#"{"recipient_id":"5"}"#.utf8)))
    }

    @Test("create message in a channel")
    func createMessage() async throws {
        let fake = FakeDiscordClient(answering: JSONText.message)
        _ = try await fake.createMessage(channelID: Snowflake(1), payload: MessagePayload(content: "hello", allowedMentions: AllowedMentions.none))
        let request = try #require(fake.requests.first)
        #expect(request.route.description == "POST /channels/1/messages")
        guard case .json(let body) = request.body else {
            Issue.record("expected JSON")
            return
        }
        #expect(try JSONText.value(body) == JSONText.value(#"{"content": "hello", "allowed_mentions": {"parse": []}}"#))
    }

    @Test("interaction follow-up and edit-original use the interaction webhook routes without auth")
    func interactionFollowUps() async throws {
        let fake = FakeDiscordClient(answering: JSONText.message)
        _ = try await fake.createFollowupMessage(
            applicationID: Snowflake(3), interactionToken: "itok", payload: MessagePayload(content: "done", flags: .ephemeral),
            files: [DiscordFile(filename: "a.json", contentType: "application/json", data: Data("{}".utf8))])
        _ = try await fake.editOriginalInteractionResponse(
            applicationID: Snowflake(3), interactionToken: "itok", payload: MessagePayload(flags: .isComponentsV2, components: []))
        let (followUp, edit) = (fake.requests[0], fake.requests[1])
        #expect(followUp.route.description == "POST /webhooks/3/:token")
        #expect(followUp.route.path == "/webhooks/3/itok")
        #expect(followUp.route.isInteractionRoute)
        #expect(followUp.auth == .none)
        guard case .multipart(let payloadJSON?, _) = followUp.body else {
            Issue.record("expected multipart")
            return
        }
        #expect(try JSONText.value(payloadJSON)["flags"] == .integer(64))
        #expect(edit.route.description == "PATCH /webhooks/3/:token/messages/@original")
        #expect(edit.auth == .none)
        #expect(try JSONText.value(Self.json(edit.body)) == JSONText.value(#"{"components": [], "flags": 32768}"#))
    }

    static func json(_ body: DiscordRequest.Body) -> Data {
        if case .json(let data) = body { return data }
        return Data()
    }

    @Test("interaction callback: the whole response is the payload, files listed as attachments")
    func interactionCallback() async throws {
        let fake = FakeDiscordClient { _ in DiscordResponse(status: 204) }
        try await fake.createInteractionResponse(
            interactionID: Snowflake(10), interactionToken: "itok", response: .deferredMessage(ephemeral: true))
        try await fake.createInteractionResponse(
            interactionID: Snowflake(10), interactionToken: "itok", response: .message(MessagePayload(content: "file")),
            files: [DiscordFile(filename: "f.json", contentType: "application/json", data: Data("1".utf8))])
        let (deferred, withFile) = (fake.requests[0], fake.requests[1])
        #expect(deferred.route.description == "POST /interactions/10/:token/callback")
        #expect(deferred.route.isInteractionRoute)
        #expect(try JSONText.value(Self.json(deferred.body)) == JSONText.value(#"{"type": 5, "data": {"flags": 64}}"#))
        guard case .multipart(let payloadJSON?, let files) = withFile.body else {
            Issue.record("expected multipart")
            return
        }
        #expect(files.count == 1)
        #expect(
            try JSONText.value(payloadJSON)
                == JSONText.value(#"{"type": 4, "data": {"content": "file", "attachments": [{"id": 0, "filename": "f.json"}]}}"#))
    }

    @Test("bulk overwrite global commands: PUT the whole list")
    func bulkOverwrite() async throws {
        let fake = FakeDiscordClient(answering: #"[{"id": "50", "application_id": "3", "name": "menu", "description": "Open the menu", "type": 1, "version": "1"}]"#)
        let commands = [ApplicationCommand(type: .chatInput, name: "menu", description: "Open the menu")]
        let registered = try await fake.bulkOverwriteGlobalCommands(applicationID: Snowflake(3), commands: commands)
        #expect(registered.first?.id == Snowflake(50))
        let request = try #require(fake.requests.first)
        #expect(request.route.description == "PUT /applications/3/commands")
        #expect(try JSONText.value(Self.json(request.body)) == JSONText.value(#"[{"type": 1, "name": "menu", "description": "Open the menu"}]"#))
    }

    @Test("an answer that is not the expected JSON is a typed error")
    func undecodableAnswer() async throws {
        let fake = FakeDiscordClient(answering: #"{"unexpected": true}"#)
        let error = await #expect(throws: DiscordHTTPError.self) {
            _ = try await fake.getChannel(Snowflake(1))
        }
        guard case .invalidResponse = error?.kind else {
            Issue.record("expected invalidResponse, got \(String(describing: error))")
            return
        }
    }

    @Test("attachment download goes through download(from:maxBytes:), oversize files are refused first")
    func downloadAttachment() async throws {
        let fake = FakeDiscordClient(downloadData: Data("{}".utf8))
        let attachment = Attachment(id: Snowflake(1), filename: "p.json", size: 2, url: "https://cdn.discordapp.com/attachments/1/2/p.json")
        #expect(try await fake.downloadAttachment(attachment, maxBytes: 100) == Data("{}".utf8))
        #expect(fake.downloads == [.init(url: "https://cdn.discordapp.com/attachments/1/2/p.json", maxBytes: 100)])
        var big = attachment
        big.size = 1_000
        await #expect(throws: DiscordHTTPError.self) {
            _ = try await fake.downloadAttachment(big, maxBytes: 100)
        }
        #expect(fake.downloads.count == 1)
    }
}
