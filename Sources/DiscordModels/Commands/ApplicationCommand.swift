/// An application command: what the bot registers (bulk overwrite) and what Discord returns.
/// When registering, leave the server-assigned fields (`id`, `applicationID`, `version`) `nil`.
package struct ApplicationCommand: Sendable, Hashable, Codable {
    package var id: Snowflake?
    package var type: ApplicationCommandType?
    package var applicationID: Snowflake?
    package var guildID: Snowflake?
    package var name: String
    package var nameLocalizations: [String: String]?
    /// 1-100 characters for slash commands; empty for user and message commands.
    package var description: String?
    package var descriptionLocalizations: [String: String]?
    package var options: [ApplicationCommandOption]?
    /// Permissions a member needs to see the command; `"0"` means administrators only.
    package var defaultMemberPermissions: Permissions?
    package var nsfw: Bool?
    package var integrationTypes: [Int]?
    package var contexts: [InteractionContextType]?
    package var version: Snowflake?

    package init(
        id: Snowflake? = nil,
        type: ApplicationCommandType? = nil,
        applicationID: Snowflake? = nil,
        guildID: Snowflake? = nil,
        name: String,
        nameLocalizations: [String: String]? = nil,
        description: String? = nil,
        descriptionLocalizations: [String: String]? = nil,
        options: [ApplicationCommandOption]? = nil,
        defaultMemberPermissions: Permissions? = nil,
        nsfw: Bool? = nil,
        integrationTypes: [Int]? = nil,
        contexts: [InteractionContextType]? = nil,
        version: Snowflake? = nil
    ) {
        self.id = id
        self.type = type
        self.applicationID = applicationID
        self.guildID = guildID
        self.name = name
        self.nameLocalizations = nameLocalizations
        self.description = description
        self.descriptionLocalizations = descriptionLocalizations
        self.options = options
        self.defaultMemberPermissions = defaultMemberPermissions
        self.nsfw = nsfw
        self.integrationTypes = integrationTypes
        self.contexts = contexts
        self.version = version
    }

    enum CodingKeys: String, CodingKey {
        case id, type, name, description, options, nsfw, contexts, version
        case applicationID = "application_id"
        case guildID = "guild_id"
        case nameLocalizations = "name_localizations"
        case descriptionLocalizations = "description_localizations"
        case defaultMemberPermissions = "default_member_permissions"
        case integrationTypes = "integration_types"
    }
}
