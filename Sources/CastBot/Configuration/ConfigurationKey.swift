/// Every setting the service reads, by its environment variable name.
public enum ConfigurationKey: String, CaseIterable, Sendable {
    case discordToken = "DISCORD_TOKEN"
    case discordApplicationID = "DISCORD_APPLICATION_ID"
    case discordPublicKey = "DISCORD_PUBLIC_KEY"
    case discordAPIBaseURL = "DISCORD_API_BASE_URL"
    case dataDirectory = "CASTBOT_DATA_DIR"
    case httpHost = "CASTBOT_HTTP_HOST"
    case httpPort = "CASTBOT_HTTP_PORT"
    case ownerIDs = "CASTBOT_OWNER_IDS"
    case logLevel = "CASTBOT_LOG_LEVEL"
    /// Only read from the environment: it names the file that adds the other settings.
    case configFile = "CASTBOT_CONFIG_FILE"
}
