import Foundation
import DiscordModels

/// Why a Discord request failed. Every failure of ``DiscordClient`` is one of these.
///
/// The route is always the redacted form (`POST /webhooks/123/:token`), and no text in an error
/// ever contains the bot token or a webhook or interaction token.
package struct DiscordHTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Kind: Sendable, Hashable {
        /// Discord answered with a non-success status (see ``status``, ``code``, ``message``).
        case httpStatus
        /// Rate limits would have needed more waiting than the client allows for one request.
        case rateLimitWaitTooLong(needed: Duration, allowed: Duration)
        /// The client refused to send: too many 401/403/429 answers in the last ten minutes, and
        /// Discord bans clients (at Cloudflare) that reach 10,000.
        case invalidRequestLimitReached(count: Int, window: Duration)
        /// No answer: timeout, refused or dropped connection (after retries), or the HTTP client
        /// could not send (bad URL, shut down, cancelled). For a POST that was not cancelled this
        /// means it certainly did not reach Discord: a POST that may have reached it fails with
        /// ``outcomeUnknown(_:)`` instead.
        case transport(String)
        /// A POST may have reached Discord, but no usable answer came: a timeout or dropped
        /// connection after it was sent, or a 5xx answer (then ``status``, ``code`` and ``body``
        /// say which). It was not sent again, because Discord may have acted on it (posted the
        /// message, stored the upload). Find out whether it did (e.g. list the channel's recent
        /// messages) before sending it again.
        case outcomeUnknown(String)
        /// A download from a host that is not Discord's CDN (nor the configured API host).
        case downloadHostNotAllowed(String)
        /// The answer (or download) is larger than allowed.
        case responseTooLarge(limit: Int)
        /// The answer could not be read as the expected type.
        case invalidResponse(String)
        /// The request could not be made (no bot token configured, bad URL, ...).
        case invalidRequest(String)
    }

    package var kind: Kind
    /// `METHOD /redacted/path` (or the download host).
    package var route: String
    package var status: Int?
    package var code: DiscordJSONErrorCode?
    package var message: String?
    /// Discord's error body, when it sent one.
    package var body: DiscordErrorBody?

    package init(
        kind: Kind,
        route: String,
        status: Int? = nil,
        code: DiscordJSONErrorCode? = nil,
        message: String? = nil,
        body: DiscordErrorBody? = nil
    ) {
        self.kind = kind
        self.route = route
        self.status = status
        self.code = code
        self.message = message
        self.body = body
    }

    /// An HTTP status error carrying Discord's error body (as a fake would report it).
    package static func status(_ status: Int, code: DiscordJSONErrorCode? = nil, message: String? = nil, route: String) -> DiscordHTTPError {
        DiscordHTTPError(
            kind: .httpStatus,
            route: route,
            status: status,
            code: code,
            message: message,
            body: DiscordErrorBody(code: code, message: message)
        )
    }

    /// 10003: the channel was deleted or is not visible.
    package var isUnknownChannel: Bool { code == .unknownChannel }
    /// 10015: the webhook is gone.
    package var isUnknownWebhook: Bool { code == .unknownWebhook }
    /// 50001 / 50013: the bot lacks access or permissions.
    package var isMissingAccessOrPermissions: Bool { code == .missingAccess || code == .missingPermissions }
    /// 30007: the channel already has the maximum number of webhooks (15).
    package var isMaximumWebhooksReached: Bool { code == .maximumWebhooksReached }

    /// The request may or may not have taken effect at Discord (see ``Kind/outcomeUnknown(_:)``).
    package var isOutcomeUnknown: Bool {
        if case .outcomeUnknown = kind { return true }
        return false
    }

    /// Whether trying the same request later might succeed. False when the outcome is unknown:
    /// sending the same request again might do it twice.
    package var isTransient: Bool {
        switch kind {
        case .transport, .rateLimitWaitTooLong, .invalidRequestLimitReached: true
        case .outcomeUnknown: false
        case .httpStatus: (status ?? 0) >= 500 || status == 429
        default: false
        }
    }

    /// One line for logs and for a DM to an admin.
    package var description: String {
        switch kind {
        case .httpStatus:
            let detail = body?.summary ?? message ?? "no details"
            return "Discord answered \(status.map(String.init) ?? "?") to \(route): \(detail)"
        case .rateLimitWaitTooLong(let needed, let allowed):
            return "Discord rate limit on \(route) needed \(Self.seconds(needed)) of waiting; at most \(Self.seconds(allowed)) is allowed per request"
        case .invalidRequestLimitReached(let count, let window):
            return "Not sending \(route): \(count) requests failed with 401/403/429 in the last \(Self.seconds(window)); "
                + "sending more risks a temporary ban from Discord's API"
        case .transport(let reason):
            return "No answer from Discord for \(route): \(reason)"
        case .outcomeUnknown(let reason):
            return "Outcome of \(route) unknown: \(reason); the request may have reached Discord and was not repeated"
        case .downloadHostNotAllowed(let host):
            return "Not downloading from \(host): only Discord's CDN (cdn.discordapp.com, media.discordapp.net) is allowed"
        case .responseTooLarge(let limit):
            return "The answer to \(route) is larger than the allowed \(limit) bytes"
        case .invalidResponse(let reason):
            return "Unexpected answer to \(route): \(reason)"
        case .invalidRequest(let reason):
            return "Cannot send \(route): \(reason)"
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let components = duration.components
        let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return String(format: "%.1f s", value)
    }
}
