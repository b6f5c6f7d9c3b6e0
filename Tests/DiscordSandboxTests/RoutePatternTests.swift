import DiscordSandbox
import Testing

@Suite("Route patterns and values", .timeLimit(.minutes(1)))
struct RoutePatternTests {
    @Test("patterns name methods and segments, and refuse malformed input")
    func patterns() throws {
        let pattern = try SandboxRoutePattern("post /api/v10/channels/{channel_id}/webhooks")
        #expect(pattern.method == "POST")
        #expect(pattern.description == "POST /channels/*/webhooks")
        #expect(throws: SandboxConfigurationError.self) { try SandboxRoutePattern("channels/1") }
        #expect(throws: SandboxConfigurationError.self) { try SandboxRoutePattern("FETCH /channels") }
        #expect(throws: SandboxConfigurationError.self) { try SandboxRoutePattern("GET /a/**/b") }
        #expect(throws: SandboxConfigurationError.self) { try SandboxFault("GET /a", effect: .hang, count: 0) }
    }

    @Test("permissions serialize as decimal strings; administrator implies everything")
    func permissions() {
        let permissions: SandboxPermissions = [.viewChannel, .manageWebhooks]
        #expect(permissions.decimalString == String((1 << 10) | (1 << 29)))
        #expect(SandboxPermissions(decimalString: "8")?.allows(.manageWebhooks) == true)
        #expect(!permissions.allows(.attachFiles))
        #expect(SandboxPermissions(decimalString: "not a number") == nil)
    }

    @Test("JSON round-trips with sorted keys")
    func json() throws {
        let parsed = try SandboxJSON.parse(Array(#"{"b": [1, 2.5, null, true], "a": "x"}"#.utf8))
        #expect(parsed.text == #"{"a":"x","b":[1,2.5,null,true]}"#)
        #expect(parsed["b"]?[1]?.doubleValue == 2.5)
        #expect(throws: (any Error).self) { try SandboxJSON.parse(Array("{".utf8)) }
    }
}
