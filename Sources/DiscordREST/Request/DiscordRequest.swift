import Foundation

/// Everything needed to make one API call. Endpoint methods build these; ``DiscordClient/send(_:)``
/// performs them.
package struct DiscordRequest: Sendable, Hashable, CustomStringConvertible {
    /// How the request authenticates.
    package enum Auth: Sendable, Hashable {
        /// `Authorization: Bot <token>`.
        case bot
        /// No `Authorization` header (webhook-token and interaction-token routes).
        case none
    }

    /// The request body.
    package enum Body: Sendable, Hashable {
        case none
        /// A JSON document, sent as `application/json`.
        case json(Data)
        /// `multipart/form-data` with a `payload_json` part (when not nil) and `files[n]` parts.
        case multipart(payloadJSON: Data?, files: [DiscordFile])
    }

    package struct QueryItem: Sendable, Hashable {
        package var name: String
        package var value: String

        package init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    package var route: DiscordRoute
    package var query: [QueryItem]
    /// Extra headers. Authorization, User-Agent, Content-Type and X-Audit-Log-Reason are set by
    /// the client from the other fields and cannot be overridden here.
    package var headers: [String: String]
    package var body: Body
    package var auth: Auth
    /// Shown in the guild's audit log (sent URL-encoded as `X-Audit-Log-Reason`).
    package var auditLogReason: String?
    /// Where the request queues for Discord's global limit (see ``Priority``).
    package var priority: Priority

    package init(
        route: DiscordRoute,
        query: [QueryItem] = [],
        headers: [String: String] = [:],
        body: Body = .none,
        auth: Auth = .bot,
        auditLogReason: String? = nil,
        priority: Priority = .interaction
    ) {
        self.route = route
        self.query = query
        self.headers = headers
        self.body = body
        self.auth = auth
        self.auditLogReason = auditLogReason
        self.priority = priority
    }

    /// The redacted route, body kind and auth; never a token.
    package var description: String {
        let bodyText =
            switch body {
            case .none: "no body"
            case .json(let data): "JSON, \(data.count) bytes"
            case .multipart(_, let files): "multipart, \(files.count) file(s)"
            }
        return "\(route) (\(bodyText), auth: \(auth == .bot ? "bot" : "none"))"
    }
}
