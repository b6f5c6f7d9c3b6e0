import DiscordModels

extension DiscordClient {
    /// `GET /applications/@me`: the application the bot token belongs to.
    package func getCurrentApplication() async throws -> Application {
        try await send(DiscordRequest(route: DiscordRoute(.get, "/applications/@me")), decoding: Application.self)
    }

    /// `POST /users/@me/channels`: opens (or returns) the DM channel with a user.
    package func createDM(recipientID: Snowflake, priority: DiscordRequest.Priority = .interaction) async throws -> Channel {
        let route = DiscordRoute(.post, "/users/@me/channels")
        return try await send(
            DiscordRequest(
                route: route, body: try RequestBody.json(CreateDMBody(recipientID: recipientID), route: route), priority: priority),
            decoding: Channel.self
        )
    }
}
