import AsyncHTTPClient
import NIOCore

extension HTTPClient {
    /// The process-wide client for Discord's API (never shut down, like `HTTPClient.shared`).
    ///
    /// Unlike `.shared` it arms no idle read timeout: with one armed, AsyncHTTPClient fails a
    /// precondition, taking the whole process down, when a server answers before it has read the
    /// whole request body (Discord's 413 for an oversized upload is such an answer). Every request
    /// carries its own deadline instead (`HTTPDiscordClientConfiguration.requestTimeout`).
    ///
    /// A connection that cannot be made fails the request at once (or after the 5 s connect
    /// timeout) rather than being retried inside the pool until the request's deadline: the pool
    /// retries on real time and would hold a refused request for the whole deadline. ``HTTPDiscordClient``
    /// retries such failures itself, a bounded number of times on its own clock
    /// (`HTTPDiscordClientConfiguration.maxConnectRetries`).
    ///
    /// It follows no redirects: an API request would carry the bot token to wherever a redirect
    /// points, and a download must reach only the hosts ``HTTPDiscordClient`` allows, not one a
    /// `Location` header names (a 3xx answer fails the request instead).
    package static let discordAPI: HTTPClient = {
        var configuration = Configuration(timeout: Configuration.Timeout(connect: .seconds(5)))
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
