/// A select whose options Discord fills in: users (5), roles (6), mentionables (7) or channels (8).
public struct EntitySelect: Sendable, Hashable, Codable {
    /// One of ``ComponentType/userSelect``, ``ComponentType/roleSelect``,
    /// ``ComponentType/mentionableSelect`` or ``ComponentType/channelSelect``.
    public var type: ComponentType
    public var id: Int?
    public var customID: String
    public var placeholder: String?
    public var defaultValues: [SelectDefaultValue]?
    public var channelTypes: [ChannelType]?
    public var minValues: Int?
    public var maxValues: Int?
    public var required: Bool?
    public var disabled: Bool?
    /// The chosen ids (modal submissions).
    public var values: [String]?

    public init(
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
