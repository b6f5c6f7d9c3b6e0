/// The bot token. Its description never shows the secret, so it cannot end up in a log by
/// accident.
package struct DiscordToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    /// Accepts the token as the developer portal shows it (a leading `Bot ` is removed). Returns
    /// nil for an empty token or one containing spaces or control characters, which could not be
    /// sent in a header.
    package init?(_ token: String) {
        var value = Substring(token)
        if value.hasPrefix("Bot ") { value = value.dropFirst(4) }
        let trimmed = String(value)
        guard !trimmed.isEmpty,
            trimmed.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return nil }
        secret = trimmed
    }

    var authorizationHeader: String { "Bot \(secret)" }

    package var description: String { "DiscordToken(<redacted>)" }
    package var debugDescription: String { description }
    package var customMirror: Mirror { Mirror(self, children: []) }
}
