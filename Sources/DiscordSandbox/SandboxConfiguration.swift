import Foundation
import HTTPConnectionGuard

/// How the sandbox presents itself: the bot's identity and Discord's limits.
package struct SandboxConfiguration: Sendable {
    /// The token the bot must send as `Authorization: Bot <token>`.
    package var botToken: String
    package var applicationID: String
    package var botUser: SandboxUser
    /// Where `run()` (the Service form) listens. `start(host:port:)` takes its own.
    package var host: String
    package var port: Int
    /// Discord's edge refuses clients whose User-Agent does not start with `DiscordBot`
    /// (403, code 40333). Turn off only to exercise other clients.
    package var requiresDiscordBotUserAgent: Bool
    /// Per-file upload limit; larger files get 413 / 40005.
    package var maxFileSize: Int
    /// Largest request body read at all; larger bodies get 413 / 40005.
    package var maxRequestBodySize: Int
    /// Files per message.
    package var maxFilesPerMessage: Int
    /// Webhooks per channel; creating one more gets 30007.
    package var maxWebhooksPerChannel: Int
    /// Interaction tokens accept follow-ups for this long.
    package var interactionTokenLifetime: Duration
    /// How long a signed attachment URL (`?ex=&is=&hm=`) stays valid after it was handed out;
    /// measured on the sandbox's clock, so tests expire URLs in virtual time. Discord: 24 hours.
    package var attachmentURLLifetime: Duration
    /// Limit applied to a route bucket no rule configures.
    package var defaultBucket: SandboxRateLimit
    /// Discord's global limit: requests per second with the bot token, and separately per IP
    /// address for requests without Authorization (webhook executions by token); interaction
    /// callbacks and follow-ups are exempt. nil disables the global limit.
    package var globalRequestsPerSecond: Int?
    /// Wall-clock time for message timestamps, `X-RateLimit-Reset` and signature timestamps.
    package var wallClock: @Sendable () -> Date
    /// Read deadline, idle timeout and connection cap of the sandbox's server, as for the bot's
    /// (a longer read deadline by default: uploads may be 100 MB).
    package var httpLimits: HTTPConnectionLimits
    /// `stop()` waits this long for requests in progress before cutting them off.
    package var shutdownGrace: Duration

    package init(
        botToken: String = "sandbox-bot-token",
        applicationID: String = "1100000000000000001",
        botUser: SandboxUser = SandboxUser(id: "1100000000000000001", username: "CastBot", isBot: true),
        host: String = "127.0.0.1",
        port: Int = 0,
        requiresDiscordBotUserAgent: Bool = true,
        maxFileSize: Int = 10_485_760,
        maxRequestBodySize: Int = 110 * 1_048_576,
        maxFilesPerMessage: Int = 10,
        maxWebhooksPerChannel: Int = 15,
        interactionTokenLifetime: Duration = .seconds(15 * 60),
        attachmentURLLifetime: Duration = .seconds(24 * 3600),
        defaultBucket: SandboxRateLimit = SandboxRateLimit(limit: 50, window: .seconds(1)),
        globalRequestsPerSecond: Int? = 50,
        wallClock: @escaping @Sendable () -> Date = { Date() },
        httpLimits: HTTPConnectionLimits = HTTPConnectionLimits(requestReadTimeout: .seconds(30)),
        shutdownGrace: Duration = .seconds(10)
    ) {
        self.botToken = botToken
        self.applicationID = applicationID
        self.botUser = botUser
        self.host = host
        self.port = port
        self.requiresDiscordBotUserAgent = requiresDiscordBotUserAgent
        self.maxFileSize = maxFileSize
        self.maxRequestBodySize = maxRequestBodySize
        self.maxFilesPerMessage = maxFilesPerMessage
        self.maxWebhooksPerChannel = maxWebhooksPerChannel
        self.interactionTokenLifetime = interactionTokenLifetime
        self.attachmentURLLifetime = attachmentURLLifetime
        self.defaultBucket = defaultBucket
        self.globalRequestsPerSecond = globalRequestsPerSecond
        self.wallClock = wallClock
        self.httpLimits = httpLimits
        self.shutdownGrace = shutdownGrace
    }
}

/// A rate limit: `limit` requests per `window`.
package struct SandboxRateLimit: Sendable, Hashable {
    package var limit: Int
    package var window: Duration

    package init(limit: Int, window: Duration) {
        self.limit = limit
        self.window = window
    }
}
