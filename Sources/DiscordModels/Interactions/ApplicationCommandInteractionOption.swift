/// An option the user filled in when invoking a command, or a subcommand holding more options.
package struct ApplicationCommandInteractionOption: Sendable, Hashable, Codable {
    package var name: String
    package var type: ApplicationCommandOptionType?
    /// String, integer, double or boolean, as sent.
    package var value: JSONValue?
    package var options: [ApplicationCommandInteractionOption]?
    /// Set on the option being typed in an autocomplete interaction.
    package var focused: Bool?

    package init(
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
