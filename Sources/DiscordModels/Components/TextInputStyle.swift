/// Single-line or paragraph text input.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct TextInputStyle: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let short = TextInputStyle(rawValue: 1)
    public static let paragraph = TextInputStyle(rawValue: 2)

    public var description: String {
        switch rawValue {
        case 1: "short"
        case 2: "paragraph"
        default: "TextInputStyle(\(rawValue))"
        }
    }
}
