// DiscordREST module.
