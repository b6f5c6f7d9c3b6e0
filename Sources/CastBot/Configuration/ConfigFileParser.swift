import Foundation

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
