/// Pick any number of options, in a modal inside a label (type 22). A submission carries the
/// chosen `values`.
public struct CheckboxGroup: Sendable, Hashable, Codable {
    public var id: Int?
    public var customID: String
    public var options: [ChoiceOption]?
    public var minValues: Int?
    public var maxValues: Int?
    public var required: Bool?
    public var values: [String]?

    public init(
        id: Int? = nil,
        customID: String,
        options: [ChoiceOption]? = nil,
        minValues: Int? = nil,
        maxValues: Int? = nil,
        required: Bool? = nil,
        values: [String]? = nil
    ) {
        self.id = id
        self.customID = customID
        self.options = options
        self.minValues = minValues
        self.maxValues = maxValues
        self.required = required
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case id, options, required, values
        case customID = "custom_id"
        case minValues = "min_values"
        case maxValues = "max_values"
    }
}
