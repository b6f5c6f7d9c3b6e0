import DiscordModels
import DiscordREST
import Foundation
import Logging

/// What a command-line tool needs to talk to Discord as the bot, read like `castbot serve` reads
/// them (`ConfigurationSource`: the environment, then `CASTBOT_CONFIG_FILE`):
/// `DISCORD_TOKEN`, `DISCORD_APPLICATION_ID` and `DISCORD_API_BASE_URL` (optional).
package struct CommandLineDiscordAccess: Sendable {
    package let applicationID: Snowflake?
    let token: DiscordToken
    let apiBaseURL: String

    /// - Parameters:
    ///   - purpose: what the token is needed for, for the error ("registering commands").
    ///   - needsApplicationID: whether a missing application id is an error.
    /// - Throws: every missing or invalid setting at once.
    package init(environment: [String: String], purpose: String, needsApplicationID: Bool) throws(CommandLineDiscordAccessError) {
        var problems: [String] = []
        let source = ConfigurationSource(environment: environment)
        let tokenText = source.value(.discordToken) ?? ""
        let token = DiscordToken(tokenText)
        if tokenText.isEmpty {
            problems.append("DISCORD_TOKEN is not set: \(purpose) talks to Discord and needs the bot token")
        } else if token == nil {
            problems.append("DISCORD_TOKEN is not a usable token (it is empty or contains spaces)")
        }
        let idText = source.value(.discordApplicationID) ?? ""
        let applicationID = Snowflake(typed: idText)
        if idText.isEmpty {
            if needsApplicationID {
                problems.append("DISCORD_APPLICATION_ID is not set (the application id from the Discord developer portal)")
            }
        } else if applicationID == nil {
            problems.append("DISCORD_APPLICATION_ID must be a Discord id (17–20 digits)")
        }
        var base = CastBotConfiguration.defaultAPIBaseURL
        if let text = source.value(.discordAPIBaseURL), !text.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                base = try HTTPDiscordClientConfiguration.checkedBaseURL(text)
            } catch {
                problems.append("DISCORD_API_BASE_URL \(error)")
            }
        }
        guard problems.isEmpty, let token else { throw CommandLineDiscordAccessError(problems: problems) }
        self.token = token
        self.applicationID = applicationID
        self.apiBaseURL = base
    }

    /// The configured application id, or the one the token belongs to (`GET /applications/@me`).
    package func applicationIDOrAsk(_ discord: any DiscordClient) async throws -> Snowflake {
        if let applicationID { return applicationID }
        do {
            return try await discord.getCurrentApplication().id
        } catch {
            throw CommandLineDiscordAccessError(
                problems: ["could not learn the bot's application id from Discord (\(error)); set DISCORD_APPLICATION_ID"])
        }
    }

    /// A client for the configured API, with the service's retries and rate limits.
    package func client(logger: Logger) -> HTTPDiscordClient {
        var settings = HTTPDiscordClientConfiguration()
        settings.baseURL = apiBaseURL
        settings.version = CastBotVersion.current
        return HTTPDiscordClient(token: token, configuration: settings, logger: logger)
    }
}

package struct CommandLineDiscordAccessError: Error, Sendable, CustomStringConvertible {
    package let problems: [String]

    package var description: String {
        "cannot reach Discord:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// Reads what `castbot register-commands` needs from the environment and runs it.
package struct CommandRegistrationSetup: Sendable {
    package let applicationID: DiscordModels.Snowflake
    let access: CommandLineDiscordAccess

    /// - Throws: `CommandRegistrationError` naming each missing or invalid setting.
    package init(environment: [String: String]) throws(CommandRegistrationError) {
        do {
            access = try CommandLineDiscordAccess(environment: environment, purpose: "registering commands", needsApplicationID: true)
        } catch {
            throw CommandRegistrationError(problems: error.problems)
        }
        guard let applicationID = access.applicationID else {
            throw CommandRegistrationError(problems: ["DISCORD_APPLICATION_ID is not set"])
        }
        self.applicationID = applicationID
    }

    /// Registers the bot's commands as `mode` says and returns what Discord stored.
    package func run(
        mode: CommandRegistration.Mode = .mergeGlobal, logger: Logger = Logger(label: "castbot.register-commands")
    ) async throws -> [ApplicationCommand] {
        try await CommandRegistration.register(client: access.client(logger: logger), applicationID: applicationID, mode: mode)
    }
}

package struct CommandRegistrationError: Error, Sendable, CustomStringConvertible {
    package let problems: [String]

    package var description: String {
        "cannot register commands:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
