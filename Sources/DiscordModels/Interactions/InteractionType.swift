/// The kind of an interaction Discord sends.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct InteractionType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let ping = InteractionType(rawValue: 1)
    public static let applicationCommand = InteractionType(rawValue: 2)
    public static let messageComponent = InteractionType(rawValue: 3)
    public static let applicationCommandAutocomplete = InteractionType(rawValue: 4)
    public static let modalSubmit = InteractionType(rawValue: 5)

    public var description: String {
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
