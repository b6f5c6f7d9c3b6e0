/// Pick exactly one option, in a modal inside a label (type 21). A submission carries the chosen
/// `value` (`null` when nothing was chosen).
package struct RadioGroup: Sendable, Hashable, Codable {
    package var id: Int?
    package var customID: String
    package var options: [ChoiceOption]?
    package var required: Bool?
    package var value: String?

    package init(id: Int? = nil, customID: String, options: [ChoiceOption]? = nil, required: Bool? = nil, value: String? = nil) {
        self.id = id
        self.customID = customID
        self.options = options
        self.required = required
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case id, options, required, value
        case customID = "custom_id"
    }
}
