/// The kind of a message.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct MessageType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let `default` = MessageType(rawValue: 0)
    package static let reply = MessageType(rawValue: 19)
    package static let chatInputCommand = MessageType(rawValue: 20)
    package static let contextMenuCommand = MessageType(rawValue: 23)

    package var description: String {
        switch rawValue {
        case 0: "default"
        case 19: "reply"
        case 20: "chatInputCommand"
        case 23: "contextMenuCommand"
        default: "MessageType(\(rawValue))"
        }
    }
}
