/// Names a schedule. Starting a schedule with a key that is already in use replaces it.
///
/// The scheduler gives keys no meaning; the app chooses them (for example one per guild plus
/// one for the all-guilds export).
package struct ScheduleKey: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    package let rawValue: String

    package init(rawValue: String) {
        self.rawValue = rawValue
    }

    package init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    package init(stringLiteral value: String) {
        self.rawValue = value
    }

    package init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    package var description: String { rawValue }

    package static func < (lhs: ScheduleKey, rhs: ScheduleKey) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
