@testable import CastBot
import DiscordREST
import CastBotTestSupport
import Foundation
import HTTPConnectionGuard
import Logging
import Testing

@Suite("Configuration from the environment and a config file", .timeLimit(.minutes(1)))
struct ConfigurationTests {
    static let token = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs"
    static let publicKeyHex = DiscordSigner().publicKeyHex
    static let complete: [String: String] = [
        "DISCORD_TOKEN": token,
        "DISCORD_APPLICATION_ID": "1300000000000000001",
        "DISCORD_PUBLIC_KEY": publicKeyHex,
    ]

    private func problems(_ environment: [String: String], arguments: [String] = []) -> [String] {
        do {
            _ = try CastBotConfiguration.load(environment: environment, arguments: arguments)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("with no token the service runs in sandbox mode with the documented defaults")
    func sandboxDefaults() throws {
        let configuration = try CastBotConfiguration.load(environment: [:])
        #expect(configuration.isSandbox)
        #expect(configuration.discordToken == nil)
        #expect(configuration.applicationID == nil)
        #expect(configuration.publicKey == nil)
        #expect(configuration.apiBaseURL == "https://discord.com/api/v10")
        #expect(configuration.dataDirectory == "./data")
        #expect(configuration.httpHost == "127.0.0.1")
        #expect(configuration.httpPort == 8080)
        #expect(configuration.ownerIDs.isEmpty)
        #expect(configuration.logLevel == .info)
        #expect(configuration.httpLimits == HTTPConnectionLimits(requestReadTimeout: .seconds(5), idleTimeout: .seconds(60), maxConnections: 256))
        #expect(configuration.shutdownGrace == .seconds(10))
    }

    @Test("a complete environment is read into typed settings")
    func completeEnvironment() throws {
        var environment = Self.complete
        environment["DISCORD_API_BASE_URL"] = "http://127.0.0.1:9000/api/v10/"
        environment["CASTBOT_DATA_DIR"] = "/var/lib/castbot"
        environment["CASTBOT_HTTP_HOST"] = "0.0.0.0"
        environment["CASTBOT_HTTP_PORT"] = "9090"
        environment["CASTBOT_OWNER_IDS"] = " 391415444084490240, 1000000000000000001 ,,391415444084490240"
        environment["CASTBOT_LOG_LEVEL"] = "DEBUG"
        environment["CASTBOT_HTTP_READ_TIMEOUT_SECONDS"] = "2.5"
        environment["CASTBOT_HTTP_IDLE_TIMEOUT_SECONDS"] = "30"
        environment["CASTBOT_HTTP_MAX_CONNECTIONS"] = "100"
        environment["CASTBOT_SHUTDOWN_GRACE_SECONDS"] = "0"
        let configuration = try CastBotConfiguration.load(environment: environment)
        #expect(!configuration.isSandbox)
        #expect(configuration.discordToken == DiscordToken(Self.token))
        #expect(configuration.applicationID == "1300000000000000001")
        #expect(configuration.publicKey?.hex == Self.publicKeyHex)
        #expect(configuration.apiBaseURL == "http://127.0.0.1:9000/api/v10")
        #expect(configuration.dataDirectory == "/var/lib/castbot")
        #expect(configuration.httpHost == "0.0.0.0")
        #expect(configuration.httpPort == 9090)
        #expect(configuration.ownerIDs == ["391415444084490240", "1000000000000000001"])
        #expect(configuration.logLevel == .debug)
        #expect(configuration.httpLimits == HTTPConnectionLimits(requestReadTimeout: .milliseconds(2500), idleTimeout: .seconds(30), maxConnections: 100))
        #expect(configuration.shutdownGrace == .zero)
    }

    @Test(
        "each bad value is reported by name with what was read",
        arguments: [
            ("DISCORD_PUBLIC_KEY", "abcdef012345", "DISCORD_PUBLIC_KEY must be 64 hex characters (got 12)"),
            ("DISCORD_PUBLIC_KEY", String(repeating: "g", count: 64), "DISCORD_PUBLIC_KEY must be 64 hex characters (0-9, a-f); it contains other characters"),
            ("CASTBOT_HTTP_PORT", "abc", "CASTBOT_HTTP_PORT must be 1–65535 (got 'abc')"),
            ("CASTBOT_HTTP_PORT", "70000", "CASTBOT_HTTP_PORT must be 1–65535 (got '70000')"),
            ("CASTBOT_HTTP_PORT", "0", "CASTBOT_HTTP_PORT must be 1–65535 (got '0')"),
            ("CASTBOT_OWNER_IDS", "bob", "CASTBOT_OWNER_IDS: 'bob' is not a Discord user id (17–20 digits)"),
            ("DISCORD_APPLICATION_ID", "12345", "DISCORD_APPLICATION_ID must be a Discord id (17–20 digits) (got '12345')"),
            ("DISCORD_API_BASE_URL", "discord.com/api", "DISCORD_API_BASE_URL must be an https URL such as https://discord.com/api/v10 (got 'discord.com/api')"),
            ("CASTBOT_LOG_LEVEL", "loud", "CASTBOT_LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical (got 'loud')"),
            ("CASTBOT_HTTP_HOST", "my host", "CASTBOT_HTTP_HOST must be a host name or IP address such as 127.0.0.1 (got 'my host')"),
            ("CASTBOT_HTTP_READ_TIMEOUT_SECONDS", "5s", "CASTBOT_HTTP_READ_TIMEOUT_SECONDS must be a number of seconds from 0.05 to 600 (got '5s')"),
            ("CASTBOT_HTTP_READ_TIMEOUT_SECONDS", "0", "CASTBOT_HTTP_READ_TIMEOUT_SECONDS must be a number of seconds from 0.05 to 600 (got '0')"),
            ("CASTBOT_HTTP_IDLE_TIMEOUT_SECONDS", "-1", "CASTBOT_HTTP_IDLE_TIMEOUT_SECONDS must be a number of seconds from 0.05 to 3600 (got '-1')"),
            ("CASTBOT_HTTP_MAX_CONNECTIONS", "0", "CASTBOT_HTTP_MAX_CONNECTIONS must be a whole number from 1 to 100000 (got '0')"),
            ("CASTBOT_HTTP_MAX_CONNECTIONS", "lots", "CASTBOT_HTTP_MAX_CONNECTIONS must be a whole number from 1 to 100000 (got 'lots')"),
            ("CASTBOT_SHUTDOWN_GRACE_SECONDS", "nan", "CASTBOT_SHUTDOWN_GRACE_SECONDS must be a number of seconds from 0 to 600 (got 'nan')"),
        ]
    )
    func badValue(key: String, value: String, message: String) {
        var environment = Self.complete
        environment[key] = value
        #expect(problems(environment) == [message])
    }

    @Test("several problems are reported together, one message each")
    func severalProblems() {
        var environment = Self.complete
        environment["DISCORD_PUBLIC_KEY"] = "abc"
        environment["CASTBOT_HTTP_PORT"] = "http"
        environment["CASTBOT_OWNER_IDS"] = "391415444084490240,bob,alice"
        #expect(problems(environment) == [
            "DISCORD_PUBLIC_KEY must be 64 hex characters (got 3)",
            "CASTBOT_HTTP_PORT must be 1–65535 (got 'http')",
            "CASTBOT_OWNER_IDS: 'bob' is not a Discord user id (17–20 digits)",
            "CASTBOT_OWNER_IDS: 'alice' is not a Discord user id (17–20 digits)",
        ])
    }

    @Test("with a token, the application id and public key are required; without one they are not")
    func requiredWithToken() throws {
        #expect(problems(["DISCORD_TOKEN": Self.token]) == [
            "DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set (the application id from the Discord developer portal)",
            "DISCORD_PUBLIC_KEY is required when DISCORD_TOKEN is set (the hex public key from the Discord developer portal)",
        ])
        let sandbox = try CastBotConfiguration.load(environment: ["DISCORD_TOKEN": "  ", "CASTBOT_HTTP_PORT": "8181"])
        #expect(sandbox.isSandbox)
        #expect(sandbox.httpPort == 8181)
    }

    @Test("a token with a 'Bot ' prefix is refused without showing the token")
    func tokenWithPrefix() {
        var environment = Self.complete
        environment["DISCORD_TOKEN"] = "Bot \(Self.token)"
        let found = problems(environment)
        #expect(found == ["DISCORD_TOKEN must be the bare bot token; it contains spaces (drop any 'Bot ' prefix)"])
        #expect(!found.joined().contains(Self.token))
    }

    @Test("the token never appears in the configuration's description, debug description or dump")
    func tokenRedacted() throws {
        let configuration = try CastBotConfiguration.load(environment: Self.complete)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, String(reflecting: configuration), "\(configuration)", dumped, "\(configuration.discordToken as Any)"] {
            #expect(!text.contains(Self.token))
            #expect(!text.contains("Cl2FMQ"))
        }
        #expect(configuration.description.contains("token=<redacted>"))
        #expect(configuration.description.contains("mode=discord"))
    }

    @Test("a config file adds settings, the environment wins, comments and quotes are understood")
    func configFile() throws {
        let file = try TemporaryFile(contents: """
            # CastBot settings
            export CASTBOT_HTTP_PORT=9000
            CASTBOT_DATA_DIR = "/srv/castbot data"
            CASTBOT_OWNER_IDS='391415444084490240'

            DISCORD_API_BASE_URL=http://127.0.0.1:7000/api/v10
            """)
        var environment = Self.complete
        environment["CASTBOT_CONFIG_FILE"] = file.path
        environment["CASTBOT_HTTP_PORT"] = "9100"
        let configuration = try CastBotConfiguration.load(environment: environment)
        #expect(configuration.httpPort == 9100)
        #expect(configuration.dataDirectory == "/srv/castbot data")
        #expect(configuration.ownerIDs == ["391415444084490240"])
        #expect(configuration.apiBaseURL == "http://127.0.0.1:7000/api/v10")
    }

    @Test("the token can come from the config file")
    func tokenFromFile() throws {
        let file = try TemporaryFile(contents: "DISCORD_TOKEN=\(Self.token)\n")
        var environment = Self.complete
        environment["DISCORD_TOKEN"] = nil
        environment["CASTBOT_CONFIG_FILE"] = file.path
        let configuration = try CastBotConfiguration.load(environment: environment)
        #expect(configuration.discordToken == DiscordToken(Self.token))
    }

    @Test("config file problems name the line and never echo its content; they join the other problems")
    func configFileProblems() throws {
        let file = try TemporaryFile(contents: """
            CASTBOT_HTTP_PORT=9000
            \(Self.token)
            DISCORD_TOKNE=abc
            lower=case
            """)
        var environment = Self.complete
        environment["CASTBOT_CONFIG_FILE"] = file.path
        environment["CASTBOT_OWNER_IDS"] = "bob"
        let found = problems(environment)
        let label = "CASTBOT_CONFIG_FILE '\(file.path)'"
        #expect(found.count == 4)
        #expect(found.first == "\(label) line 2: expected KEY=VALUE")
        #expect(found.dropFirst().first?.hasPrefix("\(label) line 3: unknown setting 'DISCORD_TOKNE' (known: ") == true)
        #expect(found.dropFirst(2).first == "\(label) line 4: setting names are upper-case letters, digits and '_'")
        #expect(found.last == "CASTBOT_OWNER_IDS: 'bob' is not a Discord user id (17–20 digits)")
        #expect(!found.joined().contains(Self.token))
    }

    @Test("a missing config file is reported")
    func missingConfigFile() {
        #expect(problems(["CASTBOT_CONFIG_FILE": "/nonexistent/castbot.env"]) == ["CASTBOT_CONFIG_FILE '/nonexistent/castbot.env' does not exist"])
    }

    @Test("a data directory path that is a file is reported")
    func dataDirectoryIsAFile() throws {
        let file = try TemporaryFile(contents: "not a folder")
        #expect(problems(["CASTBOT_DATA_DIR": file.path]) == ["CASTBOT_DATA_DIR must be a folder; '\(file.path)' is a file"])
    }

    @Test("CASTBOT_SANDBOX_PORT: default 8090, from the environment or the config file, 1–65535, never another listener's port")
    func sandboxPort() throws {
        #expect(try CastBotConfiguration.load(environment: [:]).sandboxPort == 8090)
        #expect(try CastBotConfiguration.load(environment: ["CASTBOT_SANDBOX_PORT": " 9000 "]).sandboxPort == 9000)
        let file = try TemporaryFile(contents: "CASTBOT_SANDBOX_PORT=9001\n")
        #expect(try CastBotConfiguration.load(environment: ["CASTBOT_CONFIG_FILE": file.path]).sandboxPort == 9001)
        for text in ["0", "70000", "http"] {
            #expect(problems(["CASTBOT_SANDBOX_PORT": text]) == ["CASTBOT_SANDBOX_PORT must be 1–65535 (got '\(text)')"])
        }
        #expect(
            problems(["CASTBOT_SANDBOX_PORT": "8080"]) == [
                "CASTBOT_SANDBOX_PORT must differ from CASTBOT_HTTP_PORT (both are 8080): the stand-in Discord and the bot listen side by side"
            ])
        #expect(
            problems(["CASTBOT_SANDBOX_PORT": "9100", "CASTBOT_ADMIN_ADDRESS": "127.0.0.1:9100"]) == [
                "CASTBOT_SANDBOX_PORT must differ from the port of CASTBOT_ADMIN_ADDRESS (both are 9100)"
            ])
        // With a token there is no sandbox: its port binds nothing, so it may be anything valid.
        var withToken = Self.complete
        withToken["CASTBOT_SANDBOX_PORT"] = "8080"
        #expect(problems(withToken).isEmpty)
    }

    @Test("serve's flags win over the environment, which wins over the config file")
    func flagsEnvironmentFile() throws {
        let file = try TemporaryFile(contents: "CASTBOT_HTTP_PORT=9000\nCASTBOT_LOG_LEVEL=debug\nCASTBOT_DATA_DIR=/from/file\n")
        let environment = ["CASTBOT_CONFIG_FILE": file.path, "CASTBOT_HTTP_PORT": "9100", "CASTBOT_LOG_LEVEL": "error"]
        let configuration = try CastBotConfiguration.load(environment: environment, arguments: ["--http-port", "9200", "--sandbox-port=9300"])
        #expect(configuration.httpPort == 9200)
        #expect(configuration.sandboxPort == 9300)
        #expect(configuration.logLevel == .error)
        #expect(configuration.dataDirectory == "/from/file")
        // The file can be named by its flag too.
        #expect(try CastBotConfiguration.load(environment: [:], arguments: ["--config-file", file.path]).httpPort == 9000)
    }

    @Test("unknown flags, secrets given as flags and flags without a value are problems that never quote a value")
    func badFlags() {
        let found = problems(
            [:], arguments: ["--htp-port", "9000", "--discord-token", Self.token, "--http-port", "--log-level=loud", Self.token])
        #expect(found.count == 5, "\(found)")
        #expect(found.contains("argument 7 is not a flag: settings are given as --name value"))
        #expect(found.first?.hasPrefix("unknown flag '--htp-port' (known: ") == true)
        #expect(found.contains("DISCORD_TOKEN is a secret and has no flag (a command line is visible to every user): set it in the environment or the config file"))
        #expect(found.contains("--http-port needs a value (--http-port VALUE or --http-port=VALUE)"))
        #expect(found.contains { $0.hasPrefix("CASTBOT_LOG_LEVEL must be one of") })
        #expect(!found.joined().contains(Self.token))
    }

    @Test("every setting has one name: the table in docs/OPERATIONS.md lists exactly these, with their flags")
    func operationsTable() throws {
        let text = try String(contentsOfFile: Fixtures.packageRoot.path + "/docs/OPERATIONS.md", encoding: .utf8)
        let header = "| variable | `castbot serve` flag | meaning | default | valid values |"
        let table = try #require(text.components(separatedBy: header).dropFirst().first).components(separatedBy: "\n\n")[0]
        let rows = table.split(separator: "\n").dropFirst().map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        let documented = rows.map { ($0[0], $0[1]) }
        let expected = ConfigurationKey.allCases.map { ("`\($0.rawValue)`", $0.flag.map { "`\($0)`" } ?? "— (secret)") }
        #expect(documented.map(\.0) == expected.map(\.0))
        #expect(documented.map(\.1) == expected.map(\.1))
        #expect(ConfigurationKey.allCases.filter(\.isSecret) == [.discordToken, .adminToken, .databaseURL])
    }

    @Test("ConfigurationError lists every problem")
    func errorDescription() {
        let error = ConfigurationError(problems: ["first problem", "second problem"])
        #expect(error.description == "Invalid configuration:\n  - first problem\n  - second problem")
    }
}
