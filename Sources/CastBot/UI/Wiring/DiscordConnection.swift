import DiscordREST
import Foundation
import Logging

/// The bot's Discord REST client: the real API with the configured token, or the sandbox's API
/// (with the sandbox's own bot token) in sandbox mode.
enum DiscordConnection {
    static func client(configuration: CastBotConfiguration, sandbox: SandboxSession?, logger: Logger) -> any DiscordClient {
        client(configuration: configuration, token: configuration.discordToken?.secret ?? sandbox?.botToken, logger: logger)
    }

    static func client(configuration: CastBotConfiguration, token: String?, logger: Logger) -> any DiscordClient {
        var settings = HTTPDiscordClientConfiguration()
        settings.baseURL = configuration.apiBaseURL
        settings.version = CastBotVersion.current
        var restLogger = logger
        restLogger[metadataKey: "component"] = "discord-rest"
        return HTTPDiscordClient(token: token.flatMap { DiscordREST.DiscordToken($0) }, configuration: settings, logger: restLogger)
    }
}
