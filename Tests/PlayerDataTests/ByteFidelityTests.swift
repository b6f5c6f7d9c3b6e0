import Foundation
import Testing
@testable import PlayerData

@Suite(.timeLimit(.minutes(1))) struct ByteFidelityTests {
    static let guild = "123456789012345678"
    static let date = Date(timeIntervalSince1970: 1_760_538_600)  // 2025-10-15T14:30:00.000Z

    static func export(_ text: String, guild: String = guild) throws -> String {
        let file = try PlayerDataFile(bytes: Array(text.utf8))
        return try ExportBuilder.serverExport(of: file, guildID: guild, date: date, kind: .manual).bytes.text
    }

    static func header(name: String) -> String {
        "{\n  \"exportVersion\": \"1.0\",\n  \"exportDate\": \"2025-10-15T14:30:00.000Z\",\n  \"dataType\": \"playerData\",\n  \"guildId\": \"\(guild)\",\n  \"guildName\": \(name),\n  \"data\": "
    }

    @Test func escapesAndNumbersSurviveAsWritten() throws {
        let data = #"{"serverName": "Caf\u00e9", "big": 12345678901234567890, "one": 1.0, "exp": 1e5, "neg": -0.50E-3, "s": "\/\ud83d\ude00"}"#
        let text = "{\"\(Self.guild)\": \(data)}"
        let exported = try Self.export(text)
        #expect(exported == Self.header(name: #""Caf\u00e9""#) + """
            {
                "serverName": "Caf\\u00e9",
                "big": 12345678901234567890,
                "one": 1.0,
                "exp": 1e5,
                "neg": -0.50E-3,
                "s": "\\/\\ud83d\\ude00"
              }
            }
            """)
        let file = try PlayerDataFile(bytes: Array(text.utf8))
        #expect(file.serverName(of: Self.guild) == "Café")
        #expect(ExportBuilder.allExport(of: file, date: Self.date, kind: .manual).bytes == Array(text.utf8))
    }

    @Test func minifiedInputIsReindented() throws {
        let text = #"{"/* Server ID */":null,"123456789012345678":{"serverName":"A","players":{"1":{"age":"22","tags":[]},"2":{}},"tribes":[1,[2,{}],{"x":[]}],"s":"a,b:{c}[d] \"e\""}}"#
        #expect(try Self.export(text) == Self.header(name: "\"A\"") + """
            {
                "serverName": "A",
                "players": {
                  "1": {
                    "age": "22",
                    "tags": []
                  },
                  "2": {}
                },
                "tribes": [
                  1,
                  [
                    2,
                    {}
                  ],
                  {
                    "x": []
                  }
                ],
                "s": "a,b:{c}[d] \\"e\\""
              }
            }
            """)
    }

    @Test func oddWhitespaceIsNormalised() throws {
        let text = "{\"123456789012345678\" :\r\n\t{ \"players\" : { } ,\"x\":[ ]\n}\n}\n"
        let file = try PlayerDataFile(bytes: Array(text.utf8))
        #expect(!file.layoutMatchesStringify)
        #expect(try Self.export(text) == Self.header(name: "\"Unknown\"") + "{\n    \"players\": {},\n    \"x\": []\n  }\n}")
    }

    @Test func emptyGuildAndEmptyFile() throws {
        #expect(try Self.export("{\"\(Self.guild)\": {}}") == Self.header(name: "\"Unknown\"") + "{}\n}")
        let empty = try PlayerDataFile(bytes: Array("{}".utf8))
        #expect(empty.guildCount == 0 && empty.playerCount == 0 && empty.keys.isEmpty)
        #expect(empty.layoutMatchesStringify)
    }

    @Test(arguments: [
        (#""""#, #""Unknown""#),
        ("0", #""Unknown""#),
        ("-0.0e5", #""Unknown""#),
        ("null", #""Unknown""#),
        ("false", #""Unknown""#),
        ("7", "7"),
        ("true", "true"),
        (#""x""#, #""x""#),
        (#"["a",{}]"#, "[\n    \"a\",\n    {}\n  ]"),
    ])
    func guildNameFollowsJavaScriptTruthiness(serverName: String, guildName: String) throws {
        let exported = try Self.export("{\"\(Self.guild)\": {\"serverName\": \(serverName)}}")
        #expect(exported.hasPrefix(Self.header(name: guildName)), "\(exported)")
    }

    @Test func duplicateTopLevelKeysBehaveLikeJavaScript() throws {
        let text = """
            {
              "111111111111111111": {"serverName": "first", "players": {"a": 1}},
              "222222222222222222": {},
              "environmentConfig": {},
              "11111111111111111\\u0031": {"serverName": "last", "players": {"a": 1, "b": 2}}
            }
            """
        let file = try PlayerDataFile(bytes: Array(text.utf8))
        #expect(file.keys == ["111111111111111111", "222222222222222222", "environmentConfig"])
        #expect(file.guildIDs == ["111111111111111111", "222222222222222222"])
        #expect(file.guildCount == 2)
        #expect(file.serverName(of: "111111111111111111") == "last")
        #expect(file.playerCount == 2)
        #expect(file.duplicateKeys.map(\.key) == ["111111111111111111"])
        #expect(file.duplicateKeys.first?.byteOffsets.count == 2)
        #expect(!file.layoutMatchesStringify)

        let report = try VerifyReport(bytes: Array(text.utf8))
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("occurs 2 times (lines 2, 5)") == true, "\(report)")
    }

    @Test func playerCountsCountDistinctKeys() throws {
        let text = #"{"1": {"players": {"a": {}, "b": {}, "a": {}, "\u0062": 1, "c": null}}, "2": {"players": []}, "3": {"players": {"x": 1}, "players": {}}, "4": {"x": {"players": {"q": 1}}}}"#
        let file = try PlayerDataFile(bytes: Array(text.utf8))
        #expect(file.playerCount(of: "1") == 3)
        #expect(file.playerCount(of: "2") == 0)
        #expect(file.playerCount(of: "3") == 0, "the last players member wins")
        #expect(file.playerCount(of: "4") == 0, "only a guild's own players object counts")
        #expect(file.playerCount == 3)
    }

    @Test func manyPlayersAreCountedExactly() throws {
        let players = (0..<5000).map { "\"\(1_000_000_000_000_000_000 + $0 * 7919)\": {}" }
        let text = "{\"1\": {\"players\": {\(players.joined(separator: ", ")), \"1000000000000000000\": 1}}}"
        let file = try PlayerDataFile(bytes: Array(text.utf8))
        #expect(file.playerCount(of: "1") == 5000)
    }
}
