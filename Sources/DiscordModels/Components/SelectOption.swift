/// One choice of a string select.
package struct SelectOption: Sendable, Hashable, Codable {
    package var label: String
    package var value: String
    package var description: String?
    package var emoji: PartialEmoji?
    package var `default`: Bool?

    package init(label: String, value: String, description: String? = nil, emoji: PartialEmoji? = nil, default: Bool? = nil) {
        self.label = label
        self.value = value
        self.description = description
        self.emoji = emoji
        self.default = `default`
    }
}
