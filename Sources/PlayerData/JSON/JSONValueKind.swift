/// The kind of a JSON value, read from its first byte.
package enum JSONValueKind: Sendable, Equatable {
    case object, array, string, number, `true`, `false`, null

    /// `byte` must start a valid value (the scanner has checked it).
    init(firstByte byte: UInt8) {
        switch byte {
        case UInt8(ascii: "{"): self = .object
        case UInt8(ascii: "["): self = .array
        case UInt8(ascii: "\""): self = .string
        case UInt8(ascii: "t"): self = .true
        case UInt8(ascii: "f"): self = .false
        case UInt8(ascii: "n"): self = .null
        default: self = .number
        }
    }

    /// How error messages name this kind ("the top level is an array").
    var nameWithArticle: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .true, .false: return "a boolean"
        case .null: return "null"
        }
    }
}

/// A value's byte range in a buffer, with its kind.
struct JSONValueSpan: Sendable, Equatable {
    let start: Int
    let end: Int
    let kind: JSONValueKind

    var range: Range<Int> { start..<end }
}
