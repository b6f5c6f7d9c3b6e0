public import DiscordModels

/// The slash commands the bot registers: `/menu`, in servers only, for members with Manage Server.
public enum CastBotCommands {
    public static let menu = ApplicationCommand(
        type: .chatInput,
        name: CustomID.menuCommand,
        description: "CastBot player data: export, import and schedule backups of this server",
        defaultMemberPermissions: .manageGuild,
        integrationTypes: [0],
        contexts: [.guild]
    )

    public static let all: [ApplicationCommand] = [menu]
}
