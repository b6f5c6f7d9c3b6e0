/// The kind of answer given to an interaction.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct InteractionCallbackType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
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
    public static let launchActivity = InteractionCallbackType(rawValue: 12)

    public var description: String {
        switch rawValue {
        case 1: "pong"
        case 4: "channelMessageWithSource"
        case 5: "deferredChannelMessageWithSource"
        case 6: "deferredUpdateMessage"
        case 7: "updateMessage"
        case 8: "applicationCommandAutocompleteResult"
        case 9: "modal"
        case 12: "launchActivity"
        default: "InteractionCallbackType(\(rawValue))"
        }
    }
}
