public import DiscordREST
import Foundation
public import Logging

extension HTTPDiscordClient {
    /// The bot's Discord REST client at the configured API base URL with the configured token.
    public static func bot(configuration: CastBotConfiguration, logger: Logger) -> HTTPDiscordClient {
        var settings = HTTPDiscordClientConfiguration()
        settings.baseURL = configuration.apiBaseURL
        settings.version = CastBotVersion.current
        var restLogger = logger
        restLogger[metadataKey: "component"] = "discord-rest"
        return HTTPDiscordClient(token: configuration.discordToken, configuration: settings, logger: restLogger)
    }
}
