/// A fixed choice for a string, integer or number option (also an autocomplete suggestion).
public struct ApplicationCommandOptionChoice: Sendable, Hashable, Codable {
    public var name: String
    public var nameLocalizations: [String: String]?
    /// A string, integer or double.
    public var value: JSONValue

    public init(name: String, nameLocalizations: [String: String]? = nil, value: JSONValue) {
        self.name = name
        self.nameLocalizations = nameLocalizations
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case name, value
        case nameLocalizations = "name_localizations"
    }
}
