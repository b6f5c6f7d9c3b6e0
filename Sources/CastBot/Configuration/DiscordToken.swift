/// The bot token. Its text form is always redacted so that printing a configuration,
/// an error or a log line can never leak it; only `secret` gives the real value.
public struct DiscordToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The bare token, exactly as Discord issued it. Only the Discord client may read this.
    public let secret: String

    public init(secret: String) {
        self.secret = secret
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "DiscordToken(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
