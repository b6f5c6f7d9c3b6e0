import Foundation
import DiscordREST
import ExportEncryption
import HTTPConnectionGuard
import Logging

/// The service's settings, validated. Built by `CastBotConfiguration.load(environment:)`.
package struct CastBotConfiguration: Sendable, CustomStringConvertible {
    /// Unset means sandbox mode: a local stand-in plays Discord.
    package var discordToken: DiscordToken?
    /// Required with a token; optional in sandbox mode.
    package var applicationID: String?
    /// Required with a token; in sandbox mode the sandbox's own key is filled in before the server starts.
    package var publicKey: DiscordPublicKey?
    /// REST base without a trailing slash.
    package var apiBaseURL: String
    package var dataDirectory: String
    package var httpHost: String
    package var httpPort: Int
    /// Users allowed "All servers" exports, as snowflake strings.
    package var ownerIDs: [String]
    package var logLevel: Logger.Level
    /// Read deadline, keep-alive idle timeout and connection cap of the interactions server.
    package var httpLimits: HTTPConnectionLimits
    /// Graceful shutdown's whole budget: in-flight interactions, their follow-ups and scheduled
    /// runs get this long after SIGTERM; what is left is then cut off (and logged) and state saved.
    package var shutdownGrace: Duration
    /// The admin listener serving `/status`; nil (the default) runs none.
    package var adminAddress: AdminAddress?
    /// When set, the admin listener answers 401 to requests without `Authorization: Bearer <token>`.
    package var adminToken: AdminToken?
    /// `/metrics` on the admin listener only (not on the interactions listener); needs `adminAddress`.
    package var metricsOnAdmin = false
    /// Public keys every export is encrypted to (docs/EXPORT-ENCRYPTION.md); empty sends exports readable. A
    /// host setting like the token: guild admins cannot turn it off per schedule.
    package var exportRecipients: [ExportPublicKey]
    /// Cluster mode (docs/OPERATIONS.md, "Cluster mode"): the PostgreSQL database every replica shares. Nil (the
    /// default) keeps the state and the player data in the data folder.
    package var databaseURL: String?
    /// Sandbox mode only: the loopback port of the local stand-in for Discord, where
    /// `castbot sandbox` finds it too. Never the interactions or the admin port.
    package var sandboxPort: Int

    package static let defaultAPIBaseURL = "https://discord.com/api/v10"
    package static let defaultDataDirectory = "./data"
    package static let defaultHTTPHost = "127.0.0.1"
    package static let defaultHTTPPort = 8080
    package static let defaultLogLevel = Logger.Level.info
    package static let defaultShutdownGrace: Duration = .seconds(10)
    package static let defaultSandboxPort = 8090

    package init(
        discordToken: DiscordToken? = nil,
        applicationID: String? = nil,
        publicKey: DiscordPublicKey? = nil,
        apiBaseURL: String = Self.defaultAPIBaseURL,
        dataDirectory: String = Self.defaultDataDirectory,
        httpHost: String = Self.defaultHTTPHost,
        httpPort: Int = Self.defaultHTTPPort,
        ownerIDs: [String] = [],
        logLevel: Logger.Level = Self.defaultLogLevel,
        httpLimits: HTTPConnectionLimits = HTTPConnectionLimits(),
        shutdownGrace: Duration = Self.defaultShutdownGrace,
        adminAddress: AdminAddress? = nil,
        adminToken: AdminToken? = nil,
        exportRecipients: [ExportPublicKey] = [],
        sandboxPort: Int = Self.defaultSandboxPort
    ) {
        self.discordToken = discordToken
        self.applicationID = applicationID
        self.publicKey = publicKey
        self.apiBaseURL = apiBaseURL
        self.dataDirectory = dataDirectory
        self.httpHost = httpHost
        self.httpPort = httpPort
        self.ownerIDs = ownerIDs
        self.logLevel = logLevel
        self.httpLimits = httpLimits
        self.shutdownGrace = shutdownGrace
        self.adminAddress = adminAddress
        self.adminToken = adminToken
        self.exportRecipients = exportRecipients
        self.sandboxPort = sandboxPort
    }

    /// Sandbox mode: no token, so nothing talks to the real Discord.
    package var isSandbox: Bool { discordToken == nil }

    /// Safe to log: the token is shown only as set or unset.
    package var description: String {
        [
            "mode=\(isSandbox ? "sandbox" : "discord")",
            "token=\(discordToken == nil ? "<unset>" : "<redacted>")",
            "applicationID=\(applicationID ?? "<unset>")",
            "publicKey=\(publicKey?.hex ?? "<unset>")",
            "apiBaseURL=\(apiBaseURL)",
            "dataDirectory=\(dataDirectory)",
            "http=\(httpHost):\(httpPort)",
            "owners=\(ownerIDs.count)",
            "logLevel=\(logLevel)",
            "httpReadTimeout=\(httpLimits.requestReadTimeout)",
            "httpIdleTimeout=\(httpLimits.idleTimeout)",
            "httpMaxConnections=\(httpLimits.maxConnections)",
            "shutdownGrace=\(shutdownGrace)",
            "admin=\(adminAddress?.description ?? "<off>")",
            "adminToken=\(adminToken == nil ? "<unset>" : "<redacted>")",
            "metrics=\(metricsOnAdmin ? "admin" : "interactions")",
            "exportEncryption=\(exportRecipients.isEmpty ? "off" : "key ids " + exportRecipients.map(\.keyID).joined(separator: ","))",
            "database=\(databaseURL.map(Self.redactedDatabaseURL) ?? "<off>")",
            "sandboxPort=\(sandboxPort)",
        ].joined(separator: " ")
    }

    /// The database URL without its user and password.
    static func redactedDatabaseURL(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return "<set>" }
        return "\(components.scheme ?? "postgres")://\(host)\(components.port.map { ":\($0)" } ?? "")\(components.path)"
    }
}

/// Every setting the service reads, by its environment variable name.
package enum ConfigurationKey: String, CaseIterable, Sendable {
    case discordToken = "DISCORD_TOKEN"
    case discordApplicationID = "DISCORD_APPLICATION_ID"
    case discordPublicKey = "DISCORD_PUBLIC_KEY"
    case discordAPIBaseURL = "DISCORD_API_BASE_URL"
    case dataDirectory = "CASTBOT_DATA_DIR"
    case httpHost = "CASTBOT_HTTP_HOST"
    case httpPort = "CASTBOT_HTTP_PORT"
    case ownerIDs = "CASTBOT_OWNER_IDS"
    case logLevel = "CASTBOT_LOG_LEVEL"
    case httpReadTimeout = "CASTBOT_HTTP_READ_TIMEOUT_SECONDS"
    case httpIdleTimeout = "CASTBOT_HTTP_IDLE_TIMEOUT_SECONDS"
    case httpMaxConnections = "CASTBOT_HTTP_MAX_CONNECTIONS"
    case shutdownGrace = "CASTBOT_SHUTDOWN_GRACE_SECONDS"
    case adminAddress = "CASTBOT_ADMIN_ADDRESS"
    case adminToken = "CASTBOT_ADMIN_TOKEN"
    case metricsOnAdmin = "CASTBOT_METRICS_ON_ADMIN"
    case exportRecipients = "CASTBOT_EXPORT_RECIPIENTS"
    case databaseURL = "CASTBOT_DATABASE_URL"
    case sandboxPort = "CASTBOT_SANDBOX_PORT"
    /// Only read from the environment: it names the file that adds the other settings.
    case configFile = "CASTBOT_CONFIG_FILE"
}

/// Everything wrong with the configuration at once, one operator-readable sentence per problem,
/// so a bad deploy is fixed in one round instead of one restart per mistake.
package struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    package let problems: [String]

    package init(problems: [String]) {
        self.problems = problems
    }

    package var description: String {
        "Invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
