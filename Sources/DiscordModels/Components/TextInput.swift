/// A free-text input in a modal (type 4). In a submission it carries `custom_id` and `value`.
package struct TextInput: Sendable, Hashable, Codable {
    package var id: Int?
    package var customID: String
    /// Required when sending; absent in submissions.
    package var style: TextInputStyle?
    /// Deprecated in favour of the wrapping Label's text; still accepted in legacy action rows.
    package var label: String?
    package var minLength: Int?
    package var maxLength: Int?
    package var required: Bool?
    /// Pre-filled text when sending; the user's text in a submission.
    package var value: String?
    package var placeholder: String?

    package init(
        id: Int? = nil,
        customID: String,
        style: TextInputStyle? = nil,
        label: String? = nil,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        required: Bool? = nil,
        value: String? = nil,
        placeholder: String? = nil
    ) {
        self.id = id
        self.customID = customID
        self.style = style
        self.label = label
        self.minLength = minLength
        self.maxLength = maxLength
        self.required = required
        self.value = value
        self.placeholder = placeholder
    }

    enum CodingKeys: String, CodingKey {
        case id, style, label, required, value, placeholder
        case customID = "custom_id"
        case minLength = "min_length"
        case maxLength = "max_length"
    }
}
