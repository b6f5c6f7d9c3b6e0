public import DiscordModels
public import DiscordREST

/// One message to post through a webhook: its payload and the files uploaded with it.
public struct WebhookMessage: Sendable, Hashable {
    public var payload: MessagePayload
    public var files: [DiscordFile]

    public init(payload: MessagePayload, files: [DiscordFile] = []) {
        self.payload = payload
        self.files = files
    }
}
