/// One message or modal component.
///
/// Decoding never fails because of a component: a type this module does not know, or a known type
/// whose fields do not have the expected shape, is kept as ``unknown(type:raw:)`` with the original
/// JSON, and encodes back to that JSON unchanged. Only a component without an integer `type`
/// (not a component at all) is a decoding error.
package indirect enum Component: Sendable, Hashable, Codable {
    case actionRow(ActionRow)
    case button(Button)
    case stringSelect(StringSelect)
    case textInput(TextInput)
    /// User (5), role (6), mentionable (7) and channel (8) selects share one shape.
    case entitySelect(EntitySelect)
    case section(Section)
    case textDisplay(TextDisplay)
    case thumbnail(Thumbnail)
    case mediaGallery(MediaGallery)
    case file(FileComponent)
    case separator(Separator)
    case container(Container)
    case label(Label)
    case fileUpload(FileUpload)
    case radioGroup(RadioGroup)
    case checkboxGroup(CheckboxGroup)
    case checkbox(Checkbox)
    case unknown(type: Int, raw: JSONValue)

    enum TypeKey: String, CodingKey {
        case type
    }

    package var type: ComponentType {
        switch self {
        case .actionRow: .actionRow
        case .button: .button
        case .stringSelect: .stringSelect
        case .textInput: .textInput
        case .entitySelect(let select): select.type
        case .section: .section
        case .textDisplay: .textDisplay
        case .thumbnail: .thumbnail
        case .mediaGallery: .mediaGallery
        case .file: .file
        case .separator: .separator
        case .container: .container
        case .label: .label
        case .fileUpload: .fileUpload
        case .radioGroup: .radioGroup
        case .checkboxGroup: .checkboxGroup
        case .checkbox: .checkbox
        case .unknown(let type, _): ComponentType(rawValue: type)
        }
    }

    package init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(Int.self, forKey: .type)
        if let known = Self.decodeKnown(type: ComponentType(rawValue: type), from: decoder) {
            self = known
        } else {
            self = .unknown(type: type, raw: try JSONValue(from: decoder))
        }
    }

    private static func decodeKnown(type: ComponentType, from decoder: any Decoder) -> Component? {
        switch type {
        case .actionRow: (try? ActionRow(from: decoder)).map(Component.actionRow)
        case .button: (try? Button(from: decoder)).map(Component.button)
        case .stringSelect: (try? StringSelect(from: decoder)).map(Component.stringSelect)
        case .textInput: (try? TextInput(from: decoder)).map(Component.textInput)
        case .userSelect, .roleSelect, .mentionableSelect, .channelSelect:
            (try? EntitySelect(from: decoder)).map(Component.entitySelect)
        case .section: (try? Section(from: decoder)).map(Component.section)
        case .textDisplay: (try? TextDisplay(from: decoder)).map(Component.textDisplay)
        case .thumbnail: (try? Thumbnail(from: decoder)).map(Component.thumbnail)
        case .mediaGallery: (try? MediaGallery(from: decoder)).map(Component.mediaGallery)
        case .file: (try? FileComponent(from: decoder)).map(Component.file)
        case .separator: (try? Separator(from: decoder)).map(Component.separator)
        case .container: (try? Container(from: decoder)).map(Component.container)
        case .label: (try? Label(from: decoder)).map(Component.label)
        case .fileUpload: (try? FileUpload(from: decoder)).map(Component.fileUpload)
        case .radioGroup: (try? RadioGroup(from: decoder)).map(Component.radioGroup)
        case .checkboxGroup: (try? CheckboxGroup(from: decoder)).map(Component.checkboxGroup)
        case .checkbox: (try? Checkbox(from: decoder)).map(Component.checkbox)
        default: nil
        }
    }

    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .unknown(_, let raw):
            try raw.encode(to: encoder)
            return
        case .actionRow(let value): try value.encode(to: encoder)
        case .button(let value): try value.encode(to: encoder)
        case .stringSelect(let value): try value.encode(to: encoder)
        case .textInput(let value): try value.encode(to: encoder)
        case .entitySelect(let value):
            // The only payload that stores its own type number (four select types share it).
            try value.encode(to: encoder)
            return
        case .section(let value): try value.encode(to: encoder)
        case .textDisplay(let value): try value.encode(to: encoder)
        case .thumbnail(let value): try value.encode(to: encoder)
        case .mediaGallery(let value): try value.encode(to: encoder)
        case .file(let value): try value.encode(to: encoder)
        case .separator(let value): try value.encode(to: encoder)
        case .container(let value): try value.encode(to: encoder)
        case .label(let value): try value.encode(to: encoder)
        case .fileUpload(let value): try value.encode(to: encoder)
        case .radioGroup(let value): try value.encode(to: encoder)
        case .checkboxGroup(let value): try value.encode(to: encoder)
        case .checkbox(let value): try value.encode(to: encoder)
        }
        // The payload structs do not carry their type number; it is added to the same JSON object.
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type.rawValue, forKey: .type)
    }

    /// The components directly inside this one (action row and container children, a section's
    /// children and accessory, a label's component), for walking a component tree.
    package var children: [Component] {
        switch self {
        case .actionRow(let row): row.components
        case .section(let section): section.components + [section.accessory]
        case .container(let container): container.components
        case .label(let label): [label.component]
        case .unknown(_, let raw): Self.rawChildren(of: raw)
        default: []
        }
    }

    private static func rawChildren(of raw: JSONValue) -> [Component] {
        var found: [JSONValue] = raw["components"]?.arrayValue ?? []
        if let single = raw["component"] { found.append(single) }
        if let accessory = raw["accessory"] { found.append(accessory) }
        return found.compactMap { value in
            guard let type = value["type"]?.intValue else { return nil }
            return .unknown(type: type, raw: value)
        }
    }
}
