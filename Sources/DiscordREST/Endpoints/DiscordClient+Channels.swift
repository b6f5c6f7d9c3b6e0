import DiscordModels

extension DiscordClient {
    /// `GET /channels/{channel.id}`.
    package func getChannel(_ channelID: Snowflake) async throws -> Channel {
        try await send(
            DiscordRequest(route: DiscordRoute(.get, "/channels/{channel.id}", .channel(channelID))),
            decoding: Channel.self
        )
    }

    /// `GET /channels/{channel.id}/messages`: up to `limit` (1-100, Discord's default 50) messages,
    /// newest first; with `before`, `after` or `around` (one at most, as Discord requires), those
    /// just before, after or around that message. Paging back through a channel: pass the oldest
    /// id of each page as the next `before` (ids grow with time).
    ///
    /// Needs View Channel (else 403 50001). Without Read Message History Discord answers an
    /// **empty list**, not an error: a caller that finds no messages tells "no messages" from "may
    /// not read them" by ``getChannel(_:)``, whose `lastMessageID` stays set in a channel with
    /// messages.
    ///
    /// How to find out whether a POST whose outcome is unknown (``DiscordHTTPError/Kind/outcomeUnknown(_:)``)
    /// took effect: look for the message (its `webhookID`, content, attachment names and sizes).
    package func getChannelMessages(
        channelID: Snowflake, limit: Int? = nil, before: Snowflake? = nil, after: Snowflake? = nil,
        around: Snowflake? = nil, priority: DiscordRequest.Priority = .interaction
    ) async throws -> [Message] {
        let route = DiscordRoute(.get, "/channels/{channel.id}/messages", .channel(channelID))
        let anchors = [("before", before), ("after", after), ("around", around)].compactMap { name, id in id.map { (name, $0) } }
        guard anchors.count <= 1 else {
            throw DiscordHTTPError(
                kind: .invalidRequest(
                    "give at most one of before, after and around (got \(anchors.map(\.0).joined(separator: ", ")))"),
                route: route.description)
        }
        if let limit, !(1...100).contains(limit) {
            throw DiscordHTTPError(kind: .invalidRequest("limit must be 1-100, got \(limit)"), route: route.description)
        }
        var query: [DiscordRequest.QueryItem] = anchors.map { .init($0.0, $0.1.rawValue) }
        if let limit { query.append(.init("limit", String(limit))) }
        return try await send(DiscordRequest(route: route, query: query, priority: priority), decoding: [Message].self)
    }

    /// `GET /channels/{channel.id}/messages/{message.id}`: 404 10008 Unknown Message when the
    /// channel has no such message; needs View Channel and Read Message History (else 403 50001).
    /// Attachment URLs in the answer are freshly signed.
    package func getMessage(channelID: Snowflake, messageID: Snowflake) async throws -> Message {
        try await send(
            DiscordRequest(
                route: DiscordRoute(.get, "/channels/{channel.id}/messages/{message.id}", .channel(channelID), .message(messageID))),
            decoding: Message.self
        )
    }

    /// `DELETE /channels/{channel.id}/messages/{message.id}` (204). The bot's own messages always;
    /// anyone else's, webhook messages included, need Manage Messages (else 403 50013). Discord
    /// limits this route in its own bucket, apart from reading and posting.
    package func deleteMessage(
        channelID: Snowflake, messageID: Snowflake, auditLogReason: String? = nil, priority: DiscordRequest.Priority = .interaction
    ) async throws {
        try await sendDiscardingBody(
            DiscordRequest(
                route: DiscordRoute(.delete, "/channels/{channel.id}/messages/{message.id}", .channel(channelID), .message(messageID)),
                auditLogReason: auditLogReason, priority: priority)
        )
    }

    /// `POST /channels/{channel.id}/messages`, as JSON or, with files, multipart.
    package func createMessage(
        channelID: Snowflake, payload: MessagePayload, files: [DiscordFile] = [], priority: DiscordRequest.Priority = .interaction
    ) async throws -> Message {
        let route = DiscordRoute(.post, "/channels/{channel.id}/messages", .channel(channelID))
        return try await send(
            DiscordRequest(route: route, body: try RequestBody.message(payload, files: files, route: route), priority: priority),
            decoding: Message.self
        )
    }
}
