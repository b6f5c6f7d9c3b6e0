import Foundation

/// A Discord id.
///
/// Discord sends ids as strings of decimal digits; a few places send small ids as JSON numbers,
/// which are accepted too. Only decimal digits are allowed (at most 32), so an id can always be
/// placed in a URL path safely. Values wider than 64 bits are kept as text (Discord's own
/// documentation uses such placeholder ids); ``uint64Value`` is then `nil`.
package struct Snowflake: Sendable, Hashable, Comparable, Codable, CodingKeyRepresentable,
    LosslessStringConvertible
{
    /// The id exactly as Discord sent it.
    package let rawValue: String

    static let maximumLength = 32

    /// Accepts a string of 1 to 32 ASCII decimal digits; anything else is not an id.
    package init?(_ description: String) {
        guard !description.isEmpty, description.utf8.count <= Self.maximumLength,
            description.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        rawValue = description
    }

    /// An id as a person types it in a setting or a command-line option: 17 to 20 digits that fit
    /// in 64 bits, the shape of every real Discord id. (Ids read from Discord's JSON are accepted
    /// more widely, see `init?(_:)`.)
    package init?(typed text: String) {
        guard (17...20).contains(text.utf8.count), UInt64(text) != nil else { return nil }
        self.init(text)
    }

    package init(_ value: UInt64) {
        rawValue = String(value)
    }

    package var description: String { rawValue }

    /// The numeric value, when the id fits in 64 bits.
    package var uint64Value: UInt64? { UInt64(rawValue) }

    /// Discord's epoch (2015-01-01T00:00:00Z) in milliseconds since 1970.
    static let discordEpochMilliseconds: UInt64 = 1_420_070_400_000

    /// When the id was created, from the timestamp bits of the snowflake.
    package var createdAt: Date? {
        guard let value = uint64Value else { return nil }
        let milliseconds = (value >> 22) + Self.discordEpochMilliseconds
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The smallest id of a moment: ids created before `date` are smaller (Discord pages
    /// message history by time this way, e.g. `before` a date).
    package init(earliestAt date: Date) {
        let milliseconds = max(0, date.timeIntervalSince1970 * 1_000 - Double(Self.discordEpochMilliseconds))
        self.init(UInt64(milliseconds) << 22)
    }

    package static func < (lhs: Snowflake, rhs: Snowflake) -> Bool {
        if lhs.rawValue.count != rhs.rawValue.count { return lhs.rawValue.count < rhs.rawValue.count }
        return lhs.rawValue < rhs.rawValue
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let id = Snowflake(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "A Discord id must be 1 to 32 decimal digits, got \(text.debugDescription.prefix(60))"
                )
            }
            self = id
        } else if let number = try? container.decode(UInt64.self) {
            self.init(number)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "A Discord id must be a string of decimal digits or a non-negative integer"
            )
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    package var codingKey: any CodingKey { SnowflakeCodingKey(stringValue: rawValue) }

    package init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }
}

private struct SnowflakeCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue) }
}
