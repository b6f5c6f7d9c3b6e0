import CastBotTestSupport
import PlayerData
import Testing

@Suite("A data file cut into members and joined again", .timeLimit(.minutes(1)))
struct PlayerDataLayoutTests {
    @Test("The real files are rebuilt byte for byte from their members", arguments: [Fixtures.wholeFile, Fixtures.devCrashRestore, Fixtures.wiped])
    func roundTrip(_ name: String) throws {
        let bytes = try Fixtures.bytes(name)
        let layout = try PlayerDataLayout(PlayerDataFile(bytes: bytes))
        #expect(layout.joined() == bytes)
        #expect(Set(layout.members.map(\.key)) == Set(try PlayerDataFile(bytes: bytes).keys))
    }

    @Test("Odd layouts survive: small integer keys out of JavaScript's order, no whitespace, an empty object")
    func oddLayouts() throws {
        for text in ["{\"b\":1,\"2\":{\"x\":[1,2]},\"1\":3}\n", "{}", "  {\n}  ", "{\"a\":\"\\u00e9\" , \"b\" : 1e400}"] {
            let bytes = Array(text.utf8)
            #expect(try PlayerDataLayout(PlayerDataFile(bytes: bytes)).joined() == bytes, "\(text)")
        }
    }

    @Test("A key given twice is refused with a message naming it")
    func duplicates() throws {
        #expect(throws: PlayerDataError.self) { try PlayerDataLayout(PlayerDataFile(bytes: Array("{\"a\":1,\"a\":2}".utf8))) }
    }
}
