/// Reading what the bot did.
extension DiscordSandbox {
    /// Every API request received, in order, with the status answered.
    package func recordedRequests() async -> [SandboxRecordedRequest] {
        await state.recordedRequests()
    }

    /// Recorded requests whose method and path match a route pattern such as `POST /channels/*/webhooks`.
    package func recordedRequests(matching route: String) async throws -> [SandboxRecordedRequest] {
        let pattern = try SandboxRoutePattern(route)
        return await state.recordedRequests().filter { request in
            var segments = SandboxRoutePattern.pathSegments(request.path)
            if segments.starts(with: ["api", "v10"]) { segments.removeFirst(2) }
            return pattern.matches(method: request.method, segments: segments)
        }
    }

    package func clearRecordedRequests() async {
        await state.clearRequests()
    }

    /// Messages in a channel, oldest first (webhook, bot and interaction messages alike).
    package func messages(inChannel channelID: String) async -> [SandboxMessage] {
        await state.messages(inChannel: channelID)
    }

    package func message(id: String) async -> SandboxMessage? {
        await state.message(id: id)
    }

    /// The message as Discord's API would return it.
    package func messageJSON(_ message: SandboxMessage) async -> SandboxJSON {
        await state.render(message)
    }

    /// Messages the bot sent to a user's DM channel.
    package func directMessages(toUser userID: String) async -> [SandboxMessage] {
        await state.directMessages(toUser: userID)
    }

    package func webhooks(inChannel channelID: String) async -> [SandboxWebhook] {
        await state.webhooks(inChannel: channelID)
    }

    package func channel(id: String) async -> SandboxChannel? {
        await state.channel(id)
    }

    package func attachment(id: String) async -> SandboxAttachment? {
        await state.attachment(id: id)
    }

    /// The attachment's URL signed now, as a message fetch would hand it out.
    package func signedURL(for attachment: SandboxAttachment) async -> String {
        await state.signedURL(for: attachment)
    }

    /// Registered commands: global ones, or a guild's.
    package func commands(guildID: String? = nil) async -> [SandboxCommand] {
        await state.commands(guildID: guildID)
    }

    package func interactionLog(id: String) async -> SandboxInteractionLog? {
        await state.interactionLog(id: id)
    }
}
