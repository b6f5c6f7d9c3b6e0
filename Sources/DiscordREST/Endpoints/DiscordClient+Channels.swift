import DiscordModels

extension DiscordClient {
    /// `GET /channels/{channel.id}`.
    public func getChannel(_ channelID: Snowflake) async throws -> Channel {
        try await send(
            DiscordRequest(route: DiscordRoute(.get, "/channels/{channel.id}", .channel(channelID))),
            decoding: Channel.self
        )
    }

    /// `POST /channels/{channel.id}/messages`, as JSON or, with files, multipart.
    public func createMessage(channelID: Snowflake, payload: MessagePayload, files: [DiscordFile] = []) async throws -> Message {
        let route = DiscordRoute(.post, "/channels/{channel.id}/messages", .channel(channelID))
        return try await send(
            DiscordRequest(route: route, body: try RequestBody.message(payload, files: files, route: route)),
            decoding: Message.self
        )
    }
}
