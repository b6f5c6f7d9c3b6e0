/// The `type` of an interaction response.
public struct InteractionCallbackType: RawRepresentable, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let pong = InteractionCallbackType(rawValue: 1)
    public static let channelMessageWithSource = InteractionCallbackType(rawValue: 4)
    public static let deferredChannelMessageWithSource = InteractionCallbackType(rawValue: 5)
    public static let deferredUpdateMessage = InteractionCallbackType(rawValue: 6)
    public static let updateMessage = InteractionCallbackType(rawValue: 7)
    public static let applicationCommandAutocompleteResult = InteractionCallbackType(rawValue: 8)
    public static let modal = InteractionCallbackType(rawValue: 9)

    /// Whether the response's `data` is a message that can also be sent as a follow-up.
    var carriesMessage: Bool {
        self == .channelMessageWithSource || self == .updateMessage
    }
}
