/// The kind of answer given to an interaction.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct InteractionCallbackType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let pong = InteractionCallbackType(rawValue: 1)
    package static let channelMessageWithSource = InteractionCallbackType(rawValue: 4)
    package static let deferredChannelMessageWithSource = InteractionCallbackType(rawValue: 5)
    package static let deferredUpdateMessage = InteractionCallbackType(rawValue: 6)
    package static let updateMessage = InteractionCallbackType(rawValue: 7)
    package static let applicationCommandAutocompleteResult = InteractionCallbackType(rawValue: 8)
    package static let modal = InteractionCallbackType(rawValue: 9)
    package static let launchActivity = InteractionCallbackType(rawValue: 12)

    package var description: String {
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
