import Configuration
import Foundation

extension ConfigurationKey {
    /// The key `ConfigReader` reads it by: the words of its name (`CASTBOT_HTTP_PORT` is
    /// `castbot.http.port`, which the environment provider encodes back to `CASTBOT_HTTP_PORT`).
    package var configKey: ConfigKey {
        ConfigKey(rawValue.lowercased().split(separator: "_").map(String.init))
    }

    /// Secrets: never logged, never quoted in a problem, and marked secret in the reader.
    /// The database URL may carry a password.
    package var isSecret: Bool {
        switch self {
        case .discordToken, .adminToken, .databaseURL: true
        default: false
        }
    }

    /// Its `castbot serve` flag: the name without `CASTBOT_`, in lower case with dashes
    /// (`--http-port`, `--discord-application-id`). Secrets have none: a command line is visible to
    /// every user of the machine (`ps`), so they come from the environment or the config file.
    package var flag: String? {
        isSecret ? nil : flagName
    }

    var flagName: String {
        let words = rawValue.hasPrefix("CASTBOT_") ? String(rawValue.dropFirst("CASTBOT_".count)) : rawValue
        return "--" + words.lowercased().replacingOccurrences(of: "_", with: "-")
    }
}

/// Where the settings come from, read through one `ConfigReader`: command-line flags first, then
/// the environment, then the `KEY=VALUE` file named by `--config-file` or `CASTBOT_CONFIG_FILE`.
/// The one place a setting's text is read; `ConfigurationValidator` turns the texts into values.
package struct ConfigurationSource: Sendable {
    package let reader: ConfigReader
    /// What is wrong with the flags or the config file (names, lines), one sentence each.
    package let problems: [String]

    /// - Parameters:
    ///   - environment: the process's environment; empty values count as unset.
    ///   - arguments: `castbot serve`'s flags (`--http-port 9000`, `--http-port=9000`).
    package init(environment: [String: String], arguments: [String] = []) {
        var problems: [String] = []
        let flags = Self.parseFlags(arguments, problems: &problems)
        var fileValues: [String: String] = [:]
        var fileName = "config file"
        if let path = Self.nonEmpty(flags[.configFile] ?? environment[ConfigurationKey.configFile.rawValue]) {
            let file = Self.readConfigFile(at: path)
            fileValues = file.values
            fileName = path
            problems += file.problems
        }
        let secrets = Set(ConfigurationKey.allCases.filter(\.isSecret).map(\.rawValue))
        reader = ConfigReader(providers: [
            InMemoryProvider(name: "command line", values: Self.values(flags.map { ($0.key.rawValue, $0.value) })),
            EnvironmentVariablesProvider(
                environmentVariables: environment.filter { Self.nonEmpty($0.value) != nil }, secretsSpecifier: .specific(secrets)),
            InMemoryProvider(name: fileName, values: Self.values(fileValues.map { ($0.key, $0.value) })),
        ])
        self.problems = problems
    }

    /// The setting's text, trimmed; nil when it is unset or blank everywhere.
    package func value(_ key: ConfigurationKey) -> String? {
        Self.nonEmpty(reader.string(forKey: key.configKey, isSecret: key.isSecret))
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private static func values(_ pairs: [(name: String, value: String)]) -> [AbsoluteConfigKey: ConfigValue] {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (name, value) in pairs {
            guard let key = ConfigurationKey(rawValue: name) else { continue }
            values[AbsoluteConfigKey(key.configKey)] = ConfigValue(.string(value), isSecret: key.isSecret)
        }
        return values
    }

    /// `--name value` and `--name=value` for every setting with a flag. An unknown flag, a secret's
    /// name or a flag without a value is a problem (the value is never quoted).
    static func parseFlags(_ arguments: [String], problems: inout [String]) -> [ConfigurationKey: String] {
        let byFlag = Dictionary(uniqueKeysWithValues: ConfigurationKey.allCases.compactMap { key in key.flag.map { ($0, key) } })
        var values: [ConfigurationKey: String] = [:]
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = parts[0]
            guard let key = byFlag[name] else {
                if let secret = ConfigurationKey.allCases.first(where: { $0.isSecret && $0.flagName == name }) {
                    problems.append("\(secret.rawValue) is a secret and has no flag (a command line is visible to every user): set it in the environment or the config file")
                } else if name.hasPrefix("--") {
                    let known = byFlag.keys.sorted().joined(separator: ", ")
                    problems.append("unknown flag '\(name.prefix(40))' (known: \(known))")
                } else {
                    // Not quoted: a bare argument may be a pasted secret.
                    problems.append("argument \(index) is not a flag: settings are given as --name value")
                }
                // The refused flag's value goes with it.
                if name.hasPrefix("--"), parts.count == 1, index < arguments.endIndex, !arguments[index].hasPrefix("--") { index += 1 }
                continue
            }
            if parts.count == 2 {
                values[key] = parts[1]
            } else if index < arguments.endIndex, !arguments[index].hasPrefix("--") {
                values[key] = arguments[index]
                index += 1
            } else {
                problems.append("\(name) needs a value (\(name) VALUE or \(name)=VALUE)")
            }
        }
        return values
    }

    private static func readConfigFile(at path: String) -> ConfigFileParser.Result {
        let label = "\(ConfigurationKey.configFile.rawValue) '\(path)'"
        guard FileManager.default.fileExists(atPath: path) else {
            return .init(problems: ["\(label) does not exist"])
        }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            return .init(problems: ["\(label) cannot be read as UTF-8 text"])
        }
        return ConfigFileParser(fileLabel: label).parse(text)
    }
}
