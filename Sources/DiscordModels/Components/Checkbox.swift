/// A single yes/no box, in a modal inside a label (type 23). A submission carries `value` (a Bool).
package struct Checkbox: Sendable, Hashable, Codable {
    package var id: Int?
    package var customID: String
    package var `default`: Bool?
    package var value: Bool?

    package init(id: Int? = nil, customID: String, default: Bool? = nil, value: Bool? = nil) {
        self.id = id
        self.customID = customID
        self.default = `default`
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case id, `default`, value
        case customID = "custom_id"
    }
}
