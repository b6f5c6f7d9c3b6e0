/// The JSON body Discord returns with an error: `code`, `message` and, for invalid form bodies, a
/// tree of `errors` naming each rejected field. Rate-limit (429) bodies also carry `retry_after`
/// (seconds) and `global`.
package struct DiscordErrorBody: Sendable, Hashable, Codable {
    package var code: DiscordJSONErrorCode?
    package var message: String?
    package var errors: JSONValue?
    package var retryAfter: Double?
    package var global: Bool?

    package init(
        code: DiscordJSONErrorCode? = nil,
        message: String? = nil,
        errors: JSONValue? = nil,
        retryAfter: Double? = nil,
        global: Bool? = nil
    ) {
        self.code = code
        self.message = message
        self.errors = errors
        self.retryAfter = retryAfter
        self.global = global
    }

    enum CodingKeys: String, CodingKey {
        case code, message, errors, global
        case retryAfter = "retry_after"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = container.lenient(DiscordJSONErrorCode.self, forKey: .code)
        message = container.lenient(String.self, forKey: .message)
        errors = container.lenient(JSONValue.self, forKey: .errors)
        retryAfter = container.lenient(Double.self, forKey: .retryAfter)
        global = container.lenient(Bool.self, forKey: .global)
    }

    /// One rejected field of an invalid form body.
    package struct FieldError: Sendable, Hashable {
        /// Dotted path to the field, e.g. `embeds.0.description`; empty for the request as a whole.
        package var path: String
        package var code: String?
        package var message: String?
    }

    /// Every rejected field in the `errors` tree, in path order.
    package var fieldErrors: [FieldError] {
        guard let errors else { return [] }
        var found: [FieldError] = []
        Self.collect(errors, path: [], into: &found)
        return found
    }

    private static func collect(_ node: JSONValue, path: [String], into found: inout [FieldError]) {
        guard let members = node.objectValue else { return }
        for key in members.keys.sorted() {
            guard let child = members[key] else { continue }
            if key == "_errors" {
                for entry in child.arrayValue ?? [] {
                    found.append(
                        FieldError(
                            path: path.joined(separator: "."),
                            code: entry["code"]?.stringValue,
                            message: entry["message"]?.stringValue
                        )
                    )
                }
            } else {
                collect(child, path: path + [key], into: &found)
            }
        }
    }

    /// One line for logs and admin DMs: the message, the code and each rejected field.
    package var summary: String {
        var text = message ?? "Discord error"
        if let code { text += " (code \(code.rawValue))" }
        let fields = fieldErrors.map { field in
            let location = field.path.isEmpty ? "request" : field.path
            let reason = [field.message, field.code.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            return "\(location): \(reason)"
        }
        if !fields.isEmpty { text += ": " + fields.joined(separator: "; ") }
        return text
    }
}
