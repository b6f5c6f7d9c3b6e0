/// The kind of a webhook.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct WebhookType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let incoming = WebhookType(rawValue: 1)
    public static let channelFollower = WebhookType(rawValue: 2)
    public static let application = WebhookType(rawValue: 3)

    public var description: String {
        switch rawValue {
        case 1: "incoming"
        case 2: "channelFollower"
        case 3: "application"
        default: "WebhookType(\(rawValue))"
        }
    }
}
