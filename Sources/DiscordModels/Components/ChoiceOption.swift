/// One choice of a radio group or a checkbox group.
public struct ChoiceOption: Sendable, Hashable, Codable {
    public var value: String
    public var label: String
    public var description: String?
    public var `default`: Bool?

    public init(value: String, label: String, description: String? = nil, default: Bool? = nil) {
        self.value = value
        self.label = label
        self.description = description
        self.default = `default`
    }
}
