import CommandLineSupport
import ArgumentParser
import CastBot
import Foundation

struct RegisterCommandsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register-commands",
        abstract: "Replace the application's global slash commands with CastBot's (/menu).",
        discussion: """
            Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (DISCORD_API_BASE_URL optional). /menu is registered \
            for servers only (contexts [0], integration_types [0]) and shown to members with Manage Server \
            (default_member_permissions "32"). Commands not in this list are removed from the application.
            """
    )

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let registration = try CommandRegistrationSetup(environment: ProcessInfo.processInfo.environment)
            let registered = try await registration.run()
            print("Registered \(registered.count) global command(s) for application \(registration.applicationID):")
            print(CommandRegistration.summary(of: registered))
        }
    }
}
