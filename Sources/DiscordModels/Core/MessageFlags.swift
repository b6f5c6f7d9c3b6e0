/// Message flags (a bit field). Unknown bits are kept as received.
public struct MessageFlags: OptionSet, Sendable, Hashable, Codable {
    public var rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let crossposted = MessageFlags(rawValue: 1 << 0)
    public static let isCrosspost = MessageFlags(rawValue: 1 << 1)
    public static let suppressEmbeds = MessageFlags(rawValue: 1 << 2)
    public static let hasThread = MessageFlags(rawValue: 1 << 5)
    /// Only the user who invoked the interaction sees the message (64).
    public static let ephemeral = MessageFlags(rawValue: 1 << 6)
    public static let loading = MessageFlags(rawValue: 1 << 7)
    public static let suppressNotifications = MessageFlags(rawValue: 1 << 12)
    /// The message is laid out entirely with components (32768).
    public static let isComponentsV2 = MessageFlags(rawValue: 1 << 15)
}
