/// The `data` of an interaction. One type covers all kinds, since Discord's shapes overlap:
/// - application commands and autocomplete: `id`, `name`, `type`, `options`, `resolved`, `target_id`
/// - message components: `custom_id`, `component_type`, `values`, `resolved`
/// - modal submissions: `custom_id`, `components` (what the user submitted), `resolved`
package struct InteractionData: Sendable, Hashable, Codable {
    package var id: Snowflake?
    package var name: String?
    /// The command's type (application command interactions).
    package var type: ApplicationCommandType?
    package var options: [ApplicationCommandInteractionOption]?
    package var guildID: Snowflake?
    package var targetID: Snowflake?
    package var customID: String?
    package var componentType: ComponentType?
    package var values: [String]?
    package var components: [Component]?
    package var resolved: ResolvedData?

    package init(
        id: Snowflake? = nil,
        name: String? = nil,
        type: ApplicationCommandType? = nil,
        options: [ApplicationCommandInteractionOption]? = nil,
        guildID: Snowflake? = nil,
        targetID: Snowflake? = nil,
        customID: String? = nil,
        componentType: ComponentType? = nil,
        values: [String]? = nil,
        components: [Component]? = nil,
        resolved: ResolvedData? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.options = options
        self.guildID = guildID
        self.targetID = targetID
        self.customID = customID
        self.componentType = componentType
        self.values = values
        self.components = components
        self.resolved = resolved
    }

    enum CodingKeys: String, CodingKey {
        case id, name, type, options, values, components, resolved
        case guildID = "guild_id"
        case targetID = "target_id"
        case customID = "custom_id"
        case componentType = "component_type"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = container.lenient(Snowflake.self, forKey: .id)
        name = container.lenient(String.self, forKey: .name)
        type = container.lenient(ApplicationCommandType.self, forKey: .type)
        options = container.lenient([ApplicationCommandInteractionOption].self, forKey: .options)
        guildID = container.lenient(Snowflake.self, forKey: .guildID)
        targetID = container.lenient(Snowflake.self, forKey: .targetID)
        customID = container.lenient(String.self, forKey: .customID)
        componentType = container.lenient(ComponentType.self, forKey: .componentType)
        values = container.lenient([String].self, forKey: .values)
        components = container.lenient([Component].self, forKey: .components)
        resolved = container.lenient(ResolvedData.self, forKey: .resolved)
    }
}
