/// A select menu of defined text options (type 3), in messages (inside an action row) or modals
/// (inside a label). In a modal submission it carries only `custom_id` and the chosen `values`.
package struct StringSelect: Sendable, Hashable, Codable {
    package var id: Int?
    package var customID: String
    package var options: [SelectOption]?
    package var placeholder: String?
    package var minValues: Int?
    package var maxValues: Int?
    package var required: Bool?
    package var disabled: Bool?
    /// The chosen option values (modal submissions).
    package var values: [String]?

    package init(
        id: Int? = nil,
        customID: String,
        options: [SelectOption]? = nil,
        placeholder: String? = nil,
        minValues: Int? = nil,
        maxValues: Int? = nil,
        required: Bool? = nil,
        disabled: Bool? = nil,
        values: [String]? = nil
    ) {
        self.id = id
        self.customID = customID
        self.options = options
        self.placeholder = placeholder
        self.minValues = minValues
        self.maxValues = maxValues
        self.required = required
        self.disabled = disabled
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case id, options, placeholder, required, disabled, values
        case customID = "custom_id"
        case minValues = "min_values"
        case maxValues = "max_values"
    }
}
