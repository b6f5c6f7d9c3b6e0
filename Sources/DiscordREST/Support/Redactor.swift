import DiscordModels
import Foundation

/// Removes secrets (the bot token, webhook and interaction tokens) from text before it is logged
/// or put into an error.
struct Redactor: Sendable {
    private let secrets: [String]

    init(secrets: [String]) {
        // Longest first, so a secret containing another is replaced whole.
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }

    /// Every string (and object key) in a JSON tree, redacted.
    func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(redact(text))
        case .array(let items): .array(items.map(redact))
        case .object(let members):
            .object(Dictionary(members.map { (redact($0.key), redact($0.value)) }, uniquingKeysWith: { first, _ in first }))
        default: value
        }
    }

    /// A Discord error body with every text redacted.
    func redact(_ body: DiscordErrorBody) -> DiscordErrorBody {
        var body = body
        body.message = body.message.map(redact)
        body.errors = body.errors.map(redact)
        return body
    }
}
