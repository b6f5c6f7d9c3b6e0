/// Names a schedule. Starting a schedule with a key that is already in use replaces it.
///
/// The scheduler gives keys no meaning; the app chooses them (for example one per guild plus
/// one for the all-guilds export).
public struct ScheduleKey: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: ScheduleKey, rhs: ScheduleKey) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
