import ArgumentParser
import CastBot
import CommandLineSupport
import DiscordModels
import Foundation

struct RegisterCommandsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register-commands",
        abstract: "Create or update CastBot's slash command (/menu) on the application.",
        discussion: """
            Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (DISCORD_API_BASE_URL optional). /menu is registered \
            for servers only (contexts [0], integration_types [0]) and shown to members with Manage Server \
            (default_member_permissions "32"). By default it is created or updated globally and the \
            application's other commands stay; global commands can take a while to show in clients. \
            --guild registers it in one server only, where it shows at once. --replace-all replaces every \
            global command of the application with /menu and deletes the others.
            """
    )

    @Option(help: "Register in this server (guild id) only; it shows there at once.")
    var guild: String?

    @Flag(help: "Replace ALL global commands of the application with /menu (deletes its other commands).")
    var replaceAll = false

    func validate() throws {
        if guild != nil, replaceAll {
            throw ValidationError("--guild and --replace-all do not go together: --replace-all acts on global commands only")
        }
        if let guild, Snowflake(typed: guild) == nil {
            throw ValidationError("--guild must be a Discord server id (17–20 digits); got '\(guild.prefix(30))'")
        }
    }

    private var mode: CommandRegistration.Mode {
        if let guild, let id = Snowflake(typed: guild) { return .guild(id) }
        return replaceAll ? .replaceAllGlobal : .mergeGlobal
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let registration = try CommandRegistrationSetup(environment: ProcessInfo.processInfo.environment)
            let registered = try await registration.run(mode: mode)
            let scope: String
            switch mode {
            case .mergeGlobal: scope = "global command(s); the application's other commands were left as they were"
            case .guild(let id): scope = "command(s) in server \(id)"
            case .replaceAllGlobal: scope = "global command(s); every other global command was removed"
            }
            print("Registered \(registered.count) \(scope), for application \(registration.applicationID):")
            print(CommandRegistration.summary(of: registered))
        }
    }
}
