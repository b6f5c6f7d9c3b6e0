public import DiscordModels
public import DiscordREST

/// `castbot register-commands`: replaces the application's global commands with `CastBotCommands.all`.
public enum CommandRegistration {
    /// Returns the commands as Discord stored them.
    public static func register(
        _ commands: [ApplicationCommand] = CastBotCommands.all, client: any DiscordClient, applicationID: DiscordModels.Snowflake
    ) async throws -> [ApplicationCommand] {
        try await client.bulkOverwriteGlobalCommands(applicationID: applicationID, commands: commands)
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
