import Foundation

/// A JSON value as Discord sends and receives it. The sandbox inspects arbitrary request
/// bodies (components, embeds, command definitions) without knowing their full schema,
/// so it keeps them as a generic tree rather than typed models.
package enum SandboxJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([SandboxJSON])
    case object([String: SandboxJSON])
}

extension SandboxJSON: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SandboxJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SandboxJSON].self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension SandboxJSON {
    /// Parses JSON text. Top-level scalars are accepted, as Discord's parser accepts them.
    package static func parse(_ bytes: [UInt8]) throws -> SandboxJSON {
        try JSONDecoder().decode(SandboxJSON.self, from: Data(bytes))
    }

    /// Compact JSON with sorted keys, so equal values always serialize to equal bytes.
    package func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding only fails for non-finite doubles, which parsing never produces.
        return (try? encoder.encode(self)).map { [UInt8]($0) } ?? Array("null".utf8)
    }

    /// The encoded JSON as a string, handy in test failure messages.
    package var text: String { String(decoding: encoded(), as: UTF8.self) }
}
