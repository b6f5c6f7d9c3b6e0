import CastBot
import Testing

/// `DISCORD_API_BASE_URL` as `castbot serve` and the command-line tools read it: the bot token
/// goes with every request, so `http://` is refused unless the host is loopback.
@Suite("DISCORD_API_BASE_URL for serve and the command-line tools", .timeLimit(.minutes(1)))
struct APIBaseURLSettingTests {
    static let environment = [
        "DISCORD_TOKEN": "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs",
        "DISCORD_APPLICATION_ID": "1300000000000000001",
        "DISCORD_PUBLIC_KEY": DiscordSigner().publicKeyHex,
    ]

    @Test("http:// to a name, even one starting with 127., is refused by serve's configuration and by restore's")
    func clearTextRefused() {
        for url in ["http://discord.example.com/api/v10", "http://127.evil.example/api/v10"] {
            var environment = Self.environment
            environment["DISCORD_API_BASE_URL"] = url
            do {
                _ = try CastBotConfiguration.load(environment: environment)
                Issue.record("serve accepted \(url)")
            } catch {
                #expect(error.problems.count == 1)
                #expect(error.problems.first?.hasPrefix("DISCORD_API_BASE_URL may use http:// only for a loopback host") == true, "\(error)")
            }
            let access = #expect(throws: CommandLineDiscordAccessError.self) {
                _ = try CommandLineDiscordAccess(environment: environment, purpose: "a restore", needsApplicationID: false)
            }
            #expect(access?.description.contains("DISCORD_API_BASE_URL may use http:// only for a loopback host") == true)
        }
    }

    @Test("http:// to 127.0.0.1, [::1] or localhost (the sandbox, a local proxy) is accepted")
    func loopbackAccepted() throws {
        for url in ["http://127.0.0.1:8090/api/v10", "http://[::1]:8090/api/v10", "http://localhost:8090/api/v10/"] {
            var environment = Self.environment
            environment["DISCORD_API_BASE_URL"] = url
            let configuration = try CastBotConfiguration.load(environment: environment)
            #expect(configuration.apiBaseURL == (url.hasSuffix("/") ? String(url.dropLast()) : url))
            _ = try CommandLineDiscordAccess(environment: environment, purpose: "a restore", needsApplicationID: false)
        }
    }
}
