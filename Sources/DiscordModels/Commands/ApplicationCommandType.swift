/// The kind of an application command.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct ApplicationCommandType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let chatInput = ApplicationCommandType(rawValue: 1)
    public static let user = ApplicationCommandType(rawValue: 2)
    public static let message = ApplicationCommandType(rawValue: 3)
    public static let primaryEntryPoint = ApplicationCommandType(rawValue: 4)

    public var description: String {
        switch rawValue {
        case 1: "chatInput"
        case 2: "user"
        case 3: "message"
        case 4: "primaryEntryPoint"
        default: "ApplicationCommandType(\(rawValue))"
        }
    }
}
