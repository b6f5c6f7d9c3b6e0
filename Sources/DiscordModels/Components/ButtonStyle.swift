/// The look (and required fields) of a button.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct ButtonStyle: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let primary = ButtonStyle(rawValue: 1)
    package static let secondary = ButtonStyle(rawValue: 2)
    package static let success = ButtonStyle(rawValue: 3)
    package static let danger = ButtonStyle(rawValue: 4)
    package static let link = ButtonStyle(rawValue: 5)
    package static let premium = ButtonStyle(rawValue: 6)

    package var description: String {
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
