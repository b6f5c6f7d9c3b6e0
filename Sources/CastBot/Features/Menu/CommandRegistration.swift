public import DiscordModels
public import DiscordREST
import Foundation
import Logging

/// `castbot register-commands`: puts `CastBotCommands.all` on the application.
public enum CommandRegistration {
    /// Where and how the commands go.
    public enum Mode: Sendable, Equatable {
        /// The default: create or update each of the bot's commands globally (Discord matches by
        /// name); the application's other commands stay.
        case mergeGlobal
        /// Create or update them in one guild only, where they appear at once.
        case guild(DiscordModels.Snowflake)
        /// Replace every global command of the application with these (bulk overwrite): commands
        /// the application had besides them are deleted.
        case replaceAllGlobal
    }

    /// Returns the commands as Discord stored them.
    public static func register(
        _ commands: [ApplicationCommand] = CastBotCommands.all, client: any DiscordClient, applicationID: DiscordModels.Snowflake,
        mode: Mode = .mergeGlobal
    ) async throws -> [ApplicationCommand] {
        switch mode {
        case .mergeGlobal:
            var stored: [ApplicationCommand] = []
            for command in commands {
                stored.append(try await client.createGlobalCommand(applicationID: applicationID, command: command))
            }
            return stored
        case .guild(let guildID):
            var stored: [ApplicationCommand] = []
            for command in commands {
                stored.append(try await client.createGuildCommand(applicationID: applicationID, guildID: guildID, command: command))
            }
            return stored
        case .replaceAllGlobal:
            return try await client.bulkOverwriteGlobalCommands(applicationID: applicationID, commands: commands)
        }
    }

    /// One line per command for the operator: name, id, where it works and who sees it.
    public static func summary(of commands: [ApplicationCommand]) -> String {
        guard !commands.isEmpty else { return "No commands are registered." }
        return commands.map { command in
            let contexts = (command.contexts ?? []).map(\.description).joined(separator: ", ")
            let permissions = command.defaultMemberPermissions.map { "\($0.discordString) (\($0))" } ?? "everyone"
            return "/\(command.name)  id=\(command.id?.rawValue ?? "?")  contexts=[\(contexts)]  "
                + "default_member_permissions=\(permissions)"
        }.joined(separator: "\n")
    }
}

/// Reads what `castbot register-commands` needs from the environment and runs it.
public struct CommandRegistrationSetup: Sendable {
    public let applicationID: DiscordModels.Snowflake
    let access: CommandLineDiscordAccess

    /// - Throws: `CommandRegistrationError` naming each missing or invalid setting.
    public init(environment: [String: String]) throws(CommandRegistrationError) {
        do {
            access = try CommandLineDiscordAccess(environment: environment, purpose: "registering commands", needsApplicationID: true)
        } catch {
            throw CommandRegistrationError(problems: error.problems)
        }
        guard let applicationID = access.applicationID else {
            throw CommandRegistrationError(problems: ["DISCORD_APPLICATION_ID is not set"])
        }
        self.applicationID = applicationID
    }

    /// Registers the bot's commands as `mode` says and returns what Discord stored.
    public func run(
        mode: CommandRegistration.Mode = .mergeGlobal, logger: Logger = Logger(label: "castbot.register-commands")
    ) async throws -> [ApplicationCommand] {
        try await CommandRegistration.register(client: access.client(logger: logger), applicationID: applicationID, mode: mode)
    }
}

public struct CommandRegistrationError: Error, Sendable, CustomStringConvertible {
    public let problems: [String]

    public var description: String {
        "cannot register commands:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
