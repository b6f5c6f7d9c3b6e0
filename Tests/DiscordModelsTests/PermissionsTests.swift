import DiscordModels
import Foundation
import Testing

@Suite("Permissions from Discord's decimal strings", .timeLimit(.minutes(1)))
struct PermissionsTests {
    @Test("a documented permission string parses into its bits")
    func parsesDecimal() throws {
        // Discord's examples use app_permissions "442368": what an app gets in a DM with its bot
        // (Embed Links, Attach Files, Mention Everyone, Use External Emojis).
        let permissions = try #require(Permissions(discordString: "442368"))
        #expect(permissions == [.embedLinks, .attachFiles, .mentionEveryone, .useExternalEmojis])
        #expect(!permissions.contains(.viewChannel))
        #expect(permissions.discordString == "442368")
    }

    @Test("a value wider than 64 bits keeps its low 64 bits")
    func hugeValueKeepsLowBits() throws {
        // 2^64 + 8 (Administrator) and 2^70 * 3 + 32 (Manage Server).
        let wrapped = try #require(Permissions(discordString: "18446744073709551624"))
        #expect(wrapped == .administrator)
        let shifted = try #require(Permissions(discordString: "3541774862152233910304"))
        #expect(shifted == .manageGuild)
        let maximum = try #require(Permissions(discordString: "18446744073709551615"))
        #expect(maximum.rawValue == UInt64.max)
    }

    @Test(
        "malformed strings are invalid, never a crash",
        arguments: ["", " 8", "8 ", "-8", "+8", "0x10", "1e3", "8.0", "abc", "١٢٣", String(repeating: "9", count: 10_000)]
    )
    func malformedIsInvalid(text: String) {
        #expect(Permissions(discordString: text) == nil)
    }

    @Test("decoding a malformed value throws a DecodingError naming the rule")
    func decodingMalformedThrows() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Permissions.self, from: Data(#""12abc""#.utf8))
        }
    }

    @Test("an interaction whose member permissions are malformed still decodes, with no permissions")
    func interactionWithMalformedPermissions() throws {
        let json = #"""
        {"id": "1", "type": 3, "token": "t", "guild_id": "2", "app_permissions": "not-a-number",
         "member": {"user": {"id": "3", "username": "u"}, "roles": [], "permissions": "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999x"}}
        """#
        let interaction = try JSONDecoder().decode(Interaction.self, from: Data(json.utf8))
        #expect(interaction.member?.user?.id == Snowflake(3))
        #expect(interaction.member?.permissions == nil)
        #expect(interaction.appPermissions == nil)
    }

    @Test("encodes as a decimal string and names the known permissions")
    func encodesAndNames() throws {
        let permissions: Permissions = [.manageGuild, .manageWebhooks]
        #expect(try JSONComparison.value(encoding: permissions) == .string("536870944"))
        #expect(permissions.names == ["Manage Server", "Manage Webhooks"])
    }
}
