import Clocks
import Crypto
import DiscordSandbox
import Foundation
import NIOHTTP1
import Testing

@Suite("Interactions: signing, payloads, replies and follow-ups", .timeLimit(.minutes(1)))
struct InteractionTests {
    @Test("the signature verifies with the public key over timestamp + body, and only over that")
    func signatureVerifies() async throws {
        try await SandboxHarness.with { harness in
            let interaction = try await harness.sandbox.makeInteraction(
                .slashCommand(name: "menu"), channelID: harness.channel.id, userID: harness.admin.id)
            let timestamp = "1760538600"
            let signature = TestHex.decode(try harness.sandbox.signature(for: interaction.body, timestamp: timestamp))
            #expect(signature.count == 64)
            #expect(harness.sandbox.publicKeyHex.count == 64)
            let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: TestHex.decode(harness.sandbox.publicKeyHex))
            let signed = Data(timestamp.utf8) + Data(interaction.body)
            #expect(publicKey.isValidSignature(signature, for: signed))
            #expect(!publicKey.isValidSignature(signature, for: Data("1760538601".utf8) + Data(interaction.body)))
            #expect(!publicKey.isValidSignature(signature, for: Data(timestamp.utf8) + Data(interaction.body + [0x20])))
        }
    }

    @Test("a /menu command carries Discord's fields: member permissions, app_permissions, size limit")
    func commandPayloadShape() async throws {
        try await SandboxHarness.with { harness in
            let moderator = await harness.sandbox.addUser(username: "moderator")
            try await harness.sandbox.addMember(guildID: harness.guild.id, userID: moderator.id, permissions: [.manageGuild])
            try await harness.sandbox.setBotPermissions([.viewChannel, .sendMessages], inChannel: harness.channel.id)
            let interaction = try await harness.sandbox.makeInteraction(
                .slashCommand(name: "menu"), channelID: harness.channel.id, userID: moderator.id)
            let json = interaction.json
            #expect(json["type"]?.intValue == 2)
            #expect(json["version"]?.intValue == 1)
            #expect(json["token"]?.stringValue == interaction.token)
            #expect(json["application_id"]?.stringValue == harness.applicationID)
            #expect(json["guild_id"]?.stringValue == harness.guild.id)
            #expect(json["channel_id"]?.stringValue == harness.channel.id)
            #expect(json["channel"]?["id"]?.stringValue == harness.channel.id)
            #expect(json["data"]?["name"]?.stringValue == "menu")
            #expect(json["data"]?["type"]?.intValue == 1)
            #expect(json["member"]?["user"]?["id"]?.stringValue == moderator.id)
            #expect(json["member"]?["permissions"]?.stringValue == String(1 << 5))
            #expect(json["app_permissions"]?.stringValue == String((1 << 10) | (1 << 11)))
            #expect(json["attachment_size_limit"]?.intValue == 10_485_760)
            #expect(json["user"] == nil)
        }
    }

    @Test("sendInteraction reaches the bot signed; its reply becomes the original message; follow-ups work")
    func sendAndFollowUp() async throws {
        try await SandboxHarness.with { harness in
            try await TinyBotServer.with(
                publicKeyHex: harness.sandbox.publicKeyHex,
                reply: { _ in ["type": 4, "data": ["content": "Player Data menu", "flags": 64]] }
            ) { bot in
                let delivery = try await harness.sandbox.sendInteraction(
                    .slashCommand(name: "menu"), channelID: harness.channel.id, userID: harness.admin.id, to: bot.url)
                #expect(delivery.status == 200)
                #expect(delivery.accepted)
                #expect(delivery.json?["type"]?.intValue == 4)
                let received = try #require(bot.requests.first)
                #expect(received.signatureValid)
                #expect(received.headers.value(of: "User-Agent")?.hasPrefix("Discord-Interactions") == true)
                #expect(received.headers.value(of: "X-Signature-Timestamp").flatMap(Int.init) != nil)

                let interaction = try #require(delivery.interaction)
                let log = try #require(await harness.sandbox.interactionLog(id: interaction.id))
                #expect(log.responseType == 4)
                let originalID = try #require(log.originalMessageID)
                let original = try #require(await harness.sandbox.message(id: originalID))
                #expect(original.content == "Player Data menu")
                #expect(original.isEphemeral)

                var multipart = MultipartBuilder()
                multipart.addJSON(name: "payload_json", #"{"content": "Here is your export", "flags": 64}"#)
                multipart.addFile(name: "files[0]", filename: "playerdata-export-1-x.json", bytes: Array("{}".utf8))
                let followUp = try await harness.send(
                    .POST, "/webhooks/\(harness.applicationID)/\(interaction.token)", body: multipart.finished(),
                    contentType: multipart.contentType, botAuth: false)
                #expect(followUp.status == 200)
                #expect(followUp.json?["attachments"]?[0]?["filename"]?.stringValue == "playerdata-export-1-x.json")

                let edited = try await harness.send(
                    .PATCH, "/webhooks/\(harness.applicationID)/\(interaction.token)/messages/@original",
                    json: ["content": "Menu (updated)"], botAuth: false)
                #expect(edited.status == 200)
                #expect(await harness.sandbox.message(id: originalID)?.content == "Menu (updated)")
                #expect(await harness.sandbox.interactionLog(id: interaction.id)?.followupMessageIDs.count == 1)

                let again = try await harness.send(
                    .POST, "/interactions/\(interaction.id)/\(interaction.token)/callback", json: ["type": 4, "data": ["content": "x"]],
                    botAuth: false)
                #expect(again.code == 40060)
                let unknown = try await harness.send(
                    .POST, "/webhooks/\(harness.applicationID)/not-a-token", json: ["content": "x"], botAuth: false)
                #expect(unknown.code == 10015)
            }
        }
    }

    @Test("a deferred reply is filled by editing @original; tokens expire after 15 minutes")
    func deferredAndExpiry() async throws {
        try await SandboxHarness.with { harness in
            try await TinyBotServer.with(
                publicKeyHex: harness.sandbox.publicKeyHex, reply: { _ in ["type": 5, "data": ["flags": 64]] }
            ) { bot in
                let delivery = try await harness.sandbox.sendInteraction(
                    .button(customID: "playerdata_export"), channelID: harness.channel.id, userID: harness.admin.id, to: bot.url)
                #expect(delivery.accepted)
                let interaction = try #require(delivery.interaction)
                let placeholderID = try #require(await harness.sandbox.interactionLog(id: interaction.id)?.originalMessageID)
                let placeholder = try #require(await harness.sandbox.message(id: placeholderID))
                #expect(placeholder.flags & SandboxMessage.loadingFlag != 0)

                let filled = try await harness.send(
                    .PATCH, "/webhooks/\(harness.applicationID)/\(interaction.token)/messages/@original",
                    json: ["content": "Export done"], botAuth: false)
                #expect(filled.status == 200)
                let message = try #require(await harness.sandbox.message(id: placeholderID))
                #expect(message.content == "Export done")
                #expect(message.flags & SandboxMessage.loadingFlag == 0)
                #expect(message.isEphemeral)

                await harness.clock.advance(by: .seconds(15 * 60))
                let late = try await harness.send(
                    .POST, "/webhooks/\(harness.applicationID)/\(interaction.token)", json: ["content": "late"], botAuth: false)
                #expect(late.status == 401)
                #expect(late.code == 50027)
            }
        }
    }

    @Test("an edit of @original before Discord has an initial response gets 404 Unknown Message and creates nothing")
    func editBeforeInitialResponse() async throws {
        try await SandboxHarness.with { harness in
            // A callback type Discord refuses: the interaction exists, but it has no original message.
            try await TinyBotServer.with(publicKeyHex: harness.sandbox.publicKeyHex, reply: { _ in ["type": 99] }) { bot in
                let delivery = try await harness.sandbox.sendInteraction(
                    .button(customID: "playerdata_export"), channelID: harness.channel.id, userID: harness.admin.id, to: bot.url)
                let interaction = try #require(delivery.interaction)
                let before = await harness.sandbox.messages(inChannel: harness.channel.id).count
                let early = try await harness.send(
                    .PATCH, "/webhooks/\(harness.applicationID)/\(interaction.token)/messages/@original",
                    json: ["content": "too early"], botAuth: false)
                #expect(early.status == 404)
                #expect(early.code == 10008)
                #expect(await harness.sandbox.messages(inChannel: harness.channel.id).count == before)
                #expect(await harness.sandbox.interactionLog(id: interaction.id)?.originalMessageID == nil)
            }
        }
    }

    @Test("PING is answered with PONG; a wrong signature is refused by the bot and reported")
    func pingAndBadSignature() async throws {
        try await SandboxHarness.with { harness in
            try await TinyBotServer.with(publicKeyHex: harness.sandbox.publicKeyHex, reply: { _ in ["type": 4] }) { bot in
                let ping = try await harness.sandbox.sendInteraction(.ping, to: bot.url)
                #expect(ping.status == 200)
                #expect(ping.accepted)
                #expect(ping.interaction?.json["type"]?.intValue == 1)

                let forged = try await harness.sandbox.sendInteraction(.ping, to: bot.url, signing: .wrongKey)
                #expect(forged.status == 401)
                #expect(!forged.accepted)
                #expect(bot.requests.last?.signatureValid == false)
                let unsigned = try await harness.sandbox.sendInteraction(.ping, to: bot.url, signing: .missing)
                #expect(unsigned.status == 401)
                #expect(bot.requests.last?.headers.value(of: "X-Signature-Ed25519") == nil)
            }
        }
    }

    @Test("a modal submit carries Label-wrapped inputs and a File Upload with resolved attachments")
    func modalWithFileUpload() async throws {
        try await SandboxHarness.with { harness in
            let fileBytes = Array(#"{"exportVersion": "1.0"}"#.utf8)
            let upload = try await harness.sandbox.uploadInteractionAttachment(
                filename: "export.json", bytes: fileBytes, channelID: harness.channel.id)
            let interaction = try await harness.sandbox.makeInteraction(
                .modalSubmit(
                    customID: "playerdata_import_modal",
                    fields: [
                        .fileUpload("import_file", attachments: [upload]),
                        .textInput("interval_minutes", value: "6h", legacyActionRow: true),
                    ]),
                channelID: harness.channel.id, userID: harness.admin.id)
            let data = try #require(interaction.json["data"])
            #expect(interaction.json["type"]?.intValue == 5)
            #expect(data["custom_id"]?.stringValue == "playerdata_import_modal")
            let label = try #require(data["components"]?[0])
            #expect(label["type"]?.intValue == 18)
            #expect(label["component"]?["type"]?.intValue == 19)
            #expect(label["component"]?["custom_id"]?.stringValue == "import_file")
            #expect(label["component"]?["values"]?[0]?.stringValue == upload.id)
            let row = try #require(data["components"]?[1])
            #expect(row["type"]?.intValue == 1)
            #expect(row["components"]?[0]?["value"]?.stringValue == "6h")
            let resolved = try #require(data["resolved"]?["attachments"]?[upload.id])
            #expect(resolved["size"]?.intValue == fileBytes.count)
            let url = try #require(resolved["url"]?.stringValue)
            let download = try await RawClient.send(.GET, url: url)
            #expect(download.body == fileBytes)
        }
    }

    @Test("the callback route accepts a modal and records it")
    func callbackRouteModal() async throws {
        try await SandboxHarness.with { harness in
            let interaction = try await harness.sandbox.makeInteraction(
                .button(customID: "playerdata_export_schedule"), channelID: harness.channel.id, userID: harness.admin.id)
            let modal: SandboxJSON = [
                "type": 9,
                "data": [
                    "custom_id": "playerdata_export_schedule_modal", "title": "Schedule playerData Export",
                    "components": [
                        [
                            "type": 18, "label": "Export every X minutes (0=disable)",
                            "component": ["type": 4, "custom_id": "interval_minutes", "style": 1],
                        ]
                    ],
                ],
            ]
            let response = try await harness.send(
                .POST, "/interactions/\(interaction.id)/\(interaction.token)/callback", json: modal, botAuth: false)
            #expect(response.status == 204)
            let log = try #require(await harness.sandbox.interactionLog(id: interaction.id))
            #expect(log.responseType == 9)
            #expect(log.responseData?["custom_id"]?.stringValue == "playerdata_export_schedule_modal")

            let untitled = try await harness.sandbox.makeInteraction(
                .button(customID: "x"), channelID: harness.channel.id, userID: harness.admin.id)
            let refused = try await harness.send(
                .POST, "/interactions/\(untitled.id)/\(untitled.token)/callback",
                json: ["type": 9, "data": ["custom_id": "m", "components": []]], botAuth: false)
            #expect(refused.code == 50035)
            #expect(refused.fieldErrorCode("data", "title") == "BASE_TYPE_BAD_LENGTH")
        }
    }
}
