// Component type numbers checked against Discord's component reference (types 21-23: radio group,
// checkbox group and checkbox, modal-only, wrapped in a Label).
/// The type number of a message or modal component.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct ComponentType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let actionRow = ComponentType(rawValue: 1)
    package static let button = ComponentType(rawValue: 2)
    package static let stringSelect = ComponentType(rawValue: 3)
    package static let textInput = ComponentType(rawValue: 4)
    package static let userSelect = ComponentType(rawValue: 5)
    package static let roleSelect = ComponentType(rawValue: 6)
    package static let mentionableSelect = ComponentType(rawValue: 7)
    package static let channelSelect = ComponentType(rawValue: 8)
    package static let section = ComponentType(rawValue: 9)
    package static let textDisplay = ComponentType(rawValue: 10)
    package static let thumbnail = ComponentType(rawValue: 11)
    package static let mediaGallery = ComponentType(rawValue: 12)
    package static let file = ComponentType(rawValue: 13)
    package static let separator = ComponentType(rawValue: 14)
    package static let container = ComponentType(rawValue: 17)
    package static let label = ComponentType(rawValue: 18)
    package static let fileUpload = ComponentType(rawValue: 19)
    package static let radioGroup = ComponentType(rawValue: 21)
    package static let checkboxGroup = ComponentType(rawValue: 22)
    package static let checkbox = ComponentType(rawValue: 23)

    package var description: String {
        switch rawValue {
        case 1: "actionRow"
        case 2: "button"
        case 3: "stringSelect"
        case 4: "textInput"
        case 5: "userSelect"
        case 6: "roleSelect"
        case 7: "mentionableSelect"
        case 8: "channelSelect"
        case 9: "section"
        case 10: "textDisplay"
        case 11: "thumbnail"
        case 12: "mediaGallery"
        case 13: "file"
        case 14: "separator"
        case 17: "container"
        case 18: "label"
        case 19: "fileUpload"
        case 21: "radioGroup"
        case 22: "checkboxGroup"
        case 23: "checkbox"
        default: "ComponentType(\(rawValue))"
        }
    }
}
