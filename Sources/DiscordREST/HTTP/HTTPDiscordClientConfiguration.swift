import Foundation

/// Settings of ``HTTPDiscordClient``. The defaults suit production against discord.com.
package struct HTTPDiscordClientConfiguration: Sendable, Hashable {
    /// REST base URL (`DISCORD_API_BASE_URL`); the sandbox's URL in sandbox mode.
    package var baseURL: String = "https://discord.com/api/v10"
    /// The URL and version in `User-Agent: DiscordBot (<url>, <version>)`.
    package var userAgentURL: String = "https://github.com/castbot/castbot-swift"
    package var version: String = "0.1.0"
    /// Time allowed for one attempt (connect, send, receive the whole answer).
    package var requestTimeout: Duration = .seconds(30)
    /// Longest total rate-limit waiting for one request (bucket resets, 429 `retry_after`, global
    /// pacing); beyond it the request fails with ``DiscordHTTPError/Kind/rateLimitWaitTooLong(needed:allowed:)``.
    package var maxRateLimitWait: Duration = .seconds(60)
    /// Retries after a 5xx answer, a timeout or a dropped connection, for requests that are safe
    /// to repeat (GET, PUT, PATCH, DELETE). A POST is never sent again after these: it may have
    /// reached Discord, so it fails with ``DiscordHTTPError/Kind/outcomeUnknown(_:)`` instead.
    package var maxRetries: Int = 3
    /// First retry delay; doubled for each further retry, with jitter (50-100 % of the delay).
    package var retryBaseDelay: Duration = .milliseconds(500)
    package var retryMaxDelay: Duration = .seconds(8)
    /// Retries after a connection could not be made (refused, DNS failure, connect timeout), for
    /// every method: the request was never written, so sending it again cannot duplicate it.
    ///
    /// The delays are ``connectRetryBaseDelay`` doubled per retry (with jitter), so with the
    /// defaults a refused connection fails after 3 attempts and at most 0.75 s of backoff: well
    /// within a second against a loopback host such as the sandbox, where a refusal is immediate.
    /// Each attempt to connect is bounded by the HTTP client's connect timeout (5 s for
    /// `HTTPClient.discordAPI`, which also makes no connect retries of its own) and by
    /// ``requestTimeout``, so against Discord a connection that cannot be made fails after at most
    /// 3 × 5 s + 0.75 s ≈ 16 s.
    package var maxConnectRetries: Int = 2
    package var connectRetryBaseDelay: Duration = .milliseconds(250)
    /// Discord's global limit is 50 requests per second per bot.
    package var globalRequestsPerSecond: Int = 50
    /// 401/403/429 answers allowed within ``invalidRequestWindow`` before the client stops
    /// sending. Discord bans at 10,000 per 10 minutes; 9,000 leaves a margin.
    package var invalidRequestLimit: Int = 9_000
    package var invalidRequestWindow: Duration = .seconds(600)
    /// Largest API answer read.
    package var maxResponseBytes: Int = 16 * 1024 * 1024
    /// Hosts attachments may be downloaded from, besides the API host of ``baseURL``.
    package var downloadHosts: Set<String> = ["cdn.discordapp.com", "media.discordapp.net"]

    package init() {}

    /// The `User-Agent` header value.
    package var userAgent: String { "DiscordBot (\(userAgentURL), \(version))" }
}

extension HTTPDiscordClientConfiguration {
    /// A `DISCORD_API_BASE_URL` that cannot be used, in words.
    package struct BaseURLError: Error, Sendable, Equatable, CustomStringConvertible {
        package let description: String
    }

    /// Checks a REST base URL and returns it without trailing slashes. It must be `https://`, or
    /// `http://` to a loopback host (an IP literal in 127.0.0.0/8, `::1`, or `localhost`; see
    /// ``LoopbackHost``): every request carries the bot token, which must never cross a network
    /// in clear.
    package static func checkedBaseURL(_ text: String) throws(BaseURLError) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty
        else {
            throw BaseURLError(description: "must be an https URL such as https://discord.com/api/v10")
        }
        if scheme == "http" && !LoopbackHost.contains(host) {
            throw BaseURLError(
                description: "may use http:// only for a loopback host (127.0.0.1, ::1 or localhost), since every request carries "
                    + "the bot token; use https:// for \(host)")
        }
        return text
    }
}
