/// A reply delivered through Discord's webhook endpoints instead of the HTTP answer.
public struct FollowUpMessage: Sendable, CustomStringConvertible {
    public enum Target: Sendable, Equatable {
        /// Replace the deferred "thinking…" message.
        case originalResponse
        /// Post an additional message.
        case newMessage
    }

    public var target: Target
    public var applicationID: String
    public var interactionID: String
    /// The interaction token (a 15-minute credential): never logged, not part of `description`.
    public var interactionToken: String
    /// The message JSON object (`content`, `components`, `flags`…) as the handler produced it for a
    /// type 4 reply. It may carry the ephemeral flag, which editing the original response ignores.
    public var data: [UInt8]
    public var files: [ReplyFile]

    public init(
        target: Target,
        applicationID: String,
        interactionID: String,
        interactionToken: String,
        data: [UInt8],
        files: [ReplyFile] = []
    ) {
        self.target = target
        self.applicationID = applicationID
        self.interactionID = interactionID
        self.interactionToken = interactionToken
        self.data = data
        self.files = files
    }

    public var description: String {
        "FollowUpMessage(\(target), interaction \(interactionID), \(data.count) bytes, \(files.count) files)"
    }
}
