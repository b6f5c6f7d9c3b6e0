/// An option the user filled in when invoking a command, or a subcommand holding more options.
public struct ApplicationCommandInteractionOption: Sendable, Hashable, Codable {
    public var name: String
    public var type: ApplicationCommandOptionType?
    /// String, integer, double or boolean, as sent.
    public var value: JSONValue?
    public var options: [ApplicationCommandInteractionOption]?
    /// Set on the option being typed in an autocomplete interaction.
    public var focused: Bool?

    public init(
        name: String,
        type: ApplicationCommandOptionType? = nil,
        value: JSONValue? = nil,
        options: [ApplicationCommandInteractionOption]? = nil,
        focused: Bool? = nil
    ) {
        self.name = name
        self.type = type
        self.value = value
        self.options = options
        self.focused = focused
    }
}
