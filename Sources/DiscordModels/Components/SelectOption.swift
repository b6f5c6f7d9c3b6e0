/// One choice of a string select.
public struct SelectOption: Sendable, Hashable, Codable {
    public var label: String
    public var value: String
    public var description: String?
    public var emoji: PartialEmoji?
    public var `default`: Bool?

    public init(label: String, value: String, description: String? = nil, emoji: PartialEmoji? = nil, default: Bool? = nil) {
        self.label = label
        self.value = value
        self.description = description
        self.emoji = emoji
        self.default = `default`
    }
}
