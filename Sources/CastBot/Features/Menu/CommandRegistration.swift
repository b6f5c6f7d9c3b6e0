import DiscordModels
import DiscordREST
import Foundation
import Logging

/// `castbot register-commands`: puts `CastBotCommands.all` on the application.
package enum CommandRegistration {
    /// Where and how the commands go.
    package enum Mode: Sendable, Equatable {
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
    package static func register(
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
    package static func summary(of commands: [ApplicationCommand]) -> String {
        guard !commands.isEmpty else { return "No commands are registered." }
        return commands.map { command in
            let contexts = (command.contexts ?? []).map(\.description).joined(separator: ", ")
            let permissions = command.defaultMemberPermissions.map { "\($0.discordString) (\($0))" } ?? "everyone"
            return "/\(command.name)  id=\(command.id?.rawValue ?? "?")  contexts=[\(contexts)]  "
                + "default_member_permissions=\(permissions)"
        }.joined(separator: "\n")
    }
}
