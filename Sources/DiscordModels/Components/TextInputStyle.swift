/// Single-line or paragraph text input.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct TextInputStyle: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let short = TextInputStyle(rawValue: 1)
    package static let paragraph = TextInputStyle(rawValue: 2)

    package var description: String {
        switch rawValue {
        case 1: "short"
        case 2: "paragraph"
        default: "TextInputStyle(\(rawValue))"
        }
    }
}
