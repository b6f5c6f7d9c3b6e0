/// Why a byte sequence is not acceptable JSON (RFC 8259), and where.
///
/// `line` and `column` are 1-based; the column counts characters (UTF-8 code points), not bytes,
/// so it matches what an editor shows.
package struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Problem: Sendable, Equatable {
        case emptyInput
        case byteOrderMark
        case topLevelNotObject(found: String)
        case unexpectedEnd(expected: String, openContainers: Int)
        case unterminatedString
        case trailingContent
        case unexpectedCharacter(found: String, expected: String)
        case singleQuotedString
        case nonFiniteNumber(String)
        case invalidLiteral(found: String)
        case invalidNumber(String)
        case controlCharacterInString(UInt8)
        case invalidEscape(found: String)
        case invalidUnicodeEscape
        case invalidUTF8(UInt8)
        case nestingTooDeep(limit: Int)
    }

    package let problem: Problem
    package let byteOffset: Int
    package let line: Int
    package let column: Int

    package init(problem: Problem, byteOffset: Int, line: Int, column: Int) {
        self.problem = problem
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
    }

    package var description: String {
        "line \(line), column \(column): \(problem.explanation)"
    }
}

extension JSONSyntaxError.Problem {
    /// What is wrong and, where it helps, what is allowed instead.
    package var explanation: String {
        switch self {
        case .emptyInput:
            return "the file is empty; expected a JSON object"
        case .byteOrderMark:
            return "the file starts with a UTF-8 byte order mark, which JSON does not allow; save it without a BOM"
        case .topLevelNotObject(let found):
            return "the top level is \(found); it must be a JSON object ({ ... })"
        case .unexpectedEnd(let expected, let open):
            let nesting = open > 0 ? " with \(open) object(s)/array(s) still open" : ""
            return "unexpected end of data\(nesting): expected \(expected); the file is truncated"
        case .unterminatedString:
            return "unexpected end of data inside a string: the file is truncated"
        case .trailingContent:
            return "unexpected content after the end of the top-level object (trailing garbage)"
        case .unexpectedCharacter(let found, let expected):
            return "unexpected \(found); expected \(expected)"
        case .singleQuotedString:
            return "single quote: JSON strings must use double quotes (\")"
        case .nonFiniteNumber(let word):
            return "\(word) is not valid JSON: numbers must be finite decimal literals"
        case .invalidLiteral(let found):
            return "invalid literal \(found); allowed literals are true, false and null"
        case .invalidNumber(let detail):
            return "invalid number: \(detail)"
        case .controlCharacterInString(let byte):
            return "control character \(hexCodePoint(byte)) inside a string must be escaped (e.g. \\n, \\t or \\u00XX)"
        case .invalidEscape(let found):
            return "invalid escape \(found) in a string; allowed escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"
        case .invalidUnicodeEscape:
            return "invalid \\u escape in a string: expected exactly four hexadecimal digits"
        case .invalidUTF8(let byte):
            return "invalid UTF-8 (byte 0x\(hexByte(byte))); the file must be UTF-8 encoded"
        case .nestingTooDeep(let limit):
            return "objects/arrays are nested more than \(limit) levels deep; the limit is \(limit)"
        }
    }
}

private func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}

private func hexCodePoint(_ byte: UInt8) -> String {
    "U+00" + hexByte(byte)
}
