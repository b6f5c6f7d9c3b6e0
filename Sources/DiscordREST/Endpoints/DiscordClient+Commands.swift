import DiscordModels

extension DiscordClient {
    /// `PUT /applications/{application.id}/commands`: replaces all global commands with these.
    package func bulkOverwriteGlobalCommands(applicationID: Snowflake, commands: [ApplicationCommand]) async throws -> [ApplicationCommand] {
        let route = DiscordRoute(.put, "/applications/{application.id}/commands", .application(applicationID))
        return try await send(
            DiscordRequest(route: route, body: try RequestBody.json(commands, route: route)),
            decoding: [ApplicationCommand].self
        )
    }

    /// `POST /applications/{application.id}/commands`: creates a global command, or replaces the
    /// one with the same name; the application's other commands stay.
    package func createGlobalCommand(applicationID: Snowflake, command: ApplicationCommand) async throws -> ApplicationCommand {
        let route = DiscordRoute(.post, "/applications/{application.id}/commands", .application(applicationID))
        return try await send(
            DiscordRequest(route: route, body: try RequestBody.json(command, route: route)), decoding: ApplicationCommand.self)
    }

    /// `POST /applications/{application.id}/guilds/{guild.id}/commands`: creates a command in one
    /// guild (shown at once), or replaces the one with the same name there.
    package func createGuildCommand(applicationID: Snowflake, guildID: Snowflake, command: ApplicationCommand) async throws
        -> ApplicationCommand
    {
        let route = DiscordRoute(
            .post, "/applications/{application.id}/guilds/{guild.id}/commands", .application(applicationID), .guild(guildID))
        return try await send(
            DiscordRequest(route: route, body: try RequestBody.json(command, route: route)), decoding: ApplicationCommand.self)
    }
}
