/// The kind of a message.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct MessageType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let `default` = MessageType(rawValue: 0)
    public static let reply = MessageType(rawValue: 19)
    public static let chatInputCommand = MessageType(rawValue: 20)
    public static let contextMenuCommand = MessageType(rawValue: 23)

    public var description: String {
        switch rawValue {
        case 0: "default"
        case 19: "reply"
        case 20: "chatInputCommand"
        case 23: "contextMenuCommand"
        default: "MessageType(\(rawValue))"
        }
    }
}
