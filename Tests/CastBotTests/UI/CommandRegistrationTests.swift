@testable import CastBot
import Clocks
import DiscordModels
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import Testing

@Suite("register-commands", .timeLimit(.minutes(1)))
struct CommandRegistrationTests {
    /// A started sandbox, a client for it and the application id; stops the sandbox afterwards.
    static func withSandbox(_ body: (DiscordSandbox, HTTPDiscordClient, DiscordModels.Snowflake) async throws -> Void) async throws {
        let sandbox = DiscordSandbox(clock: TestClock())
        let baseURL = try await sandbox.start()
        do {
            var settings = HTTPDiscordClientConfiguration()
            settings.baseURL = baseURL.absoluteString
            let client = HTTPDiscordClient(token: DiscordREST.DiscordToken(sandbox.configuration.botToken), configuration: settings)
            let applicationID = try requireValue(DiscordModels.Snowflake(sandbox.configuration.applicationID), "bad application id")
            try await body(sandbox, client, applicationID)
            await sandbox.stop()
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    static let otherCommand = ApplicationCommand(name: "other", description: "Another bot feature of the same application")

    @Test("by default /menu is created or updated globally and the application's other commands stay")
    func mergesByDefault() async throws {
        try await Self.withSandbox { sandbox, client, applicationID in
            _ = try await client.bulkOverwriteGlobalCommands(applicationID: applicationID, commands: [Self.otherCommand])
            let registered = try await CommandRegistration.register(client: client, applicationID: applicationID)
            #expect(registered.map(\.name) == ["menu"])
            #expect(await sandbox.commands().map(\.name).sorted() == ["menu", "other"], "the other command stays")
            let menu = try #require(await sandbox.commands().first { $0.name == "menu" })
            #expect(menu.type == 1)
            #expect(menu.json["contexts"] == [0])
            #expect(menu.json["integration_types"] == [0])
            #expect(menu.json["default_member_permissions"]?.stringValue == "32")
            #expect(try await sandbox.recordedRequests(matching: "POST /applications/*/commands").map(\.status) == [201])

            // Again: the same command is updated in place, not added twice.
            let again = try await CommandRegistration.register(client: client, applicationID: applicationID)
            #expect(again.first?.id == registered.first?.id)
            #expect(await sandbox.commands().count == 2)
            let summary = CommandRegistration.summary(of: registered)
            #expect(summary.contains("/menu"))
            #expect(summary.contains("default_member_permissions=32"))
        }
    }

    @Test("--replace-all replaces every global command through bulk overwrite")
    func replacesAll() async throws {
        try await Self.withSandbox { sandbox, client, applicationID in
            _ = try await client.bulkOverwriteGlobalCommands(applicationID: applicationID, commands: [Self.otherCommand])
            let registered = try await CommandRegistration.register(client: client, applicationID: applicationID, mode: .replaceAllGlobal)
            #expect(registered.map(\.name) == ["menu"])
            #expect(await sandbox.commands().map(\.name) == ["menu"])
            #expect(try await sandbox.recordedRequests(matching: "PUT /applications/*/commands").count == 2)
        }
    }

    @Test("--guild registers /menu in that server only")
    func registersInOneGuild() async throws {
        try await Self.withSandbox { sandbox, client, applicationID in
            let world = try await sandbox.seedDemoWorld()
            let guildID = try requireValue(DiscordModels.Snowflake(world.guild.id), "bad guild id")
            let registered = try await CommandRegistration.register(client: client, applicationID: applicationID, mode: .guild(guildID))
            #expect(registered.map(\.name) == ["menu"])
            #expect(registered.first?.guildID == guildID)
            #expect(await sandbox.commands().isEmpty, "no global command")
            #expect(try await sandbox.recordedRequests(matching: "POST /applications/*/guilds/*/commands").count == 1)
        }
    }

    @Test("without a token or application id it says exactly what is missing")
    func missingSettings() {
        #expect(throws: CommandRegistrationError.self) { try CommandRegistrationSetup(environment: [:]) }
        do {
            _ = try CommandRegistrationSetup(environment: ["DISCORD_APPLICATION_ID": "abc"])
        } catch {
            #expect(error.problems.count == 2)
            #expect(error.description.contains("DISCORD_TOKEN is not set"))
            #expect(error.description.contains("DISCORD_APPLICATION_ID must be a Discord id"))
        }
        #expect(throws: Never.self) {
            try CommandRegistrationSetup(environment: ["DISCORD_TOKEN": "abc.def", "DISCORD_APPLICATION_ID": "1100000000000000001"])
        }
    }
}
