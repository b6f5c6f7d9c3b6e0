import DiscordModels

extension DiscordClient {
    /// `GET /channels/{channel.id}`.
    public func getChannel(_ channelID: Snowflake) async throws -> Channel {
        try await send(
            DiscordRequest(route: DiscordRoute(.get, "/channels/{channel.id}", .channel(channelID))),
            decoding: Channel.self
        )
    }

    /// `GET /channels/{channel.id}/messages`: up to `limit` (1-100) messages, newest first; with
    /// `before` or `after`, those just before or after that message (Discord takes one of the two).
    /// Needs View Channel, and Read Message History (without it Discord returns no messages).
    ///
    /// How to find out whether a POST whose outcome is unknown (``DiscordHTTPError/Kind/outcomeUnknown(_:)``)
    /// took effect: look for the message (its `webhookID`, content, attachment names and sizes).
    public func getChannelMessages(
        channelID: Snowflake, limit: Int? = nil, before: Snowflake? = nil, after: Snowflake? = nil
    ) async throws -> [Message] {
        var query: [DiscordRequest.QueryItem] = []
        if let before { query.append(.init("before", before.rawValue)) }
        if let after { query.append(.init("after", after.rawValue)) }
        if let limit { query.append(.init("limit", String(limit))) }
        return try await send(
            DiscordRequest(route: DiscordRoute(.get, "/channels/{channel.id}/messages", .channel(channelID)), query: query),
            decoding: [Message].self
        )
    }

    /// `GET /channels/{channel.id}/messages/{message.id}`: one message, with freshly signed
    /// attachment URLs. Needs View Channel and Read Message History.
    public func getMessage(channelID: Snowflake, messageID: Snowflake) async throws -> Message {
        try await send(
            DiscordRequest(
                route: DiscordRoute(.get, "/channels/{channel.id}/messages/{message.id}", .channel(channelID), .message(messageID))),
            decoding: Message.self
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
