/// One choice of a radio group or a checkbox group.
package struct ChoiceOption: Sendable, Hashable, Codable {
    package var value: String
    package var label: String
    package var description: String?
    package var `default`: Bool?

    package init(value: String, label: String, description: String? = nil, default: Bool? = nil) {
        self.value = value
        self.label = label
        self.description = description
        self.default = `default`
    }
}
