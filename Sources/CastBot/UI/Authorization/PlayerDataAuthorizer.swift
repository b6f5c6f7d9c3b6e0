import DiscordModels

/// Who may do what with player data (DESIGN §4): everything happens inside a server, by a member
/// with Manage Server or Administrator; "all servers" is for the bot's owners only; the bot needs
/// its channel permissions before it promises to post there.
struct PlayerDataAuthorizer: Sendable {
    let ownerIDs: Set<String>

    /// Permissions the bot needs in a channel to deliver exports through a temporary webhook.
    static let exportChannelPermissions: [Permissions] = [.viewChannel, .sendMessages, .attachFiles, .manageWebhooks]
    /// The health report carries no file.
    static let healthChannelPermissions: [Permissions] = [.viewChannel, .sendMessages, .manageWebhooks]

    func isOwner(_ interaction: PlayerDataInteraction) -> Bool {
        interaction.userID.map(ownerIDs.contains) ?? false
    }

    /// The server, channel and user of an interaction that must happen inside a server.
    func requireGuild(_ interaction: PlayerDataInteraction) throws(Refusal) -> GuildPlace {
        guard !interaction.isOutsideGuild, let guildID = interaction.guildID, let channelID = interaction.channelID,
            let userID = interaction.userID
        else {
            throw Refusal(
                "🚫 Player data works only inside a server: use /menu in a channel of the server whose data you "
                    + "want, not in a direct message.")
        }
        return GuildPlace(guildID: guildID, channelID: channelID, userID: userID)
    }

    /// Manage Server (1<<5) or Administrator (1<<3), from `member.permissions`.
    func requireServerManager(_ interaction: PlayerDataInteraction) throws(Refusal) {
        let permissions = interaction.interaction.member?.permissions ?? []
        guard permissions.contains(.manageGuild) || permissions.contains(.administrator) else {
            throw Refusal(
                "🚫 You need the **Manage Server** or **Administrator** permission in this server to manage its player data.")
        }
    }

    /// Both checks every server-scoped action starts with.
    func requireServerManagerInGuild(_ interaction: PlayerDataInteraction) throws(Refusal) -> GuildPlace {
        let place = try requireGuild(interaction)
        try requireServerManager(interaction)
        return place
    }

    func requireOwner(_ interaction: PlayerDataInteraction, for action: String) throws(Refusal) {
        guard isOwner(interaction) else {
            throw Refusal("🚫 \(action) is only for the bot's owners (the user ids in CASTBOT_OWNER_IDS).")
        }
    }

    /// Names every permission from `required` that the bot lacks in this channel (`app_permissions`).
    func requireBotPermissions(
        _ required: [Permissions], in interaction: PlayerDataInteraction, toPost what: String = "exports"
    ) throws(Refusal) {
        let granted = interaction.interaction.appPermissions ?? []
        guard !granted.contains(.administrator) else { return }
        let missing = required.filter { !granted.contains($0) }
        guard !missing.isEmpty else { return }
        let names = missing.flatMap(\.names)
        let channel = interaction.channelID.map { "<#\($0)>" } ?? "this channel"
        let all = required.flatMap(\.names).joined(separator: ", ")
        throw Refusal(
            "🚫 I'm missing \(names.count == 1 ? "a permission" : "permissions") in \(channel): "
                + names.map { "**\($0)**" }.joined(separator: ", ")
                + ". I need \(all) here to post \(what); grant \(names.count == 1 ? "it" : "them") and try again.")
    }
}

/// Where a server-scoped interaction happened.
struct GuildPlace: Sendable, Equatable {
    let guildID: String
    let channelID: String
    let userID: String
}
