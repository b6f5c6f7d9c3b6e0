/// Pick any number of options, in a modal inside a label (type 22). A submission carries the
/// chosen `values`.
package struct CheckboxGroup: Sendable, Hashable, Codable {
    package var id: Int?
    package var customID: String
    package var options: [ChoiceOption]?
    package var minValues: Int?
    package var maxValues: Int?
    package var required: Bool?
    package var values: [String]?

    package init(
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
