/// Where an interaction was triggered from.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct InteractionContextType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let guild = InteractionContextType(rawValue: 0)
    public static let botDM = InteractionContextType(rawValue: 1)
    public static let privateChannel = InteractionContextType(rawValue: 2)

    public var description: String {
        switch rawValue {
        case 0: "guild"
        case 1: "botDM"
        case 2: "privateChannel"
        default: "InteractionContextType(\(rawValue))"
        }
    }
}
