// DiscordSandbox module.
