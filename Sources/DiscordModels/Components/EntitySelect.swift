/// A select whose options Discord fills in: users (5), roles (6), mentionables (7) or channels (8).
package struct EntitySelect: Sendable, Hashable, Codable {
    /// One of ``ComponentType/userSelect``, ``ComponentType/roleSelect``,
    /// ``ComponentType/mentionableSelect`` or ``ComponentType/channelSelect``.
    package var type: ComponentType
    package var id: Int?
    package var customID: String
    package var placeholder: String?
    package var defaultValues: [SelectDefaultValue]?
    package var channelTypes: [ChannelType]?
    package var minValues: Int?
    package var maxValues: Int?
    package var required: Bool?
    package var disabled: Bool?
    /// The chosen ids (modal submissions).
    package var values: [String]?

    package init(
        type: ComponentType,
        id: Int? = nil,
        customID: String,
        placeholder: String? = nil,
        defaultValues: [SelectDefaultValue]? = nil,
        channelTypes: [ChannelType]? = nil,
        minValues: Int? = nil,
        maxValues: Int? = nil,
        required: Bool? = nil,
        disabled: Bool? = nil,
        values: [String]? = nil
    ) {
        self.type = type
        self.id = id
        self.customID = customID
        self.placeholder = placeholder
        self.defaultValues = defaultValues
        self.channelTypes = channelTypes
        self.minValues = minValues
        self.maxValues = maxValues
        self.required = required
        self.disabled = disabled
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case type, id, placeholder, required, disabled, values
        case customID = "custom_id"
        case defaultValues = "default_values"
        case channelTypes = "channel_types"
        case minValues = "min_values"
        case maxValues = "max_values"
    }
}
