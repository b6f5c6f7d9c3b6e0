/// Removes insignificant whitespace (outside strings) from JSON text, to test re-indenting.
func minified(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var inString = false
    var escaped = false
    for byte in bytes {
        if inString {
            out.append(byte)
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
        } else if byte == UInt8(ascii: "\"") {
            inString = true
            out.append(byte)
        } else if ![0x20, 0x0A, 0x0D, 0x09].contains(byte) {
            out.append(byte)
        }
    }
    return out
}

extension Array where Element == UInt8 {
    init(_ text: String) {
        self = Array(text.utf8)
    }

    var text: String { String(decoding: self, as: UTF8.self) }
}
