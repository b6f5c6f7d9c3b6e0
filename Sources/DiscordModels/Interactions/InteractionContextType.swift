/// Where an interaction was triggered from.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct InteractionContextType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let guild = InteractionContextType(rawValue: 0)
    package static let botDM = InteractionContextType(rawValue: 1)
    package static let privateChannel = InteractionContextType(rawValue: 2)

    package var description: String {
        switch rawValue {
        case 0: "guild"
        case 1: "botDM"
        case 2: "privateChannel"
        default: "InteractionContextType(\(rawValue))"
        }
    }
}
