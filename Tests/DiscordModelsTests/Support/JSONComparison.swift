import DiscordModels
import Foundation

/// Compares JSON by value (key order and whitespace do not matter).
enum JSONComparison {
    static func value(of data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    static func value(encoding encodable: some Encodable) throws -> JSONValue {
        try value(of: JSONEncoder().encode(encodable))
    }

    static func value(parsing text: String) throws -> JSONValue {
        try value(of: Data(text.utf8))
    }
}
