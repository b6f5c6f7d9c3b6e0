import DiscordSandbox
import NIOHTTP1
import Testing

@Suite("Discord error codes and validation", .timeLimit(.minutes(1)))
struct DiscordErrorTests {
    @Test("the 16th webhook in a channel is refused with 30007")
    func sixteenthWebhook() async throws {
        try await SandboxHarness.with { harness in
            for index in 1...15 {
                _ = try await harness.createWebhook(named: "Hook \(index)")
            }
            let response = try await harness.send(.POST, "/channels/\(harness.channel.id)/webhooks", json: ["name": "Hook 16"])
            #expect(response.status == 400)
            #expect(response.code == 30007)
            #expect(response.json?["message"]?.stringValue == "Maximum number of webhooks reached (15)")
            #expect(await harness.sandbox.webhooks(inChannel: harness.channel.id).count == 15)
        }
    }

    @Test(
        "bad webhook names are refused with 50035 and the field named",
        arguments: [
            ("", "BASE_TYPE_BAD_LENGTH"),
            (String(repeating: "x", count: 81), "BASE_TYPE_BAD_LENGTH"),
            ("My Discord Exports", "USERNAME_INVALID_CONTAINS"),
            ("cLyDe helper", "USERNAME_INVALID_CONTAINS"),
        ])
    func badWebhookName(name: String, expectedCode: String) async throws {
        try await SandboxHarness.with { harness in
            let response = try await harness.send(
                .POST, "/channels/\(harness.channel.id)/webhooks", json: ["name": .string(name)])
            #expect(response.status == 400)
            #expect(response.code == 50035)
            #expect(response.json?["message"]?.stringValue == "Invalid Form Body")
            #expect(response.fieldErrorCode("name") == expectedCode)
            #expect(await harness.sandbox.webhooks(inChannel: harness.channel.id).isEmpty)
        }
    }

    @Test("an 80-character name is accepted")
    func longestName() async throws {
        try await SandboxHarness.with { harness in
            let webhook = try await harness.createWebhook(named: String(repeating: "n", count: 80))
            #expect(webhook["name"]?.stringValue?.count == 80)
        }
    }

    @Test("unknown channel is 10003")
    func unknownChannel() async throws {
        try await SandboxHarness.with { harness in
            let get = try await harness.send(.GET, "/channels/999")
            #expect(get.status == 404)
            #expect(get.code == 10003)
            let create = try await harness.send(.POST, "/channels/999/webhooks", json: ["name": "x"])
            #expect(create.code == 10003)
        }
    }

    @Test("missing Manage Webhooks is 50013; missing View Channel is 50001")
    func missingPermissions() async throws {
        try await SandboxHarness.with { harness in
            try await harness.sandbox.setBotPermissions([.viewChannel, .sendMessages], inChannel: harness.channel.id)
            let create = try await harness.send(.POST, "/channels/\(harness.channel.id)/webhooks", json: ["name": "x"])
            #expect(create.status == 403)
            #expect(create.code == 50013)
            #expect(create.json?["message"]?.stringValue == "Missing Permissions")

            try await harness.sandbox.setBotPermissions([], inChannel: harness.channel.id)
            let read = try await harness.send(.GET, "/channels/\(harness.channel.id)")
            #expect(read.status == 403)
            #expect(read.code == 50001)

            try await harness.sandbox.setBotPermissions([.administrator], inChannel: harness.channel.id)
            let asAdmin = try await harness.send(.POST, "/channels/\(harness.channel.id)/webhooks", json: ["name": "x"])
            #expect(asAdmin.status == 200)
        }
    }

    @Test("missing or wrong bot auth is 401 with code 0")
    func unauthorized() async throws {
        try await SandboxHarness.with { harness in
            let missing = try await harness.send(.GET, "/channels/\(harness.channel.id)", botAuth: false)
            #expect(missing.status == 401)
            #expect(missing.code == 0)
            #expect(missing.json?["message"]?.stringValue == "401: Unauthorized")
            let wrong = try await harness.send(.GET, "/channels/\(harness.channel.id)", authorization: "Bot not-the-token")
            #expect(wrong.status == 401)
            let bearer = try await harness.send(.GET, "/channels/\(harness.channel.id)", authorization: "Bearer \(harness.token)")
            #expect(bearer.status == 401)
        }
    }

    @Test("unknown webhook id or token is 10015")
    func unknownWebhook() async throws {
        try await SandboxHarness.with { harness in
            let webhook = try await harness.createWebhook()
            let id = try #require(webhook["id"]?.stringValue)
            let wrongToken = try await harness.send(.POST, "/webhooks/\(id)/not-the-token", json: ["content": "x"], botAuth: false)
            #expect(wrongToken.status == 404)
            #expect(wrongToken.code == 10015)
            let unknownID = try await harness.send(.DELETE, "/webhooks/123456")
            #expect(unknownID.code == 10015)
        }
    }

    @Test("User-Agent must start with DiscordBot")
    func userAgent() async throws {
        try await SandboxHarness.with { harness in
            let missing = try await harness.send(.GET, "/users/@me", userAgent: nil)
            #expect(missing.status == 403)
            #expect(missing.code == 40333)
            let browser = try await harness.send(.GET, "/users/@me", userAgent: "Mozilla/5.0")
            #expect(browser.status == 403)
            let proper = try await harness.send(.GET, "/users/@me")
            #expect(proper.status == 200)
            #expect(proper.json?["id"]?.stringValue == harness.sandbox.configuration.botUser.id)
        }
    }

    @Test("unknown routes are 404 and wrong methods 405, both with code 0")
    func unknownRoutes() async throws {
        try await SandboxHarness.with { harness in
            let unknown = try await harness.send(.GET, "/nowhere/at/all")
            #expect(unknown.status == 404)
            #expect(unknown.code == 0)
            #expect(unknown.json?["message"]?.stringValue == "404: Not Found")
            let wrongMethod = try await harness.send(.PUT, "/channels/\(harness.channel.id)")
            #expect(wrongMethod.status == 405)
        }
    }

    @Test("message content over 2000 characters is 50035 on content; an empty message is 50006")
    func messageValidation() async throws {
        try await SandboxHarness.with { harness in
            let path = "/channels/\(harness.channel.id)/messages"
            let atLimit = try await harness.send(.POST, path, json: ["content": .string(String(repeating: "é", count: 2000))])
            #expect(atLimit.status == 200)
            let tooLong = try await harness.send(.POST, path, json: ["content": .string(String(repeating: "a", count: 2001))])
            #expect(tooLong.status == 400)
            #expect(tooLong.code == 50035)
            #expect(tooLong.fieldErrorCode("content") == "BASE_TYPE_MAX_LENGTH")
            let empty = try await harness.send(.POST, path, json: ["content": ""])
            #expect(empty.code == 50006)
            let invalidJSON = try await harness.send(.POST, path, body: Array("{not json".utf8), contentType: "application/json")
            #expect(invalidJSON.code == 50109)
            let v2WithContent = try await harness.send(
                .POST, path, json: ["content": "x", "flags": 32768, "components": [["type": 10, "content": "hello"]]])
            #expect(v2WithContent.fieldErrorCode("content") == "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2")
            let v2 = try await harness.send(.POST, path, json: ["flags": 32768, "components": [["type": 10, "content": "hello"]]])
            #expect(v2.status == 200)
        }
    }

    @Test("multipart parts must be payload_json and files[n]; attachment ids must match a file")
    func multipartShape() async throws {
        try await SandboxHarness.with { harness in
            let path = "/channels/\(harness.channel.id)/messages"
            var unknownPart = MultipartBuilder()
            unknownPart.addFile(name: "file", filename: "a.json", bytes: Array("{}".utf8))
            let legacy = try await harness.send(.POST, path, body: unknownPart.finished(), contentType: unknownPart.contentType)
            #expect(legacy.code == 50035)
            #expect(legacy.fieldErrorCode("file") == "UNKNOWN_FIELD")

            var mismatched = MultipartBuilder()
            mismatched.addJSON(name: "payload_json", #"{"attachments": [{"id": 1}]}"#)
            mismatched.addFile(name: "files[0]", filename: "a.json", bytes: Array("{}".utf8))
            let wrongID = try await harness.send(.POST, path, body: mismatched.finished(), contentType: mismatched.contentType)
            #expect(wrongID.code == 50035)
            #expect(wrongID.fieldErrorCode("attachments", "0", "id") == "ATTACHMENT_NOT_FOUND")
            #expect(await harness.sandbox.messages(inChannel: harness.channel.id).isEmpty)
        }
    }

    @Test("command bulk overwrite validates names and keeps ids stable")
    func commands() async throws {
        try await SandboxHarness.with { harness in
            let path = "/applications/\(harness.applicationID)/commands"
            let bad = try await harness.send(.PUT, path, json: [["name": "Menu", "description": "Open the menu"]])
            #expect(bad.status == 400)
            #expect(bad.fieldErrorCode("0", "name") == "APPLICATION_COMMAND_INVALID_NAME")
            let noDescription = try await harness.send(.PUT, path, json: [["name": "menu"]])
            #expect(noDescription.fieldErrorCode("0", "description") == "BASE_TYPE_BAD_LENGTH")

            let first = try await harness.send(.PUT, path, json: [["name": "menu", "description": "Open the menu", "type": 1]])
            #expect(first.status == 200)
            let id = try #require(first.json?[0]?["id"]?.stringValue)
            let second = try await harness.send(.PUT, path, json: [["name": "menu", "description": "Open the CastBot menu"]])
            #expect(second.json?[0]?["id"]?.stringValue == id)
            #expect(await harness.sandbox.commands().map(\.name) == ["menu"])

            let guildPath = "/applications/\(harness.applicationID)/guilds/\(harness.guild.id)/commands"
            let guild = try await harness.send(.PUT, guildPath, json: [["name": "menu", "description": "Guild menu"]])
            #expect(guild.json?[0]?["guild_id"]?.stringValue == harness.guild.id)
            let otherApp = try await harness.send(.PUT, "/applications/42/commands", json: [])
            #expect(otherApp.code == 50001)
        }
    }
}
