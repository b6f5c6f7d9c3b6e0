/// A fixed choice for a string, integer or number option (also an autocomplete suggestion).
package struct ApplicationCommandOptionChoice: Sendable, Hashable, Codable {
    package var name: String
    package var nameLocalizations: [String: String]?
    /// A string, integer or double.
    package var value: JSONValue

    package init(name: String, nameLocalizations: [String: String]? = nil, value: JSONValue) {
        self.name = name
        self.nameLocalizations = nameLocalizations
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case name, value
        case nameLocalizations = "name_localizations"
    }
}
