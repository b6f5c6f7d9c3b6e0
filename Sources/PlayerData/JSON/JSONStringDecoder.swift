/// Decodes the inside of an already validated JSON string (without its quotes).
enum JSONStringDecoder {
    /// The decoded text as WTF-8: UTF-8, except that a lone surrogate escape such as `\uD800`
    /// keeps its own three-byte form, so two different keys never decode to the same bytes.
    static func decode(_ inner: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var index = 0
        let count = inner.count
        while index < count {
            let byte = inner[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < count else {
                out.append(byte)
                index += 1
                continue
            }
            let escape = inner[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hexUnit(inner, at: index) else { continue }
                index += 4
                var scalar = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit), index + 6 <= count,
                    inner[index] == UInt8(ascii: "\\"), inner[index + 1] == UInt8(ascii: "u"),
                    let low = hexUnit(inner, at: index + 2), (0xDC00...0xDFFF).contains(low)
                {
                    scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    index += 6
                }
                appendUTF8(scalar, to: &out)
            default: out.append(escape)  // \" \\ \/
            }
        }
        return out
    }

    /// The decoded text as a Swift string (lone surrogates become U+FFFD).
    static func string(_ inner: UnsafeRawBufferPointer) -> String {
        String(decoding: decode(inner), as: UTF8.self)
    }

    private static func hexUnit(_ bytes: UnsafeRawBufferPointer, at index: Int) -> UInt16? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for offset in 0..<4 {
            guard let digit = JSONScanner.hexValue(bytes[index + offset]) else { return nil }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
