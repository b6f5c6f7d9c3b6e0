/// Re-lays out an already validated JSON value the way `JSON.stringify(_, null, 2)` would at a
/// given depth, copying every string, number and literal byte for byte.
enum JSONReindenter {
    static func append(_ value: UnsafeRawBufferPointer, depth: Int, to out: inout [UInt8]) {
        var level = depth
        var index = 0
        let count = value.count
        while index < count {
            let byte = value[index]
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09:
                index += 1
            case UInt8(ascii: "\""):
                let end = stringEnd(value, from: index)
                out.append(contentsOf: value[index..<end])
                index = end
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let closer = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                var next = index + 1
                while next < count && JSONScanner.isWhitespace(value[next]) { next += 1 }
                out.append(byte)
                if next < count && value[next] == closer {
                    out.append(closer)
                    index = next + 1
                } else {
                    level += 1
                    appendNewline(level: level, to: &out)
                    index += 1
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                level -= 1
                appendNewline(level: level, to: &out)
                out.append(byte)
                index += 1
            case UInt8(ascii: ","):
                out.append(byte)
                appendNewline(level: level, to: &out)
                index += 1
            case UInt8(ascii: ":"):
                out.append(byte)
                out.append(0x20)
                index += 1
            default:
                let start = index
                while index < count && !isDelimiter(value[index]) { index += 1 }
                out.append(contentsOf: value[start..<index])
            }
        }
    }

    static func appendNewline(level: Int, to out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: max(level, 0) * 2))
    }

    /// Index just past the closing quote of the string opening at `start`.
    private static func stringEnd(_ value: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start + 1
        while index < value.count {
            switch value[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return value.count
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }
}
