import Foundation

/// A successful (2xx) answer from Discord.
package struct DiscordResponse: Sendable, Hashable {
    package var status: Int
    /// Header values by lower-cased name.
    package var headers: [String: String]
    package var body: Data

    package init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    package func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}
