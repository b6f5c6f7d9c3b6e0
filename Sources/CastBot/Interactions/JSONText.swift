/// Builds the small JSON documents the server writes itself (errors, short messages, health),
/// without an encoder that could fail.
enum JSONText {
    /// A JSON string literal, quotes included.
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `{"error": message}`, the body of every error the endpoints return.
    static func error(_ message: String) -> [UInt8] {
        Array("{\"error\":\(string(message))}".utf8)
    }
}
