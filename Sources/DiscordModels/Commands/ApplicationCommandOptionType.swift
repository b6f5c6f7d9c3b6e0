/// The kind of an application command option.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct ApplicationCommandOptionType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let subCommand = ApplicationCommandOptionType(rawValue: 1)
    package static let subCommandGroup = ApplicationCommandOptionType(rawValue: 2)
    package static let string = ApplicationCommandOptionType(rawValue: 3)
    package static let integer = ApplicationCommandOptionType(rawValue: 4)
    package static let boolean = ApplicationCommandOptionType(rawValue: 5)
    package static let user = ApplicationCommandOptionType(rawValue: 6)
    package static let channel = ApplicationCommandOptionType(rawValue: 7)
    package static let role = ApplicationCommandOptionType(rawValue: 8)
    package static let mentionable = ApplicationCommandOptionType(rawValue: 9)
    package static let number = ApplicationCommandOptionType(rawValue: 10)
    package static let attachment = ApplicationCommandOptionType(rawValue: 11)

    package var description: String {
        switch rawValue {
        case 1: "subCommand"
        case 2: "subCommandGroup"
        case 3: "string"
        case 4: "integer"
        case 5: "boolean"
        case 6: "user"
        case 7: "channel"
        case 8: "role"
        case 9: "mentionable"
        case 10: "number"
        case 11: "attachment"
        default: "ApplicationCommandOptionType(\(rawValue))"
        }
    }
}
