import DiscordSandbox
import Foundation
import NIOHTTP1
import Testing

@Suite("Webhook create, execute and delete", .timeLimit(.minutes(1)))
struct WebhookLifecycleTests {
    @Test("create → execute multipart with wait=true → file served back byte-identical → delete")
    func fullCycle() async throws {
        try await SandboxHarness.with { harness in
            let created = try await harness.send(
                .POST, "/channels/\(harness.channel.id)/webhooks", json: ["name": "PlayerData Export Scheduler"],
                headers: [("X-Audit-Log-Reason", "Scheduled playerData export")])
            #expect(created.status == 200)
            let webhook = try #require(created.json)
            let id = try #require(webhook["id"]?.stringValue)
            let token = try #require(webhook["token"]?.stringValue)
            #expect(webhook["type"]?.intValue == 1)
            #expect(webhook["channel_id"]?.stringValue == harness.channel.id)
            #expect(webhook["guild_id"]?.stringValue == harness.guild.id)
            #expect(webhook["application_id"]?.stringValue == harness.applicationID)
            #expect(webhook["name"]?.stringValue == "PlayerData Export Scheduler")
            #expect(webhook["url"]?.stringValue == "\(harness.baseURL.absoluteString)/webhooks/\(id)/\(token)")
            let stored = await harness.sandbox.webhooks(inChannel: harness.channel.id)
            #expect(stored.map(\.auditLogReason) == ["Scheduled playerData export"])

            // Bytes that are not valid UTF-8 prove the file travels untouched.
            let fileBytes: [UInt8] = Array("{\"a\": 1}".utf8) + [0x00, 0xFF, 0xFE, 0x80] + Array(repeating: 0x41, count: 3000)
            var multipart = MultipartBuilder()
            multipart.addJSON(
                name: "payload_json",
                #"{"content": "Export ready", "attachments": [{"id": 0, "filename": "playerdata-export.json"}]}"#)
            multipart.addFile(name: "files[0]", filename: "upload.json", bytes: fileBytes)
            let executed = try await harness.send(
                .POST, "/webhooks/\(id)/\(token)?wait=true", body: multipart.finished(),
                contentType: multipart.contentType, botAuth: false)
            #expect(executed.status == 200)
            let message = try #require(executed.json)
            #expect(message["content"]?.stringValue == "Export ready")
            #expect(message["webhook_id"]?.stringValue == id)
            let attachment = try #require(message["attachments"]?[0])
            #expect(attachment["filename"]?.stringValue == "playerdata-export.json")
            #expect(attachment["size"]?.intValue == fileBytes.count)
            let url = try #require(attachment["url"]?.stringValue)
            #expect(attachment["proxy_url"]?.stringValue == url)

            let download = try await RawClient.send(.GET, url: url)
            #expect(download.status == 200)
            #expect(download.body == fileBytes)

            let posted = await harness.sandbox.messages(inChannel: harness.channel.id)
            #expect(posted.count == 1)
            #expect(posted.first?.attachments.first?.bytes == fileBytes)
            #expect(posted.first?.author == SandboxMessage.Author.webhook(id: id, username: "PlayerData Export Scheduler"))

            let deleted = try await harness.send(.DELETE, "/webhooks/\(id)")
            #expect(deleted.status == 204)
            #expect(await harness.sandbox.webhooks(inChannel: harness.channel.id).isEmpty)
            let afterDelete = try await harness.send(.POST, "/webhooks/\(id)/\(token)", json: ["content": "late"], botAuth: false)
            #expect(afterDelete.status == 404)
            #expect(afterDelete.code == 10015)
        }
    }

    @Test("execute without wait answers 204; delete by token works; list shows tokens")
    func executeWithoutWaitAndTokenDelete() async throws {
        try await SandboxHarness.with { harness in
            let webhook = try await harness.createWebhook()
            let id = try #require(webhook["id"]?.stringValue)
            let token = try #require(webhook["token"]?.stringValue)
            let listed = try await harness.send(.GET, "/channels/\(harness.channel.id)/webhooks")
            #expect(listed.status == 200)
            #expect(listed.json?[0]?["token"]?.stringValue == token)
            #expect(listed.json?[0]?["user"]?["id"]?.stringValue == harness.sandbox.configuration.botUser.id)

            let executed = try await harness.send(.POST, "/webhooks/\(id)/\(token)", json: ["content": "hello"], botAuth: false)
            #expect(executed.status == 204)
            #expect(executed.body.isEmpty)
            #expect(await harness.sandbox.messages(inChannel: harness.channel.id).map(\.content) == ["hello"])

            let deleted = try await harness.send(.DELETE, "/webhooks/\(id)/\(token)", botAuth: false)
            #expect(deleted.status == 204)
            #expect(await harness.sandbox.webhooks(inChannel: harness.channel.id).isEmpty)
        }
    }

    @Test("the bot token travels only in Authorization")
    func tokenOnlyInAuthorization() async throws {
        try await SandboxHarness.with { harness in
            _ = try await harness.createWebhook()
            let requests = try await harness.sandbox.recordedRequests(matching: "POST /channels/*/webhooks")
            let request = try #require(requests.first)
            #expect(request.hadBotAuth)
            #expect(request.authorization == "Bot \(harness.token)")
            #expect(!request.exposesOutsideAuthorization(harness.token))
            #expect(request.status == 200)
            #expect(request.route == "POST /channels/{channel_id}/webhooks")
        }
    }

    @Test("bot messages to a channel and a DM, with files needing Attach Files")
    func botMessagesAndDirectMessages() async throws {
        try await SandboxHarness.with { harness in
            let posted = try await harness.send(
                .POST, "/channels/\(harness.channel.id)/messages",
                json: ["content": "hi", "components": [["type": 1, "components": [["type": 2, "style": 1, "custom_id": "playerdata_export_status", "label": "View Live"]]]]])
            #expect(posted.status == 200)
            let stored = try #require(await harness.sandbox.messages(inChannel: harness.channel.id).first)
            #expect(stored.customIDs == ["playerdata_export_status"])

            let dm = try await harness.send(.POST, "/users/@me/channels", json: ["recipient_id": .string(harness.admin.id)])
            #expect(dm.status == 200)
            #expect(dm.json?["type"]?.intValue == 1)
            let dmID = try #require(dm.json?["id"]?.stringValue)
            let sent = try await harness.send(.POST, "/channels/\(dmID)/messages", json: ["content": "Your schedule stopped"])
            #expect(sent.status == 200)
            #expect(await harness.sandbox.directMessages(toUser: harness.admin.id).map(\.content) == ["Your schedule stopped"])

            try await harness.sandbox.setBotPermissions([.viewChannel, .sendMessages], inChannel: harness.channel.id)
            var multipart = MultipartBuilder()
            multipart.addJSON(name: "payload_json", #"{"content": "with file"}"#)
            multipart.addFile(name: "files[0]", filename: "a.json", bytes: Array("{}".utf8))
            let refused = try await harness.send(
                .POST, "/channels/\(harness.channel.id)/messages", body: multipart.finished(), contentType: multipart.contentType)
            #expect(refused.status == 403)
            #expect(refused.code == 50013)
        }
    }
}
