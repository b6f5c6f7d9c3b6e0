import DiscordREST
import Testing

@Suite("The API base URL: https, or http to a loopback IP literal or localhost only", .timeLimit(.minutes(1)))
struct BaseURLTests {
    @Test(
        "https anywhere and http to loopback are accepted, trailing slashes removed",
        arguments: [
            ("https://discord.com/api/v10/", "https://discord.com/api/v10"),
            ("https://discord.example.com/api", "https://discord.example.com/api"),
            ("http://127.0.0.1:9000/api/v10", "http://127.0.0.1:9000/api/v10"),
            ("http://127.8.9.10/api", "http://127.8.9.10/api"),
            ("http://[::1]:8090/api/v10", "http://[::1]:8090/api/v10"),
            ("http://localhost:8090/api/v10", "http://localhost:8090/api/v10"),
        ]
    )
    func accepted(text: String, expected: String) throws {
        #expect(try HTTPDiscordClientConfiguration.checkedBaseURL(text) == expected)
    }

    @Test(
        "http to anything but a loopback literal or localhost is refused, saying why",
        arguments: [
            "http://discord.example.com/api/v10",
            "http://127.evil.example/api/v10",
            "http://127.0.0.1.evil.example/api",
            "http://localhost.evil.example/api",
            "http://10.0.0.5:8080/api",
            "http://0.0.0.0:8090/api",
        ]
    )
    func clearTextRefused(text: String) {
        let error = #expect(throws: HTTPDiscordClientConfiguration.BaseURLError.self) {
            try HTTPDiscordClientConfiguration.checkedBaseURL(text)
        }
        #expect(error?.description.hasPrefix("may use http:// only for a loopback host") == true)
    }

    @Test("something that is not an http(s) URL is refused", arguments: ["discord.com/api", "ftp://discord.com/api", "https://"])
    func notAURL(text: String) {
        let error = #expect(throws: HTTPDiscordClientConfiguration.BaseURLError.self) {
            try HTTPDiscordClientConfiguration.checkedBaseURL(text)
        }
        #expect(error?.description == "must be an https URL such as https://discord.com/api/v10")
    }

    @Test(
        "loopback is decided on the parsed address",
        arguments: [
            ("127.0.0.1", true), ("127.255.0.9", true), ("::1", true), ("[::1]", true), ("::ffff:127.0.0.1", true),
            ("localhost", true), ("LocalHost", true),
            ("127.evil.example", false), ("127.0.0.1.nip.io", false), ("localhost.evil.example", false), ("0.0.0.0", false),
            ("::", false), ("128.0.0.1", false), ("::ffff:10.0.0.1", false), ("", false),
        ]
    )
    func loopback(host: String, expected: Bool) {
        #expect(LoopbackHost.contains(host) == expected)
    }

    @Test(
        "the host of a Host header",
        arguments: [
            ("localhost:8081", "localhost"), ("127.0.0.1", "127.0.0.1"), ("[::1]:8081", "::1"), ("evil.example:80", "evil.example"),
        ]
    )
    func hostHeader(value: String, expected: String) {
        #expect(LoopbackHost.hostOfHeader(value) == expected)
    }

    @Test("a Host header of another shape has no host", arguments: ["", ":8081", "a:b:c", "[::1", "localhost:", "localhost:80x"])
    func malformedHostHeader(value: String) {
        #expect(LoopbackHost.hostOfHeader(value) == nil)
    }
}
