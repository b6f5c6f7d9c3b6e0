import DiscordModels
import Foundation
import Testing

@Suite("Snowflakes", .timeLimit(.minutes(1)))
struct SnowflakeTests {
    @Test("decodes from strings and from numbers, encodes as a string")
    func stringsAndNumbers() throws {
        let ids = try JSONDecoder().decode([Snowflake].self, from: Data(#"["175928847299117063", 123456]"#.utf8))
        #expect(ids == [Snowflake(175_928_847_299_117_063), Snowflake(123_456)])
        #expect(try JSONComparison.value(encoding: ids[1]) == .string("123456"))
    }

    @Test("ids wider than 64 bits (used in Discord's examples) are kept as text")
    func wideIDs() throws {
        let id = try #require(Snowflake("111111111111111111111"))
        #expect(id.uint64Value == nil)
        #expect(id.rawValue == "111111111111111111111")
    }

    @Test("non-digit ids are rejected", arguments: ["", "12a", "-5", "1/2", "../x", String(repeating: "1", count: 33)])
    func rejectsNonDigits(text: String) {
        #expect(Snowflake(text) == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Snowflake.self, from: JSONEncoder().encode(text))
        }
    }

    @Test("the creation time comes from the timestamp bits")
    func creationTime() throws {
        // Discord's documented example: 175928847299117063 was created 2016-04-30 11:18:25.796 UTC.
        let created = try #require(Snowflake(175_928_847_299_117_063).createdAt)
        #expect(abs(created.timeIntervalSince1970 - 1_462_015_105.796) < 0.001)
    }

    @Test("maps keyed by id decode from JSON objects")
    func dictionaryKeys() throws {
        let map = try JSONDecoder().decode([Snowflake: String].self, from: Data(#"{"42": "answer"}"#.utf8))
        #expect(map[Snowflake(42)] == "answer")
        #expect(try JSONComparison.value(encoding: map) == .object(["42": .string("answer")]))
    }
}
