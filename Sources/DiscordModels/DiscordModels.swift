// DiscordModels module.
