import DiscordModels

extension DiscordClient {
    /// `GET /channels/{channel.id}/webhooks` (needs Manage Webhooks).
    package func listChannelWebhooks(channelID: Snowflake, priority: DiscordRequest.Priority = .interaction) async throws -> [Webhook] {
        try await send(
            DiscordRequest(route: DiscordRoute(.get, "/channels/{channel.id}/webhooks", .channel(channelID)), priority: priority),
            decoding: [Webhook].self
        )
    }

    /// `POST /channels/{channel.id}/webhooks` (needs Manage Webhooks); the reason goes to the
    /// guild's audit log.
    package func createWebhook(
        channelID: Snowflake,
        name: String,
        avatar: String? = nil,
        auditLogReason: String? = nil,
        priority: DiscordRequest.Priority = .interaction
    ) async throws -> Webhook {
        let route = DiscordRoute(.post, "/channels/{channel.id}/webhooks", .channel(channelID))
        return try await send(
            DiscordRequest(
                route: route,
                body: try RequestBody.json(CreateWebhookBody(name: name, avatar: avatar), route: route),
                auditLogReason: auditLogReason,
                priority: priority
            ),
            decoding: Webhook.self
        )
    }

    /// `POST /webhooks/{webhook.id}/{webhook.token}?wait=true`: posts a message and returns it.
    /// No bot authentication (the token authenticates). `with_components=true` is added when the
    /// payload has components, which Discord otherwise ignores on webhooks.
    package func executeWebhook(
        webhookID: Snowflake,
        token: String,
        payload: MessagePayload,
        files: [DiscordFile] = [],
        threadID: Snowflake? = nil,
        priority: DiscordRequest.Priority = .interaction
    ) async throws -> Message {
        let route = DiscordRoute(.post, "/webhooks/{webhook.id}/{webhook.token}", .webhook(webhookID), .webhookToken(token))
        var query = [DiscordRequest.QueryItem("wait", "true")]
        if payload.components != nil { query.append(.init("with_components", "true")) }
        if let threadID { query.append(.init("thread_id", threadID.rawValue)) }
        return try await send(
            DiscordRequest(
                route: route, query: query, body: try RequestBody.message(payload, files: files, route: route), auth: .none,
                priority: priority),
            decoding: Message.self
        )
    }

    /// `DELETE /webhooks/{webhook.id}` with the bot's authority (needs Manage Webhooks).
    package func deleteWebhook(webhookID: Snowflake, auditLogReason: String? = nil, priority: DiscordRequest.Priority = .interaction) async throws {
        try await sendDiscardingBody(
            DiscordRequest(
                route: DiscordRoute(.delete, "/webhooks/{webhook.id}", .webhook(webhookID)), auditLogReason: auditLogReason,
                priority: priority)
        )
    }

    /// `DELETE /webhooks/{webhook.id}/{webhook.token}`: the token authenticates.
    package func deleteWebhook(webhookID: Snowflake, token: String) async throws {
        try await sendDiscardingBody(
            DiscordRequest(
                route: DiscordRoute(.delete, "/webhooks/{webhook.id}/{webhook.token}", .webhook(webhookID), .webhookToken(token)),
                auth: .none
            )
        )
    }
}
