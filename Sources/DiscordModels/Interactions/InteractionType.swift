/// The kind of an interaction Discord sends.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct InteractionType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let ping = InteractionType(rawValue: 1)
    package static let applicationCommand = InteractionType(rawValue: 2)
    package static let messageComponent = InteractionType(rawValue: 3)
    package static let applicationCommandAutocomplete = InteractionType(rawValue: 4)
    package static let modalSubmit = InteractionType(rawValue: 5)

    package var description: String {
        switch rawValue {
        case 1: "ping"
        case 2: "applicationCommand"
        case 3: "messageComponent"
        case 4: "applicationCommandAutocomplete"
        case 5: "modalSubmit"
        default: "InteractionType(\(rawValue))"
        }
    }
}
