import DiscordModels
import Foundation

/// An API route: method, path template and the values filled into it.
///
/// The template names its placeholders the way Discord's documentation does, e.g.
/// `/channels/{channel.id}/webhooks`. Secret values (webhook and interaction tokens) are filled
/// into ``path`` for the request, and shown as `:token` in ``redactedPath``, the only form that
/// may appear in logs, errors and metrics.
package struct DiscordRoute: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// One value of a route template.
    package enum Parameter: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        case channel(Snowflake)
        case guild(Snowflake)
        case webhook(Snowflake)
        case webhookToken(String)
        case application(Snowflake)
        case interaction(Snowflake)
        case interactionToken(String)
        case message(Snowflake)
        case user(Snowflake)
        case command(Snowflake)

        /// The placeholder this value fills, as written in templates.
        package var placeholder: String {
            switch self {
            case .channel: "{channel.id}"
            case .guild: "{guild.id}"
            case .webhook: "{webhook.id}"
            case .webhookToken: "{webhook.token}"
            case .application: "{application.id}"
            case .interaction: "{interaction.id}"
            case .interactionToken: "{interaction.token}"
            case .message: "{message.id}"
            case .user: "{user.id}"
            case .command: "{command.id}"
            }
        }

        var value: String {
            switch self {
            case .channel(let id), .guild(let id), .webhook(let id), .application(let id),
                .interaction(let id), .message(let id), .user(let id), .command(let id):
                id.rawValue
            case .webhookToken(let token), .interactionToken(let token):
                token
            }
        }

        var isSecret: Bool {
            switch self {
            case .webhookToken, .interactionToken: true
            default: false
            }
        }

        /// `{placeholder}=value`, with tokens redacted.
        package var description: String { "\(placeholder)=\(isSecret ? ":token" : value)" }
        package var debugDescription: String { description }
        package var customMirror: Mirror { Mirror(self, children: ["value": description]) }
    }

    package let method: DiscordHTTPMethod
    /// The path template, e.g. `/webhooks/{webhook.id}/{webhook.token}`; used as the metrics label.
    package let template: String
    package let parameters: [Parameter]

    package init(_ method: DiscordHTTPMethod, _ template: String, _ parameters: Parameter...) {
        self.init(method, template, parameters: parameters)
    }

    package init(_ method: DiscordHTTPMethod, _ template: String, parameters: [Parameter]) {
        self.method = method
        self.template = template
        self.parameters = parameters
    }

    /// The path to request, with every placeholder filled in (values percent-encoded).
    package var path: String {
        fill { PercentEncoding.pathSegment($0.value) }
    }

    /// The path with tokens replaced by `:token`, safe to log.
    package var redactedPath: String {
        fill { $0.isSecret ? ":token" : PercentEncoding.pathSegment($0.value) }
    }

    private func fill(_ text: (Parameter) -> String) -> String {
        parameters.reduce(template) { path, parameter in
            path.replacingOccurrences(of: parameter.placeholder, with: text(parameter))
        }
    }

    /// The secret values in this route (to redact them from any text).
    var secrets: [String] {
        parameters.filter(\.isSecret).map(\.value)
    }

    /// The top-level resource Discord computes rate limits per: a channel, a guild, a webhook
    /// (with its token when present) or an interaction. Never shown; contains tokens.
    var majorParameter: String {
        for parameter in parameters {
            switch parameter {
            case .channel(let id): return "channel:\(id.rawValue)"
            case .guild(let id): return "guild:\(id.rawValue)"
            case .webhook(let id), .application(let id):
                let token = parameters.lazy.compactMap(Self.token(of:)).first ?? ""
                return "webhook:\(id.rawValue):\(token)"
            case .interaction(let id): return "interaction:\(id.rawValue)"
            default: continue
            }
        }
        return ""
    }

    private static func token(of parameter: Parameter) -> String? {
        switch parameter {
        case .webhookToken(let token), .interactionToken(let token): token
        default: nil
        }
    }

    /// Interaction callbacks and interaction webhooks are not bound to the global rate limit.
    package var isInteractionRoute: Bool {
        parameters.contains { parameter in
            switch parameter {
            case .interaction, .interactionToken: true
            default: false
            }
        }
    }

    /// Which global limit the request counts against. Discord limits each bot token to 50
    /// requests per second; requests without one (webhook-token routes) are limited per address
    /// instead, separately; interaction callbacks and follow-ups count against neither.
    var globalLimit: GlobalLimit {
        if isInteractionRoute { return .none }
        let usesWebhookToken = parameters.contains { if case .webhookToken = $0 { true } else { false } }
        return usesWebhookToken ? .perAddress : .perBotToken
    }

    enum GlobalLimit: Sendable {
        case perBotToken, perAddress, none
    }

    /// Whether sending this request twice leaves Discord as sending it once, so a request whose
    /// answer was lost (timeout, dropped connection, 5xx) may simply be sent again.
    ///
    /// True for GET, PUT, PATCH and DELETE. On the routes the client uses: PUT overwrites the
    /// command list with the same list; PATCH `@original` sets the same fields (and files) again;
    /// DELETE of a webhook removes the same webhook (a repeat may answer 404 Unknown Webhook once
    /// the first one went through). False for every POST: a message, webhook execution, follow-up
    /// or webhook creation sent twice is posted or created twice, and a second interaction
    /// callback is refused as already acknowledged. Creating a DM channel or a command is
    /// idempotent at Discord, but is held to the POST rule too, so the rule stays one a reader
    /// can check by the method alone.
    var isSafeToRepeat: Bool { method != .post }

    /// `METHOD /redacted/path`.
    package var description: String { "\(method.rawValue) \(redactedPath)" }
    package var debugDescription: String { description }
    package var customMirror: Mirror { Mirror(self, children: ["route": description]) }
}
