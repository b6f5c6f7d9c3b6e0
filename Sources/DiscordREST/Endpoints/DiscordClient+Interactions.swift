import DiscordModels

extension DiscordClient {
    /// `POST /interactions/{interaction.id}/{interaction.token}/callback`: answers an interaction
    /// through the API (the interactions endpoint normally answers in its HTTP response instead).
    package func createInteractionResponse(
        interactionID: Snowflake,
        interactionToken: String,
        response: InteractionResponse,
        files: [DiscordFile] = []
    ) async throws {
        let route = DiscordRoute(
            .post, "/interactions/{interaction.id}/{interaction.token}/callback",
            .interaction(interactionID), .interactionToken(interactionToken)
        )
        try await sendDiscardingBody(
            DiscordRequest(route: route, body: try RequestBody.interactionResponse(response, files: files, route: route), auth: .none)
        )
    }

    /// `POST /webhooks/{application.id}/{interaction.token}`: a follow-up message (ephemeral with
    /// ``MessageFlags/ephemeral``), as JSON or, with files, multipart.
    package func createFollowupMessage(
        applicationID: Snowflake,
        interactionToken: String,
        payload: MessagePayload,
        files: [DiscordFile] = []
    ) async throws -> Message {
        let route = DiscordRoute(
            .post, "/webhooks/{application.id}/{interaction.token}",
            .application(applicationID), .interactionToken(interactionToken)
        )
        return try await send(
            DiscordRequest(route: route, body: try RequestBody.message(payload, files: files, route: route), auth: .none),
            decoding: Message.self
        )
    }

    /// `PATCH /webhooks/{application.id}/{interaction.token}/messages/@original`: replaces the
    /// first answer (after a deferred response), as JSON or, with files, multipart.
    package func editOriginalInteractionResponse(
        applicationID: Snowflake,
        interactionToken: String,
        payload: MessagePayload,
        files: [DiscordFile] = []
    ) async throws -> Message {
        let route = DiscordRoute(
            .patch, "/webhooks/{application.id}/{interaction.token}/messages/@original",
            .application(applicationID), .interactionToken(interactionToken)
        )
        return try await send(
            DiscordRequest(route: route, body: try RequestBody.message(payload, files: files, route: route), auth: .none),
            decoding: Message.self
        )
    }
}
