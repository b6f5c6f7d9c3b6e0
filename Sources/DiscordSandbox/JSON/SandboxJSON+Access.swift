extension SandboxJSON {
    package subscript(key: String) -> SandboxJSON? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    package subscript(index: Int) -> SandboxJSON? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Integers, and doubles with no fractional part (JSON does not distinguish them).
    package var intValue: Int? {
        switch self {
        case .int(let value): return Int(exactly: value)
        case .double(let value): return Int(exactly: value)
        default: return nil
        }
    }

    package var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    package var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    package var arrayValue: [SandboxJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    package var objectValue: [String: SandboxJSON]? {
        if case .object(let value) = self { return value }
        return nil
    }

    package var isNull: Bool { self == .null }

    /// Snowflakes arrive as strings, but some clients send them as numbers.
    package var snowflakeValue: String? {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        default: return nil
        }
    }

    /// A short name of the JSON type, used in validation messages.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension SandboxJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int64) { self = .int(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: SandboxJSON...) { self = .array(elements) }
    package init(nilLiteral: ()) { self = .null }
    package init(floatLiteral value: Double) { self = .double(value) }
    package init(dictionaryLiteral elements: (String, SandboxJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension SandboxJSON {
    /// `.string(value)` or `.null` when absent: Discord sends explicit nulls for optional fields.
    static func optional(_ value: String?) -> SandboxJSON {
        value.map(SandboxJSON.string) ?? .null
    }

    static func integer(_ value: Int) -> SandboxJSON { .int(Int64(value)) }
}
