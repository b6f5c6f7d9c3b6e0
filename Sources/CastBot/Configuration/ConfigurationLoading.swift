import DiscordModels
import DiscordREST
import ExportEncryption
import Foundation
import HTTPConnectionGuard
import Logging

extension CastBotConfiguration {
    /// Reads the settings through one `ConfigReader` (`ConfigurationSource`): `castbot serve`'s
    /// flags, then `environment`, then the `KEY=VALUE` file named by `CASTBOT_CONFIG_FILE` (or
    /// `--config-file`); and validates them all.
    ///
    /// - Throws: `ConfigurationError` listing every problem found, one sentence each.
    package static func load(environment: [String: String], arguments: [String] = []) throws(ConfigurationError) -> CastBotConfiguration {
        let source = ConfigurationSource(environment: environment, arguments: arguments)
        var validator = ConfigurationValidator(source: source)
        let configuration = validator.validate()
        let problems = source.problems + validator.problems
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return configuration
    }
}

/// Reads `KEY=VALUE` lines: blank lines and `#` comments are skipped, an optional leading `export `
/// is allowed, and a value may be wrapped in matching single or double quotes.
///
/// Problems never quote a whole line, because a malformed line may hold the bot token.
struct ConfigFileParser {
    struct Result: Equatable {
        var values: [String: String] = [:]
        var problems: [String] = []
    }

    let fileLabel: String

    func parse(_ text: String) -> Result {
        var result = Result()
        let known = Set(ConfigurationKey.allCases.map(\.rawValue)).subtracting([ConfigurationKey.configFile.rawValue])
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            var line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)) }
            guard let equals = line.firstIndex(of: "=") else {
                result.problems.append("\(fileLabel) line \(lineNumber): expected KEY=VALUE")
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard isSettingName(key) else {
                result.problems.append("\(fileLabel) line \(lineNumber): setting names are upper-case letters, digits and '_'")
                continue
            }
            guard known.contains(key) else {
                let allowed = known.sorted().joined(separator: ", ")
                result.problems.append("\(fileLabel) line \(lineNumber): unknown setting '\(key)' (known: \(allowed))")
                continue
            }
            result.values[key] = unquoted(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces))
        }
        return result
    }

    private func isSettingName(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    private func unquoted(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}

/// Turns raw setting texts into a `CastBotConfiguration`, collecting one message per problem.
/// Messages quote the offending value (never the token) so the operator sees what was read.
struct ConfigurationValidator {
    let source: ConfigurationSource
    private(set) var problems: [String] = []

    init(source: ConfigurationSource) {
        self.source = source
    }

    mutating func validate() -> CastBotConfiguration {
        var configuration = CastBotConfiguration()
        configuration.discordToken = token()
        configuration.applicationID = applicationID(required: configuration.discordToken != nil)
        configuration.publicKey = publicKey(required: configuration.discordToken != nil)
        configuration.apiBaseURL = apiBaseURL()
        configuration.dataDirectory = dataDirectory()
        configuration.httpHost = httpHost()
        configuration.httpPort = httpPort()
        configuration.ownerIDs = ownerIDs()
        configuration.logLevel = logLevel()
        configuration.httpLimits = HTTPConnectionLimits(
            requestReadTimeout: seconds(.httpReadTimeout, default: HTTPConnectionLimits.defaultRequestReadTimeout, within: 0.05...600),
            idleTimeout: seconds(.httpIdleTimeout, default: HTTPConnectionLimits.defaultIdleTimeout, within: 0.05...3600),
            maxConnections: count(.httpMaxConnections, default: HTTPConnectionLimits.defaultMaxConnections, within: 1...100_000)
        )
        configuration.shutdownGrace = seconds(.shutdownGrace, default: CastBotConfiguration.defaultShutdownGrace, within: 0...600)
        configuration.adminToken = adminToken()
        configuration.adminAddress = adminAddress(
            interactions: (configuration.httpHost, configuration.httpPort), hasToken: configuration.adminToken != nil)
        configuration.metricsOnAdmin =
            record(AdminAddress.metricsOnAdmin(value(.metricsOnAdmin), adminAddressSet: value(.adminAddress) != nil)) ?? false
        configuration.exportRecipients = exportRecipients()
        configuration.databaseURL = databaseURL(sandbox: configuration.isSandbox)
        configuration.sandboxPort = sandboxPort(
            sandbox: configuration.isSandbox, httpPort: configuration.httpPort, adminPort: configuration.adminAddress?.port)
        return configuration
    }

    /// Read with or without a token (`castbot sandbox` finds the sandbox with it); checked against
    /// the other listeners only in sandbox mode, where it is bound.
    private mutating func sandboxPort(sandbox: Bool, httpPort: Int, adminPort: Int?) -> Int {
        let key = ConfigurationKey.sandboxPort.rawValue
        guard let text = value(.sandboxPort) else { return CastBotConfiguration.defaultSandboxPort }
        guard let port = Int(text), (1...65535).contains(port) else {
            problems.append("\(key) must be 1–65535 (got \(quoted(text)))")
            return CastBotConfiguration.defaultSandboxPort
        }
        if sandbox, port == httpPort {
            problems.append("\(key) must differ from \(ConfigurationKey.httpPort.rawValue) (both are \(port)): the stand-in Discord and the bot listen side by side")
        }
        if sandbox, port == adminPort {
            problems.append("\(key) must differ from the port of \(ConfigurationKey.adminAddress.rawValue) (both are \(port))")
        }
        return port
    }

    /// The status page's listener: off unless set; never the interactions address; anywhere but
    /// loopback only behind a token.
    private mutating func adminAddress(interactions: (host: String, port: Int), hasToken: Bool) -> AdminAddress? {
        let key = ConfigurationKey.adminAddress.rawValue
        guard let text = value(.adminAddress) else {
            if hasToken {
                problems.append("\(ConfigurationKey.adminToken.rawValue) is set but \(key) is not: set \(key) (e.g. 127.0.0.1:8081) to serve the status page, or remove the token")
            }
            return nil
        }
        guard let address = AdminAddress(parsing: text) else {
            problems.append("\(key) must be host:port or a port, such as 127.0.0.1:8081 or 8081 (got \(quoted(text)))")
            return nil
        }
        let wildcards: Set<String> = ["0.0.0.0", "::", "*"]
        if address.port == interactions.port
            && (address.host == interactions.host || wildcards.contains(address.host) || wildcards.contains(interactions.host))
        {
            problems.append(
                "\(key) must differ from the interactions listener \(interactions.host):\(interactions.port): the status page is never served to Discord's side (got \(quoted(text)))")
            return nil
        }
        if !address.isLoopback && !hasToken {
            problems.append(
                "\(key) \(quoted(text)) is not a loopback address: set \(ConfigurationKey.adminToken.rawValue) too, or bind to 127.0.0.1 and reach it over an SSH tunnel")
            return nil
        }
        return address
    }

    /// Never quoted in a problem: it is a secret.
    private mutating func adminToken() -> AdminToken? {
        guard let text = value(.adminToken) else { return nil }
        guard let token = AdminToken(text) else {
            problems.append("\(ConfigurationKey.adminToken.rawValue) must be at least \(AdminToken.minimumLength) printable ASCII characters without spaces (e.g. the output of `openssl rand -hex 32`)")
            return nil
        }
        return token
    }

    /// The value of a rule checked elsewhere, or nil with its problems recorded.
    private mutating func record<Value>(_ result: Result<Value, ConfigurationError>) -> Value? {
        switch result {
        case .success(let value): return value
        case .failure(let error):
            problems += error.problems
            return nil
        }
    }

    private func value(_ key: ConfigurationKey) -> String? {
        source.value(key)
    }

    private mutating func token() -> DiscordToken? {
        guard let text = value(.discordToken) else { return nil }
        guard !text.contains(where: \.isWhitespace) else {
            problems.append("DISCORD_TOKEN must be the bare bot token; it contains spaces (drop any 'Bot ' prefix)")
            return nil
        }
        guard let token = DiscordToken(text) else {
            problems.append("DISCORD_TOKEN must be the bare bot token; it contains control or non-ASCII characters")
            return nil
        }
        return token
    }

    private mutating func applicationID(required: Bool) -> String? {
        guard let id = value(.discordApplicationID) else {
            if required {
                problems.append("DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set (the application id from the Discord developer portal)")
            }
            return nil
        }
        guard DiscordModels.Snowflake(typed: id) != nil else {
            problems.append("DISCORD_APPLICATION_ID must be a Discord id (17–20 digits) (got \(quoted(id)))")
            return nil
        }
        return id
    }

    private mutating func publicKey(required: Bool) -> DiscordPublicKey? {
        guard let hex = value(.discordPublicKey) else {
            if required {
                problems.append("DISCORD_PUBLIC_KEY is required when DISCORD_TOKEN is set (the hex public key from the Discord developer portal)")
            }
            return nil
        }
        do {
            return try DiscordPublicKey(hex: hex)
        } catch {
            problems.append("DISCORD_PUBLIC_KEY \(error)")
            return nil
        }
    }

    private mutating func apiBaseURL() -> String {
        guard let text = value(.discordAPIBaseURL) else { return CastBotConfiguration.defaultAPIBaseURL }
        do {
            return try HTTPDiscordClientConfiguration.checkedBaseURL(text)
        } catch {
            problems.append("DISCORD_API_BASE_URL \(error) (got \(quoted(text)))")
            return CastBotConfiguration.defaultAPIBaseURL
        }
    }

    private mutating func dataDirectory() -> String {
        let path = value(.dataDirectory) ?? CastBotConfiguration.defaultDataDirectory
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            problems.append("CASTBOT_DATA_DIR must be a folder; '\(path)' is a file")
        }
        return path
    }

    private mutating func httpHost() -> String {
        let host = value(.httpHost) ?? CastBotConfiguration.defaultHTTPHost
        if host.contains(where: { $0.isWhitespace || $0 == "/" }) {
            problems.append("CASTBOT_HTTP_HOST must be a host name or IP address such as 127.0.0.1 (got \(quoted(host)))")
        }
        return host
    }

    private mutating func httpPort() -> Int {
        guard let text = value(.httpPort) else { return CastBotConfiguration.defaultHTTPPort }
        guard let port = Int(text), (1...65535).contains(port) else {
            problems.append("CASTBOT_HTTP_PORT must be 1–65535 (got \(quoted(text)))")
            return CastBotConfiguration.defaultHTTPPort
        }
        return port
    }

    private mutating func ownerIDs() -> [String] {
        guard let text = value(.ownerIDs) else { return [] }
        var ids: [String] = []
        for item in text.split(separator: ",") {
            let id = item.trimmingCharacters(in: .whitespaces)
            if id.isEmpty { continue }
            if (DiscordModels.Snowflake(typed: id) != nil) {
                if !ids.contains(id) { ids.append(id) }
            } else {
                problems.append("CASTBOT_OWNER_IDS: \(quoted(id)) is not a Discord user id (17–20 digits)")
            }
        }
        return ids
    }

    /// Public keys only, comma-separated. Problems name the item by position and never quote it:
    /// a secret key pasted here by mistake must not reach the log.
    /// Checked in full when the database is opened; here only its kind, and that sandbox mode
    /// (one process playing Discord) is not combined with a cluster.
    private mutating func databaseURL(sandbox: Bool) -> String? {
        let key = ConfigurationKey.databaseURL.rawValue
        guard let text = value(.databaseURL) else { return nil }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else {
            problems.append("\(key) must be a PostgreSQL URL like postgres://castbot:PASSWORD@db.internal:5432/castbot")
            return nil
        }
        if sandbox {
            problems.append("\(key) (cluster mode) needs DISCORD_TOKEN: sandbox mode runs one process with its own stand-in Discord")
        }
        return text
    }

    private mutating func exportRecipients() -> [ExportPublicKey] {
        guard let text = value(.exportRecipients) else { return [] }
        var keys: [ExportPublicKey] = []
        for (offset, item) in text.split(separator: ",").enumerated() {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            do {
                let key = try ExportPublicKey(text: trimmed)
                if !keys.contains(key) { keys.append(key) }
            } catch {
                problems.append("CASTBOT_EXPORT_RECIPIENTS item \(offset + 1) \(error)")
            }
        }
        if keys.count > 16 {
            problems.append("CASTBOT_EXPORT_RECIPIENTS lists \(keys.count) keys; at most 16 are allowed")
        }
        return keys
    }

    private mutating func logLevel() -> Logger.Level {
        guard let text = value(.logLevel) else { return CastBotConfiguration.defaultLogLevel }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let allowed = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append("CASTBOT_LOG_LEVEL must be one of \(allowed) (got \(quoted(text)))")
            return CastBotConfiguration.defaultLogLevel
        }
        return level
    }

    /// A duration given in seconds (decimals allowed, e.g. 0.5), within `range`.
    private mutating func seconds(_ key: ConfigurationKey, default fallback: Duration, within range: ClosedRange<Double>) -> Duration {
        guard let text = value(key) else { return fallback }
        guard let seconds = Double(text), seconds.isFinite, range.contains(seconds) else {
            let (lowest, highest) = (plain(range.lowerBound), plain(range.upperBound))
            problems.append("\(key.rawValue) must be a number of seconds from \(lowest) to \(highest) (got \(quoted(text)))")
            return fallback
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// 600 rather than 600.0.
    private func plain(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }

    private mutating func count(_ key: ConfigurationKey, default fallback: Int, within range: ClosedRange<Int>) -> Int {
        guard let text = value(key) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            problems.append("\(key.rawValue) must be a whole number from \(range.lowerBound) to \(range.upperBound) (got \(quoted(text)))")
            return fallback
        }
        return number
    }

    /// Quotes a value for a message, cut short so a pasted blob does not flood the terminal.
    private func quoted(_ value: String) -> String {
        let limit = 60
        return value.count > limit ? "'\(value.prefix(limit))…'" : "'\(value)'"
    }
}
