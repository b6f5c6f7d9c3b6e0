import DiscordModels

extension DiscordClient {
    /// `POST /users/@me/channels`: opens (or returns) the DM channel with a user.
    public func createDM(recipientID: Snowflake) async throws -> Channel {
        let route = DiscordRoute(.post, "/users/@me/channels")
        return try await send(
            DiscordRequest(route: route, body: try RequestBody.json(CreateDMBody(recipientID: recipientID), route: route)),
            decoding: Channel.self
        )
    }
}
