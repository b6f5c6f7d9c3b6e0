/// The kind of an application command.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct ApplicationCommandType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let chatInput = ApplicationCommandType(rawValue: 1)
    package static let user = ApplicationCommandType(rawValue: 2)
    package static let message = ApplicationCommandType(rawValue: 3)
    package static let primaryEntryPoint = ApplicationCommandType(rawValue: 4)

    package var description: String {
        switch rawValue {
        case 1: "chatInput"
        case 2: "user"
        case 3: "message"
        case 4: "primaryEntryPoint"
        default: "ApplicationCommandType(\(rawValue))"
        }
    }
}
