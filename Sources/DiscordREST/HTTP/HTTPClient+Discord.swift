public import AsyncHTTPClient
import NIOCore

extension HTTPClient {
    /// The process-wide client for Discord's API (never shut down, like `HTTPClient.shared`).
    ///
    /// Unlike `.shared` it arms no idle read timeout: with one armed, AsyncHTTPClient fails a
    /// precondition, taking the whole process down, when a server answers before it has read the
    /// whole request body (Discord's 413 for an oversized upload is such an answer). Every request
    /// carries its own deadline instead (`HTTPDiscordClientConfiguration.requestTimeout`).
    public static let discordAPI = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: Configuration(timeout: Configuration.Timeout(connect: .seconds(10))))
}
