import DiscordModels

extension DiscordClient {
    /// `PUT /applications/{application.id}/commands`: replaces all global commands with these.
    public func bulkOverwriteGlobalCommands(applicationID: Snowflake, commands: [ApplicationCommand]) async throws -> [ApplicationCommand] {
        let route = DiscordRoute(.put, "/applications/{application.id}/commands", .application(applicationID))
        return try await send(
            DiscordRequest(route: route, body: try RequestBody.json(commands, route: route)),
            decoding: [ApplicationCommand].self
        )
    }
}
