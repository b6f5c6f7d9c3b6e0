// Component type numbers checked against Discord's component reference (types 21-23: radio group,
// checkbox group and checkbox, modal-only, wrapped in a Label).
/// The type number of a message or modal component.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct ComponentType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let actionRow = ComponentType(rawValue: 1)
    public static let button = ComponentType(rawValue: 2)
    public static let stringSelect = ComponentType(rawValue: 3)
    public static let textInput = ComponentType(rawValue: 4)
    public static let userSelect = ComponentType(rawValue: 5)
    public static let roleSelect = ComponentType(rawValue: 6)
    public static let mentionableSelect = ComponentType(rawValue: 7)
    public static let channelSelect = ComponentType(rawValue: 8)
    public static let section = ComponentType(rawValue: 9)
    public static let textDisplay = ComponentType(rawValue: 10)
    public static let thumbnail = ComponentType(rawValue: 11)
    public static let mediaGallery = ComponentType(rawValue: 12)
    public static let file = ComponentType(rawValue: 13)
    public static let separator = ComponentType(rawValue: 14)
    public static let container = ComponentType(rawValue: 17)
    public static let label = ComponentType(rawValue: 18)
    public static let fileUpload = ComponentType(rawValue: 19)
    public static let radioGroup = ComponentType(rawValue: 21)
    public static let checkboxGroup = ComponentType(rawValue: 22)
    public static let checkbox = ComponentType(rawValue: 23)

    public var description: String {
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
