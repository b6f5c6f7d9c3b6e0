import Foundation
import Logging

extension CastBotConfiguration {
    /// Reads the settings from `environment`, adding any from the `KEY=VALUE` file named by
    /// `CASTBOT_CONFIG_FILE` (the environment wins), and validates them all.
    ///
    /// - Throws: `ConfigurationError` listing every problem found, one sentence each.
    public static func load(environment: [String: String]) throws(ConfigurationError) -> CastBotConfiguration {
        var problems: [String] = []
        var settings: [String: String] = [:]
        if let path = nonEmpty(environment[ConfigurationKey.configFile.rawValue]) {
            let file = readConfigFile(at: path)
            settings = file.values
            problems += file.problems
        }
        for key in ConfigurationKey.allCases where key != .configFile {
            if let value = nonEmpty(environment[key.rawValue]) { settings[key.rawValue] = value }
        }

        var validator = ConfigurationValidator(settings: settings)
        let configuration = validator.validate()
        problems += validator.problems
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return configuration
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

    static func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
