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
    @Test("/menu is registered globally for servers only, for Manage Server, through bulk overwrite")
    func registers() async throws {
        let sandbox = DiscordSandbox(clock: TestClock())
        let baseURL = try await sandbox.start()
        do {
            var settings = HTTPDiscordClientConfiguration()
            settings.baseURL = baseURL.absoluteString
            let client = HTTPDiscordClient(token: DiscordREST.DiscordToken(sandbox.configuration.botToken), configuration: settings)
            let applicationID = try requireValue(DiscordModels.Snowflake(sandbox.configuration.applicationID), "bad application id")
            let registered = try await CommandRegistration.register(client: client, applicationID: applicationID)
            #expect(registered.map(\.name) == ["menu"])
            let stored = try #require(await sandbox.commands().first)
            #expect(stored.name == "menu")
            #expect(stored.type == 1)
            #expect(stored.json["contexts"] == [0])
            #expect(stored.json["integration_types"] == [0])
            #expect(stored.json["default_member_permissions"]?.stringValue == "32")
            let requests = try await sandbox.recordedRequests(matching: "PUT /applications/*/commands")
            #expect(requests.count == 1)
            let summary = CommandRegistration.summary(of: registered)
            #expect(summary.contains("/menu"))
            #expect(summary.contains("default_member_permissions=32"))
            await sandbox.stop()
        } catch {
            await sandbox.stop()
            throw error
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
