/// A parameter (or subcommand) of a slash command.
package struct ApplicationCommandOption: Sendable, Hashable, Codable {
    package var type: ApplicationCommandOptionType
    package var name: String
    package var nameLocalizations: [String: String]?
    package var description: String
    package var descriptionLocalizations: [String: String]?
    package var required: Bool?
    package var choices: [ApplicationCommandOptionChoice]?
    package var options: [ApplicationCommandOption]?
    package var channelTypes: [ChannelType]?
    package var minValue: JSONValue?
    package var maxValue: JSONValue?
    package var minLength: Int?
    package var maxLength: Int?
    package var autocomplete: Bool?

    package init(
        type: ApplicationCommandOptionType,
        name: String,
        nameLocalizations: [String: String]? = nil,
        description: String,
        descriptionLocalizations: [String: String]? = nil,
        required: Bool? = nil,
        choices: [ApplicationCommandOptionChoice]? = nil,
        options: [ApplicationCommandOption]? = nil,
        channelTypes: [ChannelType]? = nil,
        minValue: JSONValue? = nil,
        maxValue: JSONValue? = nil,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        autocomplete: Bool? = nil
    ) {
        self.type = type
        self.name = name
        self.nameLocalizations = nameLocalizations
        self.description = description
        self.descriptionLocalizations = descriptionLocalizations
        self.required = required
        self.choices = choices
        self.options = options
        self.channelTypes = channelTypes
        self.minValue = minValue
        self.maxValue = maxValue
        self.minLength = minLength
        self.maxLength = maxLength
        self.autocomplete = autocomplete
    }

    enum CodingKeys: String, CodingKey {
        case type, name, description, required, choices, options, autocomplete
        case nameLocalizations = "name_localizations"
        case descriptionLocalizations = "description_localizations"
        case channelTypes = "channel_types"
        case minValue = "min_value"
        case maxValue = "max_value"
        case minLength = "min_length"
        case maxLength = "max_length"
    }
}
