/// Message flags (a bit field). Unknown bits are kept as received.
package struct MessageFlags: OptionSet, Sendable, Hashable, Codable {
    package var rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    package static let crossposted = MessageFlags(rawValue: 1 << 0)
    package static let isCrosspost = MessageFlags(rawValue: 1 << 1)
    package static let suppressEmbeds = MessageFlags(rawValue: 1 << 2)
    package static let hasThread = MessageFlags(rawValue: 1 << 5)
    /// Only the user who invoked the interaction sees the message (64).
    package static let ephemeral = MessageFlags(rawValue: 1 << 6)
    package static let loading = MessageFlags(rawValue: 1 << 7)
    package static let suppressNotifications = MessageFlags(rawValue: 1 << 12)
    /// The message is laid out entirely with components (32768).
    package static let isComponentsV2 = MessageFlags(rawValue: 1 << 15)
}
