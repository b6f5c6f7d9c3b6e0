/// Discord ids ("snowflakes") as they appear in settings: 17 to 20 decimal digits.
enum Snowflake {
    static func isValid(_ text: String) -> Bool {
        (17...20).contains(text.utf8.count) && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
