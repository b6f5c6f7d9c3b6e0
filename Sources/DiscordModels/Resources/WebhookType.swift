/// The kind of a webhook.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct WebhookType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let incoming = WebhookType(rawValue: 1)
    package static let channelFollower = WebhookType(rawValue: 2)
    package static let application = WebhookType(rawValue: 3)

    package var description: String {
        switch rawValue {
        case 1: "incoming"
        case 2: "channelFollower"
        case 3: "application"
        default: "WebhookType(\(rawValue))"
        }
    }
}
