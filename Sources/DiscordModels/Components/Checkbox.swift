/// A single yes/no box, in a modal inside a label (type 23). A submission carries `value` (a Bool).
public struct Checkbox: Sendable, Hashable, Codable {
    public var id: Int?
    public var customID: String
    public var `default`: Bool?
    public var value: Bool?

    public init(id: Int? = nil, customID: String, default: Bool? = nil, value: Bool? = nil) {
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
