import DiscordModels

/// The interaction a player data handler works with: the decoded payload plus the few facts the
/// checks and replies need, as plain strings.
struct PlayerDataInteraction: Sendable {
    let interaction: Interaction
    /// For prefix routes, the rest of the custom id (an import token).
    let parameter: String?

    var guildID: String? { interaction.guildID?.rawValue }
    var channelID: String? { interaction.sourceChannelID?.rawValue }
    var userID: String? { interaction.invokingUser?.id.rawValue }
    var data: InteractionData? { interaction.data }

    /// True when Discord says the interaction happened outside a server (a DM or group DM).
    var isOutsideGuild: Bool {
        guard guildID != nil else { return true }
        if let context = interaction.context { return context != .guild }
        return false
    }

    /// Decodes the routed body; nil when it is not an interaction Discord would send.
    init?(_ routed: RoutedInteraction) {
        guard let interaction = try? routed.decode(Interaction.self) else { return nil }
        self.interaction = interaction
        self.parameter = routed.parameter
    }
}
