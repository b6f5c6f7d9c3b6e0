/// The kind of an application command option.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct ApplicationCommandOptionType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let subCommand = ApplicationCommandOptionType(rawValue: 1)
    public static let subCommandGroup = ApplicationCommandOptionType(rawValue: 2)
    public static let string = ApplicationCommandOptionType(rawValue: 3)
    public static let integer = ApplicationCommandOptionType(rawValue: 4)
    public static let boolean = ApplicationCommandOptionType(rawValue: 5)
    public static let user = ApplicationCommandOptionType(rawValue: 6)
    public static let channel = ApplicationCommandOptionType(rawValue: 7)
    public static let role = ApplicationCommandOptionType(rawValue: 8)
    public static let mentionable = ApplicationCommandOptionType(rawValue: 9)
    public static let number = ApplicationCommandOptionType(rawValue: 10)
    public static let attachment = ApplicationCommandOptionType(rawValue: 11)

    public var description: String {
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
