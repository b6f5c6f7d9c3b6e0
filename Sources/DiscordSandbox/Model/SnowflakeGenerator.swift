/// Hands out snowflake-shaped ids (19 digits, increasing) so responses look like Discord's.
/// Deterministic: the same sequence of calls yields the same ids, which keeps test output stable.
struct SnowflakeGenerator: Sendable {
    // A 2025 timestamp shifted into snowflake position; ids grow from here.
    private var next: UInt64 = 1_300_000_000_000_000_000

    mutating func make() -> String {
        next += 4_194_304  // one millisecond later in snowflake terms
        return String(next)
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
