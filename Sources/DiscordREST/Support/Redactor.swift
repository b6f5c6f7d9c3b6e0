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
}
