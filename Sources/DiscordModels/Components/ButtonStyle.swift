/// The look (and required fields) of a button.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct ButtonStyle: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let primary = ButtonStyle(rawValue: 1)
    public static let secondary = ButtonStyle(rawValue: 2)
    public static let success = ButtonStyle(rawValue: 3)
    public static let danger = ButtonStyle(rawValue: 4)
    public static let link = ButtonStyle(rawValue: 5)
    public static let premium = ButtonStyle(rawValue: 6)

    public var description: String {
        switch rawValue {
        case 1: "primary"
        case 2: "secondary"
        case 3: "success"
        case 4: "danger"
        case 5: "link"
        case 6: "premium"
        default: "ButtonStyle(\(rawValue))"
        }
    }
}
