import Foundation

/// Parses headers of the form `value; key=token; key="quoted \" string"`, as used by
/// Content-Type and Content-Disposition. Quoted values may contain `;` and `=`.
struct HeaderParameters: Sendable {
    let value: String
    let parameters: [String: String]

    init(_ header: String) {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && inQuotes {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
                current.append(character)
            } else if character == ";" && !inQuotes {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        self.value = fields.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        var parameters: [String: String] = [:]
        for field in fields.dropFirst() {
            guard let equals = field.firstIndex(of: "=") else { continue }
            let key = field[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let raw = field[field.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            parameters[key] = Self.unquote(raw)
        }
        // RFC 5987 extended values (`filename*=UTF-8''na%C3%AFve.json`) take precedence.
        for (key, extended) in parameters where key.hasSuffix("*") {
            let base = String(key.dropLast())
            if let quote = extended.range(of: "''"),
                let decoded = String(extended[quote.upperBound...]).removingPercentEncoding
            {
                parameters[base] = decoded
            }
        }
        self.parameters = parameters
    }

    private static func unquote(_ raw: String) -> String {
        guard raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") else { return raw }
        var result = ""
        var escaped = false
        for character in raw.dropFirst().dropLast() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
