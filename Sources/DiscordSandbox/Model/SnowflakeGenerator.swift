import Foundation
/// Hands out snowflake-shaped ids (19 digits, increasing) so responses look like Discord's.
/// Deterministic: the same sequence of calls yields the same ids, which keeps test output stable.
struct SnowflakeGenerator: Sendable {
    /// Discord's epoch (2015-01-01T00:00:00Z) in milliseconds since 1970.
    static let discordEpochMilliseconds: UInt64 = 1_420_070_400_000
    // A 2025 timestamp shifted into snowflake position: no id is smaller.
    private var last: UInt64 = 1_300_000_000_000_000_000

    /// An id made at `date`, as Discord makes them: the milliseconds since Discord's epoch in the
    /// top bits (so `before`/`after` a time and an id's creation time work), and strictly
    /// increasing even when several ids are made in one millisecond.
    mutating func make(at date: Date) -> String {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1_000 - Double(Self.discordEpochMilliseconds)))
        last = max(last + 1, milliseconds << 22)
        return String(last)
    }
}

/// Random URL-safe secrets for webhook and interaction tokens.
enum TokenGenerator {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    static func make(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }
}
